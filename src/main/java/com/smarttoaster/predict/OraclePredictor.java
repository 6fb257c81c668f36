package com.smarttoaster.predict;

import com.smarttoaster.hal.sim.ApplianceConditions;
import com.smarttoaster.hal.sim.ShadeOracle;
import com.smarttoaster.toast.ToastMode;

/**
 * The simulator's best time, found by searching the physics with the true conditions (including
 * the bread's start temperature, which no real appliance knows). For evaluation and training
 * labels only; never on a device.
 */
public final class OraclePredictor implements ToastTimePredictor {
  private final ApplianceConditions truth;
  private final double maxS;

  public OraclePredictor(ApplianceConditions truth, double maxS) {
    this.truth = truth;
    this.maxS = maxS;
  }

  @Override
  public String name() {
    return "oracle";
  }

  @Override
  public double predictSeconds(PredictionInput input) {
    if (input.settings().mode() == ToastMode.REHEAT) {
      return ReheatTime.seconds(input);
    }
    return ShadeOracle.bestHeatSeconds(truth, input.settings().shade(), maxS);
  }
}
