package com.smarttoaster.evaluation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.smarttoaster.scenario.FaultKind;
import com.smarttoaster.scenario.Scenario;
import com.smarttoaster.toast.ToastMode;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Each kitchen suite draws what its name promises, the same way for the same seed. */
class KitchenSuiteTest {
  private static final int N = 300;

  @Test
  void theSameSeedGivesTheSameSetAndAnotherSeedAnother() {
    for (KitchenSuite s : KitchenSuite.values()) {
      assertEquals(s.draw(20, 5), s.draw(20, 5), s.id());
      assertNotEquals(s.draw(20, 5), s.draw(20, 6), s.id());
    }
  }

  @Test
  void secondBatchesFollowOneCycleWithinFiveMinutes() {
    for (Scenario s : KitchenSuite.SECOND_BATCH.draw(N, 1)) {
      assertEquals(1, s.before().size());
      assertTrue(s.before().get(0).pauseS() <= 300.0, s.name());
      assertEquals(s.ambientC(), s.chamberStartC(), s.name());
    }
  }

  @Test
  void theMainsSuiteTellsThePredictor230VoltsWhateverTheSupply() {
    List<Scenario> set = KitchenSuite.MAINS.draw(N, 1);
    for (Scenario s : set) {
      assertEquals(230.0, s.configuredMainsVolts());
      assertTrue(s.mainsVolts() >= 207 && s.mainsVolts() <= 253, s.name());
    }
    assertTrue(set.stream().anyMatch(s -> s.mainsVolts() < 212), "low supplies drawn");
    assertTrue(set.stream().anyMatch(s -> s.mainsVolts() > 248), "high supplies drawn");
  }

  @Test
  void the120VoltSuiteIsA120VoltApplianceOnItsOwnMains() {
    for (Scenario s : KitchenSuite.US_120V.draw(N, 1)) {
      assertEquals(120.0, s.nominalMainsVolts());
      assertEquals(s.configuredMainsVolts(), s.mainsVolts());
      assertTrue(s.mainsVolts() >= 108 && s.mainsVolts() <= 132, s.name());
    }
  }

  @Test
  void frozenToastIsFrozenBreadWithoutDefrost() {
    for (Scenario s : KitchenSuite.FROZEN_TOAST.draw(N, 1)) {
      assertTrue(s.bread().startC() <= -12 && s.bread().startC() >= -25, s.name());
      assertTrue(s.mode() == ToastMode.TOAST || s.mode() == ToastMode.BAGEL, s.name());
    }
  }

  @Test
  void absurdAnswersAreInRangeButFarTooLongForAMediumToast() {
    for (Scenario s : KitchenSuite.ABSURD.draw(N, 1)) {
      assertEquals(FaultKind.PREDICTOR_EXTREME, s.faults().get(0).kind());
      double answer = s.faults().get(0).parameter();
      assertTrue(answer >= 200 && answer <= 284, s.name());
      assertTrue(s.shade() >= 3 && s.shade() <= 5 && s.mode() == ToastMode.TOAST, s.name());
    }
  }

  @Test
  void realisticMostlyFollowsAnEarlierCycle() {
    long warm =
        KitchenSuite.REALISTIC.draw(N, 1).stream().filter(s -> !s.before().isEmpty()).count();
    assertTrue(warm > 0.5 * N && warm < 0.7 * N, warm + " of " + N);
  }
}
