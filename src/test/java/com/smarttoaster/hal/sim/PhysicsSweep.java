package com.smarttoaster.hal.sim;

import com.smarttoaster.toast.BreadType;

/**
 * One row of the retune table in docs/physics-validation.md ("Retuning measured"): shade 1 / 4 / 7
 * times of the typical case, one shade at medium in seconds and as a share of the medium time, the
 * dark/light ratio, the hottest surface at shades 4 and 7, and the hardest corner at 200 / 207 V.
 * Run with the sweep patch applied and -Dsweep.NAME=value for the constants it varies.
 */
public final class PhysicsSweep {
  private PhysicsSweep() {}

  private static double oracle(ApplianceConditions c, int shade) {
    return ShadeOracle.bestHeatSeconds(c, shade, 600);
  }

  private static double maxSurfaceC(ApplianceConditions c, double heatS) {
    ToasterPhysics p = new ToasterPhysics(c);
    p.setElementPowered(true);
    double max = Double.NEGATIVE_INFINITY;
    for (double t = 0; t < heatS + ShadeOracle.COOL_S; t += ShadeOracle.DT_S) {
      if (t >= heatS) {
        p.setElementPowered(false);
        p.setBreadInChamber(false);
      }
      p.update(ShadeOracle.DT_S);
      max = Math.max(max, p.breadSurfaceC());
    }
    return max;
  }

  public static void main(String[] args) {
    ApplianceConditions b = ApplianceConditions.typical();
    double[] t = new double[8];
    for (int s = 1; s <= 7; s++) {
      t[s] = oracle(b, s);
    }
    double step = (t[5] - t[3]) / 2;
    double corner200 = oracle(new ApplianceConditions(5, 200, 5, 2, BreadType.RYE, 35, -25), 7);
    double corner207 = oracle(new ApplianceConditions(5, 207, 5, 2, BreadType.RYE, 35, -25), 7);
    System.out.printf(
        "| %s | %.0f / %.0f / %.0f s | %.1f s = %.1f %% | %.2f | %.0f / %.0f °C | %.0f / %.0f s |%n",
        args.length > 0 ? args[0] : "",
        t[1],
        t[4],
        t[7],
        step,
        100 * step / t[4],
        t[7] / t[1],
        maxSurfaceC(b, t[4]),
        maxSurfaceC(b, t[7]),
        corner200,
        corner207);
  }
}
