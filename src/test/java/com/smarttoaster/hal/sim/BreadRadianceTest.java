package com.smarttoaster.hal.sim;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.smarttoaster.toast.BreadType;
import java.io.IOException;
import org.junit.jupiter.api.Test;

/** What the infrared bread thermometer sees in the simulated toaster. */
class BreadRadianceTest {
  private static ToasterPhysics toaster(double chamberC, double breadC) {
    return new ToasterPhysics(
        new ApplianceConditions(21.0, 230.0, chamberC, 2, BreadType.WHITE, 12, breadC, 230.0));
  }

  @Test
  void breadFacingWallsAtItsOwnTemperatureReadsItsOwnTemperature() {
    assertEquals(20.0, BreadRadiance.apparentC(20.0, 20.0, true), 1e-9);
  }

  @Test
  void frozenBreadInARoomTemperatureToasterReadsWarmerByItsReflection() {
    // ε = 0.9: 0.9·255.15⁴ + 0.1·294.15⁴ = 259.90⁴ K⁴, −13.25 °C: 4.75 K above the bread
    double read = BreadRadiance.apparentC(-18.0, 21.0, true);
    assertEquals(-13.246, read, 0.001);
  }

  @Test
  void hotWallsAfterACycleMakeFrozenBreadLookThawed() {
    double read = BreadRadiance.apparentC(-18.0, 150.0, true);
    assertTrue(read > 10.0, "boards at 150 °C reflect so much that −18 °C bread reads " + read);
  }

  @Test
  void withTheCarriageUpTheSensorSeesTheBoard() {
    assertEquals(35.0, BreadRadiance.apparentC(-18.0, 35.0, false), 1e-9);
  }

  @Test
  void theSimulatedToasterReadsTheFreshBreadAtThePress() throws IOException {
    ToasterPhysics p = toaster(21.0, -18.0);
    BreadRadiance r = new BreadRadiance(p);
    assertEquals(BreadRadiance.apparentC(-18.0, 21.0, true), r.apparentC(), 0.01);
  }

  @Test
  void thePartsCalibrationOffsetStaysWithinTheDatasheetAccuracyAndDependsOnTheSeed() {
    ToasterPhysics p = toaster(21.0, 20.0);
    double min = Double.MAX_VALUE;
    double max = -Double.MAX_VALUE;
    for (long seed = 0; seed < 2000; seed++) {
      double o = new BreadRadiance(p, () -> true, seed).offsetC();
      assertTrue(Math.abs(o) <= BreadRadiance.ACCURACY_C, "offset " + o);
      min = Math.min(min, o);
      max = Math.max(max, o);
    }
    assertTrue(min < -0.45 && max > 0.45, "offsets should spread over ±0.5 °C");
  }

  @Test
  void anInjectedFailureIsAnIoExceptionNotATemperature() {
    BreadRadiance r = new BreadRadiance(toaster(21.0, 20.0));
    r.fail(true);
    assertThrows(IOException.class, r::apparentC);
  }
}
