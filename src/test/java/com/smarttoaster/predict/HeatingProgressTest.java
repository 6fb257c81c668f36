package com.smarttoaster.predict;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;

/**
 * The rises' feature names say the window they average, so a model on another window is refused.
 */
class HeatingProgressTest {
  @Test
  void theRiseFeaturesAreNamedByTheirWindows() {
    List<String> expected = new ArrayList<>();
    for (double mark : HeatingProgress.AT_S) {
      expected.add(
          String.format(Locale.ROOT, "rise%.0fto%.0fC", mark - HeatingProgress.AVERAGE_S, mark));
    }
    int first = ModelFeatures.NAMES.indexOf("progressKnown") + 1;
    assertEquals(expected, ModelFeatures.NAMES.subList(first, first + HeatingProgress.AT_S.length));
  }

  @Test
  void aRiseStepIsABinaryFractionSoTheDatasetCsvKeepsItExactly() {
    double step = HeatingProgress.RISE_STEP_C;
    for (int k = 0; k < 4000; k++) {
      double rise = k * step;
      assertEquals(rise, Double.parseDouble(Float.toString((float) rise)), 0.0, "rise " + rise);
    }
  }
}
