package com.smarttoaster.predict;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** The controller's memory of its heating: filling, decay, accumulation over cycles. */
class HeatHistoryTest {
  private static final double TOL = HeatHistory.STEP_S; // the estimate's step

  @Test
  void aControllerThatHeatedNothingHoldsNothing() {
    assertEquals(StoredHeat.NONE, new HeatHistory().after(0.0));
  }

  @Test
  void aHeatingFillsEachPartTowardsItsTimeConstantAndARestEmptiesIt() {
    HeatHistory h = new HeatHistory();
    h.heated(0.0, 100.0, 1.0);
    StoredHeat atEnd = h.after(0.0);
    assertEquals(
        HeatHistory.FAST_TAU_S * (1 - Math.exp(-100.0 / HeatHistory.FAST_TAU_S)),
        atEnd.fastS(),
        TOL);
    assertEquals(
        HeatHistory.SLOW_TAU_S * (1 - Math.exp(-100.0 / HeatHistory.SLOW_TAU_S)),
        atEnd.slowS(),
        TOL);
    assertTrue(atEnd.fastS() < 100.0 && atEnd.slowS() < 100.0, "never more than went in");
    StoredHeat later = h.after(HeatHistory.FAST_TAU_S);
    assertEquals(atEnd.fastS() / Math.E, later.fastS(), TOL, "one time constant later");
    assertTrue(later.slowS() > atEnd.slowS() / Math.E, "the slow part keeps its heat longer");
  }

  @Test
  void cyclesAccumulate() {
    HeatHistory twice = new HeatHistory();
    twice.heated(0.0, 100.0, 1.0);
    twice.heated(10.0, 100.0, 1.0);
    StoredHeat once = HeatHistory.afterOneCycle(100.0, 0.0, 1.0);
    StoredHeat both = twice.after(0.0);
    assertTrue(both.fastS() > once.fastS() && both.slowS() > once.slowS(), both + " vs " + once);
    assertEquals(
        once.fastS() * Math.exp(-110.0 / HeatHistory.FAST_TAU_S) + once.fastS(),
        both.fastS(),
        2 * TOL,
        "the first cycle's heat, decayed over the rest and the second heating, plus the second's");
  }

  @Test
  void aLongHeatingSaturatesAtTheTimeConstantTimesThePowerShare() {
    double share = HeatHistory.powerShare(253.0, 230.0);
    assertEquals(1.21, share, 1e-12);
    StoredHeat full = HeatHistory.afterOneCycle(1e5, 0.0, share);
    assertEquals(HeatHistory.FAST_TAU_S * share, full.fastS(), TOL);
    assertEquals(HeatHistory.SLOW_TAU_S * share, full.slowS(), TOL);
  }

  @Test
  void theRecordOfOnlyTheLastCycleGetsWhatThatCycleAloneLeft() {
    PredictionInput in =
        new PredictionInput(
            new com.smarttoaster.toast.ToastSettings(
                4,
                com.smarttoaster.toast.BreadType.WHITE,
                12,
                2,
                com.smarttoaster.toast.ToastMode.TOAST),
            40.0,
            21.0,
            207.0,
            230.0,
            30.0,
            110.0,
            null);
    assertEquals(
        HeatHistory.afterOneCycle(110.0, 30.0, HeatHistory.powerShare(207.0, 230.0)),
        in.storedHeat());
    assertEquals(
        StoredHeat.NONE,
        new PredictionInput(in.settings(), 21.0, 21.0, 230.0).storedHeat(),
        "no recent cycle");
  }

  @Test
  void negativeOrNonFiniteTimesAreRefusedWithTheirName() {
    HeatHistory h = new HeatHistory();
    IllegalArgumentException e =
        assertThrows(IllegalArgumentException.class, () -> h.heated(-1.0, 10.0, 1.0));
    assertEquals("restBeforeS -1.0 must be finite and 0 or more", e.getMessage());
    assertThrows(IllegalArgumentException.class, () -> h.heated(0.0, Double.NaN, 1.0));
    assertThrows(IllegalArgumentException.class, () -> h.after(Double.POSITIVE_INFINITY));
  }
}
