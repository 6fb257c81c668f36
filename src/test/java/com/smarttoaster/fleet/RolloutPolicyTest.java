package com.smarttoaster.fleet;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.smarttoaster.fleet.rollout.CohortFigures;
import com.smarttoaster.fleet.rollout.RolloutPolicy;
import com.smarttoaster.fleet.rollout.RolloutPolicy.Verdict.Kind;
import org.junit.jupiter.api.Test;

/**
 * The rollout's decision rule on hand-made figures: wait, widen, or roll back on each of the three
 * signals.
 */
class RolloutPolicyTest {
  private static final RolloutPolicy POLICY = RolloutPolicy.DEFAULT;
  private static final CohortFigures REST =
      new CohortFigures(400, 8, 400, 8, 400, 300); // 2 %, 2 %, 75 %

  @Test
  void tooFewCyclesWait() {
    RolloutPolicy.Verdict v = POLICY.decide(new CohortFigures(39, 0, 39, 0, 39, 39), REST);
    assertEquals(Kind.WAIT, v.kind());
    assertEquals(
        "waiting for 40 cycles and ratings a side (canary 39/39, rest 400/400)", v.reason());
  }

  @Test
  void aCanaryWithinEveryMarginIsWidened() {
    assertEquals(Kind.WIDEN, POLICY.decide(new CohortFigures(40, 4, 40, 4, 40, 25), REST).kind());
  }

  @Test
  void eachWorseFigureRollsBack() {
    assertEquals(
        "canary fallback rate 15 % against 2 % for the rest: more than 10 points higher",
        POLICY.decide(new CohortFigures(40, 6, 40, 0, 40, 30), REST).reason());
    assertEquals(
        "canary checker disagreement 15 % against 2 % for the rest: more than 10 points higher",
        POLICY.decide(new CohortFigures(40, 0, 40, 6, 40, 30), REST).reason());
    RolloutPolicy.Verdict v = POLICY.decide(new CohortFigures(40, 0, 40, 0, 40, 22), REST);
    assertEquals(Kind.ROLL_BACK, v.kind());
    assertEquals(
        "canary 'just right' ratings 55 % against 75 % for the rest: more than 15 points lower",
        v.reason());
  }
}
