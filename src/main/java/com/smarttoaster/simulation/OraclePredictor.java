package com.smarttoaster.simulation;

import com.smarttoaster.hal.sim.ApplianceConditions;
import com.smarttoaster.hal.sim.ShadeOracle;
import com.smarttoaster.hal.sim.ToasterPhysics;
import com.smarttoaster.predict.PredictionInput;
import com.smarttoaster.predict.PredictorName;
import com.smarttoaster.predict.ReheatTime;
import com.smarttoaster.predict.ToastTimePredictor;
import com.smarttoaster.toast.ToastMode;
import java.util.function.Supplier;

/**
 * The simulator's best time, found by searching the physics from its true state (including the
 * bread's start temperature, the actual mains and the heat left in every part by earlier cycles,
 * which no real appliance knows). For evaluation and training labels only; never on a device.
 */
public final class OraclePredictor implements ToastTimePredictor {
  private final Supplier<ToasterPhysics> truthNow;
  private final double maxS;
  private double lastStartAnswerS = Double.NaN;

  /** An oracle for a toaster that starts in the state {@code truth} describes. */
  public OraclePredictor(ApplianceConditions truth, double maxS) {
    this(() -> new ToasterPhysics(truth), maxS);
  }

  /**
   * @param truthNow the physics as it is when a cycle's prediction is asked for (a copy the oracle
   *     may run on)
   * @param maxS longest time to consider, s
   */
  public OraclePredictor(Supplier<ToasterPhysics> truthNow, double maxS) {
    this.truthNow = truthNow;
    this.maxS = maxS;
  }

  @Override
  public PredictorName name() {
    return PredictorName.ORACLE;
  }

  @Override
  public double predictSeconds(PredictionInput input) {
    if (input.settings().mode() == ToastMode.REHEAT) {
      return ReheatTime.seconds(input);
    }
    if (input.progress() != null && !Double.isNaN(lastStartAnswerS)) {
      return lastStartAnswerS; // knowing everything at the start, it has nothing to revise
    }
    lastStartAnswerS = ShadeOracle.bestHeatSeconds(truthNow.get(), input.settings().shade(), maxS);
    return lastStartAnswerS;
  }
}
