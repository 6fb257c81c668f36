package com.smarttoaster.hal.sim;

/**
 * A recorded run of the physics at the simulated appliance's step: heat for a while with the bread
 * in, then heat off, the bread popped after {@link #POP_DELAY_S} (or left in), and a cool-down.
 * Measures the chamber behaviours the safety supervisor relies on.
 */
final class ChamberRun {
  static final double DT = 0.01;

  /** Delay between heat-off and the carriage release (the supervisor's release verification). */
  static final double POP_DELAY_S = 0.1;

  /** How long the chamber is watched after heat-off, s. */
  static final double AFTER_S = 40.0;

  final double[] heating;
  final double[] after;

  private ChamberRun(double[] heating, double[] after) {
    this.heating = heating;
    this.after = after;
  }

  /** Runs {@code heatS} of heating then {@link #AFTER_S} of cool-down. */
  static ChamberRun of(ApplianceConditions c, double heatS, boolean popAfterHeat) {
    ToasterPhysics p = new ToasterPhysics(c);
    p.setElementPowered(true);
    int n = (int) Math.round(heatS / DT);
    double[] heating = new double[n + 1];
    for (int i = 0; i < n; i++) {
      heating[i] = p.chamberC();
      p.update(DT);
    }
    heating[n] = p.chamberC();
    p.setElementPowered(false);
    int m = (int) Math.round(AFTER_S / DT);
    int pop = (int) Math.round(POP_DELAY_S / DT);
    double[] after = new double[m + 1];
    for (int i = 0; i <= m; i++) {
      after[i] = p.chamberC();
      if (popAfterHeat && i == pop) {
        p.setBreadInChamber(false);
      }
      p.update(DT);
    }
    return new ChamberRun(heating, after);
  }

  /** Highest chamber temperature while heating, °C. */
  double maxWhileHeatingC() {
    double max = Double.NEGATIVE_INFINITY;
    for (double v : heating) {
      max = Math.max(max, v);
    }
    return max;
  }

  /** Chamber rise from the start to {@code atS} of heating, °C. */
  double riseByC(double atS) {
    int i = Math.min(heating.length - 1, (int) Math.round(atS / DT));
    return heating[i] - heating[0];
  }

  /**
   * Largest fall within any {@code windowS} window that ends after {@code settleS} of heating, °C.
   */
  double maxFallC(double settleS, double windowS) {
    int from = (int) Math.round(settleS / DT);
    int w = (int) Math.round(windowS / DT);
    double worst = 0;
    java.util.ArrayDeque<Integer> window = new java.util.ArrayDeque<>();
    for (int i = from; i < heating.length; i++) {
      while (!window.isEmpty() && heating[window.peekLast()] <= heating[i]) {
        window.pollLast();
      }
      window.addLast(i);
      while (window.peekFirst() < i - w) {
        window.pollFirst();
      }
      worst = Math.max(worst, heating[window.peekFirst()] - heating[i]);
    }
    return worst;
  }

  /** Fastest rise while heating, step to step, °C/s. */
  double maxRiseRateCPerS() {
    double worst = 0;
    for (int i = 1; i < heating.length; i++) {
      worst = Math.max(worst, (heating[i] - heating[i - 1]) / DT);
    }
    return worst;
  }

  /** Largest rise above the heat-off temperature during the cool-down, °C (≤ 0 if it only fell). */
  double riseAfterOffC() {
    double worst = Double.NEGATIVE_INFINITY;
    for (double v : after) {
      worst = Math.max(worst, v - after[0]);
    }
    return worst;
  }

  /** How long after heat-off the chamber stays above its heat-off temperature, s. */
  double riseAfterOffDurationS() {
    int last = 0;
    for (int i = 0; i < after.length; i++) {
      if (after[i] > after[0]) {
        last = i;
      }
    }
    return last * DT;
  }

  /**
   * The supervisor's heater-stuck check on a healthy toaster: the largest rise within any {@code
   * windowS} window starting {@code settleS} or later after heat-off, °C.
   */
  double stuckCheckRiseC(double settleS, double windowS) {
    int from = (int) Math.round(settleS / DT);
    int w = (int) Math.round(windowS / DT);
    double worst = Double.NEGATIVE_INFINITY;
    for (int i = from; i < after.length; i++) {
      for (int j = i; j <= Math.min(after.length - 1, i + w); j++) {
        worst = Math.max(worst, after[j] - after[i]);
      }
    }
    return worst;
  }
}
