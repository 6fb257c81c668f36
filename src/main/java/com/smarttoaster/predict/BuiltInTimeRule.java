package com.smarttoaster.predict;

import com.smarttoaster.toast.BreadType;
import com.smarttoaster.toast.ToastMode;
import com.smarttoaster.toast.ToastSettings;

/**
 * The last resort when the fitted table's file cannot be used: the hand-fitted factors of earlier
 * releases. A reference time per shade (white, 12 mm, two slices, cold toaster at 21 °C, 230 V,
 * bread at room temperature), multiplied by one factor per thing the appliance can observe: mean
 * shade error 0.59 on the model's test split, about four times the fitted table's, but compiled in,
 * so it cannot go missing. Mains is taken relative to the element's nominal voltage.
 */
final class BuiltInTimeRule {
  /** Reference heater-on times for shades 1..7, s (index 0 unused). */
  private static final double[] BASE_S = {0, 89.0, 97.0, 103.4, 108.7, 113.3, 117.6, 122.2};

  /** Heating power goes with V², and browning speeds up steeply with power: time ∝ (V0/V)^2.86. */
  private static final double MAINS_EXPONENT = 2.864;

  private static final double ONE_SLICE = 0.806;
  private static final double DEFROST = 1.118;

  private BuiltInTimeRule() {}

  static double baseSecondsForShade(int shade) {
    return BASE_S[shade];
  }

  static double seconds(PredictionInput in) {
    ToastSettings s = in.settings();
    if (s.mode() == ToastMode.REHEAT) {
      return ReheatTime.seconds(in);
    }
    double lnThickness = Math.log(s.thicknessMm() / 12.0);
    double warm = Math.max(0.0, in.chamberStartC() - in.ambientC()) / 100.0;
    double lnT =
        Math.log(BASE_S[s.shade()])
            + Math.log(breadFactor(s.bread()))
            + 0.0388 * lnThickness
            - 0.0293 * lnThickness * lnThickness
            + MAINS_EXPONENT * Math.log(in.nominalMainsVolts() / in.mainsVolts())
            - 0.1834 * warm
            - 0.0205 * warm * warm
            - 0.0298 * (in.ambientC() - 21.0) / 10.0;
    double t = Math.exp(lnT);
    if (s.slices() == 1) {
      t *= ONE_SLICE;
    }
    if (s.mode() == ToastMode.DEFROST) {
      t *= DEFROST;
    }
    return t;
  }

  private static double breadFactor(BreadType b) {
    switch (b) {
      case WHOLEGRAIN:
        return 1.119;
      case SOURDOUGH:
        return 1.100;
      case RYE:
        return 1.173;
      case BRIOCHE:
        return 0.823;
      case BAGEL:
        return 1.124;
      default:
        return 1.0;
    }
  }
}
