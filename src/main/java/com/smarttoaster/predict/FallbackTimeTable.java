package com.smarttoaster.predict;

import com.smarttoaster.toast.BreadType;
import com.smarttoaster.toast.ToastMode;
import com.smarttoaster.toast.ToastSettings;

/**
 * The non-ML time table: a base time per shade for the reference case (white, 12 mm, two slices,
 * cold toaster, 230 V), scaled by simple factors for what the appliance can observe. Plain
 * arithmetic with no learned parts, so it is the safe answer whenever the model's is not. The
 * factors were fitted once against the simulated appliance's oracle (see README, "Fallback table").
 */
public final class FallbackTimeTable implements ToastTimePredictor {
  // Reference heater-on times for shades 1..7 (index 0 unused).
  private static final double[] BASE_S = {0, 80, 100, 120, 140, 160, 180, 200};

  @Override
  public String name() {
    return "fallback";
  }

  /** Reference time for a shade, s; also what a mechanical timer uses. */
  public static double baseSecondsForShade(int shade) {
    return BASE_S[shade];
  }

  @Override
  public double predictSeconds(PredictionInput in) {
    ToastSettings s = in.settings();
    if (s.mode() == ToastMode.REHEAT) {
      return ReheatTime.seconds(in);
    }
    double t = BASE_S[s.shade()] * breadFactor(s.bread());
    t *= Math.pow(s.thicknessMm() / 12.0, 0.5);
    t *= s.slices() == 1 ? 0.95 : 1.0;
    t *= Math.pow(230.0 / in.mainsVolts(), 1.0);
    double warmth = Math.max(0.0, in.chamberStartC() - in.ambientC());
    t *= Math.max(0.5, 1.0 - warmth / 400.0);
    if (s.mode() == ToastMode.DEFROST) {
      t += 40.0 * s.thicknessMm() / 12.0;
    }
    return t;
  }

  private static double breadFactor(BreadType b) {
    switch (b) {
      case BRIOCHE:
        return 0.8;
      case RYE:
        return 1.2;
      case WHOLEGRAIN:
        return 1.1;
      case SOURDOUGH:
        return 1.05;
      case BAGEL:
        return 1.2;
      default:
        return 1.0;
    }
  }
}
