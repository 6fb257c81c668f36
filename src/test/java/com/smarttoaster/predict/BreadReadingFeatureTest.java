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
 * The bread thermometer's reading as a model input (generator 9): a flag and the apparent reading,
 * and a defined value without one (the flag 0 and the ambient reading). The fallback table's basis
 * does not see it; only its single bread factor does (FallbackBreadFactorTest).
 */
class BreadReadingFeatureTest {
  private static final ToastSettings WHITE =
      new ToastSettings(4, BreadType.WHITE, 12, 2, ToastMode.TOAST);
  private static final PredictionInput NONE = new PredictionInput(WHITE, 21.5, 21.0, 230);

  @Test
  void aReadingIsEncodedWithItsFlag() {
    float[] f = ModelFeatures.encode(NONE.withBreadReading(-14.25));
    assertEquals("breadReadKnown", ModelFeatures.NAMES.get(ModelFeatures.BREAD_READ_KNOWN));
    assertEquals("breadReadC", ModelFeatures.NAMES.get(ModelFeatures.BREAD_READ_KNOWN + 1));
    assertEquals(1f, f[ModelFeatures.BREAD_READ_KNOWN]);
    assertEquals(-14.25f, f[ModelFeatures.BREAD_READ_KNOWN + 1]);
  }

  @Test
  void withoutAReadingTheFlagIsZeroAndTheValueTheAmbientReading() {
    for (PredictionInput in :
        new PredictionInput[] {
          NONE,
          NONE.withBreadReading(Double.NaN),
          NONE.withBreadReading(75.0),
          NONE.withBreadReading(-41.0),
          NONE.withBreadReading(Double.POSITIVE_INFINITY)
        }) {
      assertFalse(in.hasBreadReading(), "reading " + in.breadReadC());
      float[] f = ModelFeatures.encode(in);
      assertEquals(0f, f[ModelFeatures.BREAD_READ_KNOWN]);
      assertEquals(21.0f, f[ModelFeatures.BREAD_READ_KNOWN + 1]);
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
  void theFallbackTableIgnoresTheReading() {
    assertArrayEquals(
        FallbackBasis.startVariables(NONE),
        FallbackBasis.startVariables(NONE.withBreadReading(-14.0)));
  }
}
