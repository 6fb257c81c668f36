package com.smarttoaster.predict;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.smarttoaster.toast.BreadType;
import com.smarttoaster.toast.ToastMode;
import com.smarttoaster.toast.ToastSettings;
import org.junit.jupiter.api.Test;

/**
 * The bread thermometer's reading in the predictor's input: only plausible readings count, it
 * survives the re-prediction, and neither the shipped model (generator 6) nor the fallback table
 * reads it, so a toaster with the part and one without get the same times from them.
 */
class BreadReadingFeatureTest {
  private static final ToastSettings WHITE =
      new ToastSettings(4, BreadType.WHITE, 12, 2, ToastMode.TOAST);
  private static final PredictionInput NONE = new PredictionInput(WHITE, 21.5, 21.0, 230);

  @Test
  void onlyAPlausibleReadingIsAReading() {
    assertFalse(NONE.hasBreadReading());
    assertTrue(NONE.withBreadReading(-14.25).hasBreadReading());
    assertEquals(-14.25, NONE.withBreadReading(-14.25).breadReadC());
    for (double implausible :
        new double[] {Double.NaN, 60.5, -40.5, 381.0, Double.POSITIVE_INFINITY}) {
      PredictionInput in = NONE.withBreadReading(implausible);
      assertFalse(in.hasBreadReading(), "reading " + implausible);
      assertTrue(Double.isNaN(in.breadReadC()), "reading " + implausible);
    }
  }

  @Test
  void theReadingSurvivesTheRePrediction() {
    PredictionInput in =
        NONE.withBreadReading(3.5).withProgress(new HeatingProgress(new double[] {1, 2, 3}));
    assertTrue(in.hasBreadReading());
    assertEquals(3.5, in.breadReadC());
  }

  @Test
  void theShippedModelAndTheFallbackTableDoNotReadIt() {
    PredictionInput read = NONE.withBreadReading(-14.0);
    assertArrayEquals(ModelFeatures.encode(NONE), ModelFeatures.encode(read));
    assertArrayEquals(FallbackBasis.startVariables(NONE), FallbackBasis.startVariables(read));
  }
}
