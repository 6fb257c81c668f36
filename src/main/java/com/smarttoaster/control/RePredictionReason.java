package com.smarttoaster.control;

import com.smarttoaster.predict.HeatingProgress;
import com.smarttoaster.toast.ToastMode;
import java.util.Arrays;
import java.util.Locale;

/**
 * Why a re-prediction changed a cycle's time, in words for the event log. The appliance cannot tell
 * frozen bread from low mains or a cold-soaked toaster (each makes the chamber warm slower); it
 * says what it saw and names the likely causes. Plain arithmetic on the two times, never a model.
 */
final class RePredictionReason {
  /** A total this much longer (or shorter) than the start estimate is called out, as a ratio. */
  static final double MUCH_LONGER = 1.25;

  static final double MUCH_SHORTER = 0.8;

  private RePredictionReason() {}

  /**
   * @param mode the cycle's mode
   * @param beforeS the time the cycle had, s
   * @param afterS the re-predicted total, s
   * @param riseC the chamber's rise at the first of {@link HeatingProgress#AT_S} (as many as
   *     taken), °C
   */
  static String describe(ToastMode mode, double beforeS, double afterS, double[] riseC) {
    String seen =
        String.format(
            Locale.ROOT,
            "chamber rose %s °C after %s s of heating",
            join(riseC),
            join(Arrays.copyOf(HeatingProgress.AT_S, riseC.length)));
    double ratio = afterS / beforeS;
    if (ratio >= MUCH_LONGER) {
      String forMode = mode == ToastMode.DEFROST ? "" : " for " + mode.id() + " mode";
      String causes =
          mode == ToastMode.DEFROST
              ? "very cold bread, low mains or a cold-soaked toaster?"
              : "frozen bread, low mains or a cold-soaked toaster?";
      return "chamber warmed slower than expected" + forMode + ": " + causes + " (" + seen + ")";
    }
    if (ratio <= MUCH_SHORTER) {
      String causes =
          mode == ToastMode.DEFROST
              ? "bread not frozen after all, a toaster still hot, or mains above the configured voltage?"
              : "a toaster still hot from earlier cycles, or mains above the configured voltage?";
      return "chamber warmed faster than expected for "
          + mode.id()
          + " mode: "
          + causes
          + " ("
          + seen
          + ")";
    }
    return seen;
  }

  private static String join(double[] v) {
    StringBuilder sb = new StringBuilder();
    for (int i = 0; i < v.length; i++) {
      if (i > 0) {
        sb.append('/');
      }
      sb.append(
          v[i] == Math.rint(v[i])
              ? String.format(Locale.ROOT, "%.0f", v[i])
              : String.format(Locale.ROOT, "%.2f", v[i]).replaceAll("0+$", ""));
    }
    return sb.toString();
  }
}
