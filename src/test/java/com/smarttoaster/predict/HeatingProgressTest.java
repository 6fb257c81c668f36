package com.smarttoaster.predict;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.smarttoaster.toast.BreadType;
import com.smarttoaster.toast.ToastMode;
import com.smarttoaster.toast.ToastSettings;
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
    int late = ModelFeatures.NAMES.indexOf("lateProgressKnown") + 1;
    int early = HeatingProgress.EARLY;
    assertEquals(expected.subList(0, early), ModelFeatures.NAMES.subList(first, first + early));
    assertEquals(
        expected.subList(early, expected.size()),
        ModelFeatures.NAMES.subList(late, late + expected.size() - early));
  }

  @Test
  void theSecondRePredictionsProgressKeepsTheFirstsRises() {
    HeatingProgress late = new HeatingProgress(new double[] {4, 10, 17, 23, 28, 33});
    assertEquals(new HeatingProgress(new double[] {4, 10, 17}), late.early());
    PredictionInput in =
        new PredictionInput(
            new ToastSettings(4, BreadType.WHITE, 15, 2, ToastMode.TOAST), 21, 21, 230);
    float[] f = ModelFeatures.encode(in.withProgress(late));
    assertEquals(1f, f[ModelFeatures.PROGRESS_KNOWN]);
    assertEquals(17f, f[ModelFeatures.PROGRESS_KNOWN + 3]);
    assertEquals(1f, f[ModelFeatures.LATE_PROGRESS_KNOWN]);
    assertEquals(33f, f[ModelFeatures.LATE_PROGRESS_KNOWN + 3]);
    float[] early = ModelFeatures.encode(in.withProgress(late.early()));
    assertEquals(17f, early[ModelFeatures.PROGRESS_KNOWN + 3]);
    assertEquals(0f, early[ModelFeatures.LATE_PROGRESS_KNOWN]);
    assertEquals(0f, early[ModelFeatures.LATE_PROGRESS_KNOWN + 3]);
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
