package com.smarttoaster.hal.sim;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** The protectors' mount, cut-out and fuse against their stated equations and ratings. */
class ProtectorMountTest {
  @Test
  void settlesAtTheWeightedTemperatureWithTheStatedLag() {
    ProtectorMount m = ProtectorMount.design(20, 20);
    double target = 20 + ProtectorMount.BOARD_WEIGHT * (520 - 20);
    for (int i = 0; i < 450; i++) {
      m.update(520, 20, 0.1); // one time constant in 0.1 s steps
    }
    assertEquals(
        20 + (target - 20) * (1 - Math.exp(-1)), m.tempC(), 0.01, "63 % of the step after τ");
    for (int i = 0; i < 10_000; i++) {
      m.update(520, 20, 0.1);
    }
    assertEquals(target, m.tempC(), 1e-6, "settles at T_room + w·(T_board − T_room)");
  }

  @Test
  void theStepSizeDoesNotChangeTheAnswer() {
    ProtectorMount fine = ProtectorMount.design(20, 20);
    ProtectorMount coarse = ProtectorMount.design(20, 20);
    for (int i = 0; i < 1000; i++) {
      fine.update(600, 20, 0.01);
    }
    coarse.update(600, 20, 10);
    assertEquals(fine.tempC(), coarse.tempC(), 1e-9, "exact for a constant board temperature");
  }

  @Test
  void theCutoutOpensAtItsTripAndClosesOnlyAfterCoolingTwentyDegrees() {
    ThermalCutout c = new ThermalCutout(new ProtectorMount(1.0, 1.0, 20, 20), 180);
    c.update(179, 20, 100);
    assertFalse(c.isOpen(), "open below its trip");
    c.update(181, 20, 100);
    assertTrue(c.isOpen(), "closed above its trip");
    c.update(165, 20, 100);
    assertFalse(c.pressReset(), "reset only " + (180 - 165) + " °C below the trip");
    c.update(159, 20, 100);
    assertTrue(c.pressReset(), "reset 21 °C below the trip");
  }

  @Test
  void theFuseOpensAtTheLowEndOfItsRatingAndNeverCloses() {
    assertEquals(230.0, ThermalFuse.OPENS_AT_C, 0.0, "Tf 240 °C, −10 °C per IEC 60691");
    ThermalFuse f = new ThermalFuse(new ProtectorMount(1.0, 1.0, 20, 20), ThermalFuse.OPENS_AT_C);
    f.update(229, 20, 100);
    assertFalse(f.isOpen(), "open below 230 °C");
    f.update(231, 20, 100);
    assertTrue(f.isOpen(), "closed above 230 °C");
    f.update(20, 20, 1000);
    assertTrue(f.isOpen(), "a one-shot fuse closed again");
  }
}
