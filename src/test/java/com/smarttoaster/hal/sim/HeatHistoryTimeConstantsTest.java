package com.smarttoaster.hal.sim;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.smarttoaster.predict.HeatHistory;
import com.smarttoaster.toast.BreadType;
import org.junit.jupiter.api.Test;

/**
 * The controller's thermal-history estimate ({@link HeatHistory}) takes its time constants from
 * this simulator's parts; here they are recomputed from the parts' heat capacities and
 * conductances, and checked against the physics' own cooling after a cycle.
 */
class HeatHistoryTimeConstantsTest {
  @Test
  void theFastPartIsTheRibbonsAndBoardsOverTheirPathsOutOfTheSlots() {
    double capacity = ElementModel.HEAT_CAPACITY_J_PER_K + ChamberModel.BOARD_HEAT_CAPACITY_J_PER_K;
    double out =
        HeatPaths.BOARD_DRAUGHT_W_PER_K
            + HeatPaths.BOARD_TO_WALL_W_PER_K
            + HeatPaths.BOARD_TO_AIR_W_PER_K
            + HeatPaths.RIBBON_TO_AIR_W_PER_K;
    assertEquals(capacity / out, HeatHistory.FAST_TAU_S, 0.5);
  }

  @Test
  void theSlowPartIsTheWallsAndProbeAirOverTheHousingsLoss() {
    double capacity =
        ChamberModel.WALL_HEAT_CAPACITY_J_PER_K + ChamberModel.AIR_HEAT_CAPACITY_J_PER_K;
    double out = HeatPaths.WALL_LOSS_W_PER_K + HeatPaths.AIR_VENT_W_PER_K;
    assertEquals(capacity / out, HeatHistory.SLOW_TAU_S, 0.5);
  }

  /**
   * After a medium cycle the boards' excess over the walls (what the probe cannot see) decays
   * within 25 % of the fast time constant (30–150 s after the heat, once the ribbons have settled
   * onto the boards), and the walls' excess over the room within 25 % of the slow one once they
   * have stopped warming (300–900 s: for the first two minutes the boards still heat them, which a
   * first-order filter of the element's power leaves out; the chamber reading, which follows the
   * walls, is a feature beside it).
   */
  @Test
  void thePhysicsCoolsOnAboutTheseTimeConstants() {
    ToasterPhysics p =
        new ToasterPhysics(
            new ApplianceConditions(21.0, 230.0, 21.0, 2, BreadType.WHITE, 12, 21.0, 230.0));
    p.setBreadInChamber(true);
    p.setElementPowered(true);
    run(p, 110.0);
    p.setElementPowered(false);
    p.setBreadInChamber(false);
    run(p, 30.0);
    double boardExcess30 = p.boardC() - p.wallC();
    run(p, 120.0);
    double boardTau = 120.0 / Math.log(boardExcess30 / (p.boardC() - p.wallC()));
    run(p, 150.0);
    double wallExcess300 = p.wallC() - 21.0;
    run(p, 600.0);
    double wallTau = 600.0 / Math.log(wallExcess300 / (p.wallC() - 21.0));
    assertEquals(HeatHistory.FAST_TAU_S, boardTau, 0.25 * HeatHistory.FAST_TAU_S, "boards");
    assertEquals(HeatHistory.SLOW_TAU_S, wallTau, 0.25 * HeatHistory.SLOW_TAU_S, "walls");
  }

  private static void run(ToasterPhysics p, double seconds) {
    for (int i = 0; i < Math.round(seconds / 0.01); i++) {
      p.update(0.01);
    }
  }
}
