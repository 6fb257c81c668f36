package com.smarttoaster.predict;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.smarttoaster.toast.BreadType;
import com.smarttoaster.toast.ToastMode;
import com.smarttoaster.toast.ToastSettings;
import org.junit.jupiter.api.Test;

/**
 * The fallback table's bread factor: bread the thermometer reads colder than the room takes longer,
 * by one factor exponential in how much colder, in toast and bagel mode only; no reading, a warmer
 * reading and defrost mode leave the table's answer as it was.
 */
class FallbackBreadFactorTest {
  private static final ToastSettings WHITE =
      new ToastSettings(4, BreadType.WHITE, 12, 2, ToastMode.TOAST);
  private static final PredictionInput ROOM = new PredictionInput(WHITE, 21.5, 21.0, 230);

  private static FallbackTimeTable withFactor(double perK, double maxK) throws Exception {
    FallbackCoefficients c = FallbackTimeTable.readInstalled();
    return new FallbackTimeTable(
        new FallbackCoefficients(
            c.version(),
            c.description(),
            c.fit(),
            c.start(),
            c.progress(),
            c.lateProgress(),
            new FallbackCoefficients.BreadFactor(perK, maxK, 1)));
  }

  @Test
  void colderBreadTakesLongerByTheFittedFactorUpToItsClamp() throws Exception {
    FallbackTimeTable t = withFactor(0.004, 30.0);
    double room = t.predictSeconds(ROOM);
    assertEquals(room * Math.exp(0.004 * 17.0), t.predictSeconds(ROOM.withBreadReading(4.0)), 1e-9);
    // 61 K colder is clamped to the 30 K the fit saw
    assertEquals(
        room * Math.exp(0.004 * 30.0), t.predictSeconds(ROOM.withBreadReading(-40.0)), 1e-9);
    PredictionInput again = ROOM.withProgress(new HeatingProgress(new double[] {4, 10, 17}));
    assertTrue(t.predictSeconds(again.withBreadReading(4.0)) > t.predictSeconds(again));
  }

  @Test
  void noReadingAWarmerReadingAndDefrostModeAreLeftAlone() throws Exception {
    FallbackTimeTable t = withFactor(0.004, 30.0);
    assertEquals(t.predictSeconds(ROOM), t.predictSeconds(ROOM.withBreadReading(35.0)));
    assertEquals(t.predictSeconds(ROOM), t.predictSeconds(ROOM.withBreadReading(Double.NaN)));
    PredictionInput defrost = ROOM.withSettings(WHITE.withMode(ToastMode.DEFROST));
    assertEquals(t.predictSeconds(defrost), t.predictSeconds(defrost.withBreadReading(-18.0)));
  }

  @Test
  void aFactorOutsideItsLimitsIsRefusedNamingIt() {
    InvalidFallbackTableException e =
        assertThrows(InvalidFallbackTableException.class, () -> withFactor(-0.001, 30.0));
    assertTrue(e.getMessage().contains("perKelvin -0.001"), e.getMessage());
    e = assertThrows(InvalidFallbackTableException.class, () -> withFactor(0.004, 500.0));
    assertTrue(e.getMessage().contains("maxColderK 500.0"), e.getMessage());
  }
}
