package com.smarttoaster.predict;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import com.smarttoaster.hal.Clock;
import com.smarttoaster.model.ModelCard;
import com.smarttoaster.model.TfliteMlpWriter;
import com.smarttoaster.toast.BreadType;
import com.smarttoaster.toast.ToastMode;
import com.smarttoaster.toast.ToastSettings;
import java.util.List;
import java.util.Locale;
import java.util.OptionalDouble;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicInteger;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.DoubleRange;
import net.jqwik.api.constraints.IntRange;
import org.junit.jupiter.api.Test;

class GuardedPredictorTest {
  private static final PredictionInput INPUT =
      new PredictionInput(
          new ToastSettings(4, BreadType.WHITE, 12, 2, ToastMode.TOAST), 21.0, 21.0, 230.0);
  private final FallbackTimeTable table = new FallbackTimeTable();

  private static ToastTimePredictor answering(double seconds) throws Exception {
    ToastTimePredictor p = mock(ToastTimePredictor.class);
    when(p.name()).thenReturn(PredictorName.MODEL);
    when(p.predictSeconds(any())).thenReturn(seconds);
    return p;
  }

  private GuardedPredictor guard(ToastTimePredictor p) {
    return new GuardedPredictor(p, table, 0.2, 5.0, 285.0);
  }

  @Test
  void aSaneAnswerIsUsedAsIs() throws Exception {
    try (GuardedPredictor g = guard(answering(131.5))) {
      Prediction p = g.predict(INPUT);
      assertEquals(131.5, p.seconds());
      assertEquals(PredictorName.MODEL, p.predictor());
      assertNull(p.fallbackReason());
    }
  }

  @Test
  void nanFallsBackAndSaysSo() throws Exception {
    try (GuardedPredictor g = guard(answering(Double.NaN))) {
      Prediction p = g.predict(INPUT);
      assertEquals(PredictorName.FALLBACK, p.predictor());
      assertEquals(table.predictSeconds(INPUT), p.seconds(), 1e-9);
      assertTrue(p.fallbackReason().contains("NaN"), p.fallbackReason());
    }
  }

  @Test
  void negativeAndAbsurdAnswersFallBackNamingValueAndRange() throws Exception {
    for (double bad : new double[] {-3.0, 0.0, 9999.0, Double.POSITIVE_INFINITY}) {
      try (GuardedPredictor g = guard(answering(bad))) {
        Prediction p = g.predict(INPUT);
        assertEquals(PredictorName.FALLBACK, p.predictor(), "answer " + bad);
        assertTrue(p.fallbackReason().contains("model predictor returned"), p.fallbackReason());
      }
    }
    try (GuardedPredictor g = guard(answering(9999.0))) {
      String reason = g.predict(INPUT).fallbackReason();
      assertTrue(reason.contains("9999.0 s") && reason.contains("5.0..285.0 s"), reason);
    }
  }

  @Test
  void anExceptionFallsBackWithItsMessage() throws Exception {
    ToastTimePredictor p = mock(ToastTimePredictor.class);
    when(p.name()).thenReturn(PredictorName.MODEL);
    when(p.predictSeconds(any())).thenThrow(new IllegalStateException("tensor shape mismatch"));
    try (GuardedPredictor g = guard(p)) {
      Prediction result = g.predict(INPUT);
      assertEquals(PredictorName.FALLBACK, result.predictor());
      assertTrue(
          result.fallbackReason().contains("tensor shape mismatch"), result.fallbackReason());
    }
  }

  @Test
  void aHangingPredictorTimesOutAndTheNextCallStillWorks() throws Exception {
    CountDownLatch never = new CountDownLatch(1);
    ToastTimePredictor p = mock(ToastTimePredictor.class);
    when(p.name()).thenReturn(PredictorName.MODEL);
    when(p.predictSeconds(any()))
        .thenAnswer(
            inv -> {
              never.await();
              return 100.0;
            })
        .thenReturn(120.0);
    try (GuardedPredictor g = guard(p)) {
      Prediction first = g.predict(INPUT);
      assertEquals(PredictorName.FALLBACK, first.predictor());
      assertTrue(
          first.fallbackReason().contains("did not answer within 200 ms"), first.fallbackReason());
      Prediction second = g.predict(INPUT);
      assertEquals(
          PredictorName.MODEL, second.predictor(), "a new worker must replace the hung one");
      assertEquals(120.0, second.seconds());
    }
  }

  @Test
  void anUnavailableModelGivesItsOwnReason() {
    try (GuardedPredictor g = guard(new UnavailableModelPredictor("no model installed"))) {
      Prediction p = g.predict(INPUT);
      assertEquals(PredictorName.FALLBACK, p.predictor());
      assertEquals("no model installed", p.fallbackReason());
    }
  }

  @Test
  void theFallbackAsPrimaryIsNotAFallback() {
    try (GuardedPredictor g = new GuardedPredictor(table, table, 0.2, 5.0, 285.0)) {
      Prediction p = g.predict(INPUT);
      assertEquals(PredictorName.FALLBACK, p.predictor());
      assertNull(p.fallbackReason());
    }
  }

  @Test
  void theDeadlineRunsOnTheAppliancesClockAndPollingNeverBlocks() throws Exception {
    com.smarttoaster.safety.fakes.ManualClock clock =
        new com.smarttoaster.safety.fakes.ManualClock();
    double[] latencyS = {0.3};
    try (GuardedPredictor g =
        new GuardedPredictor(
            answering(131.5),
            table,
            0.5,
            5.0,
            285.0,
            clock,
            new SimulatedTimePredictorRunner(clock, () -> latencyS[0]))) {
      GuardedPredictor.PendingPrediction inTime = g.start(INPUT);
      clock.advanceMillis(200);
      assertTrue(inTime.poll().isEmpty(), "0.2 s: still working");
      clock.advanceMillis(100);
      assertEquals(131.5, inTime.poll().orElseThrow().seconds(), "0.3 s: answered");

      latencyS[0] = 0.7;
      GuardedPredictor.PendingPrediction late = g.start(INPUT);
      clock.advanceMillis(499);
      assertTrue(late.poll().isEmpty(), "0.499 s: inside the deadline");
      clock.advanceMillis(1);
      Prediction p = late.poll().orElseThrow();
      assertEquals(PredictorName.FALLBACK, p.predictor());
      assertTrue(p.fallbackReason().contains("did not answer within 500 ms"), p.fallbackReason());
      clock.advanceMillis(500);
      assertEquals(
          PredictorName.FALLBACK,
          late.poll().orElseThrow().predictor(),
          "a late answer never replaces the fallback");
    }
  }

  // --- Issue 11: the doer-checker, per-mode limits ---

  @Test
  void absurdInRangeAnswersForAMediumToastFallBackNamingBothTimesAndTheBand() throws Exception {
    double estimate = table.predictSeconds(INPUT);
    assertEquals(108.7, estimate, 5.0, "a medium white toast in a cold toaster");
    for (double absurd = 200.0; absurd <= 284.0; absurd += 12.0) {
      try (GuardedPredictor g = guard(answering(absurd))) {
        Prediction p = g.predict(INPUT);
        assertEquals(PredictorName.FALLBACK, p.predictor(), absurd + " s");
        assertEquals(estimate, p.seconds(), 1e-9);
        String reason = p.fallbackReason();
        assertTrue(
            reason.startsWith(
                String.format(
                    Locale.ROOT,
                    "model said %.1f s, the non-ML estimate %.1f s; " + "they differ by %.0f %%",
                    absurd,
                    estimate,
                    100 * (absurd / estimate - 1))),
            reason);
        assertTrue(
            reason.endsWith(
                "more than the 30 % the guard allows when the model card records no band"),
            reason);
      }
    }
  }

  @Test
  void theCheckersReasonWithAnExplicitBand() throws Exception {
    double estimate = table.predictSeconds(INPUT);
    try (GuardedPredictor g =
        new GuardedPredictor(
            answering(284.0),
            table,
            0.2,
            5.0,
            285.0,
            Clock.system(),
            new ThreadPredictorRunner(),
            0.25)) {
      assertEquals(
          String.format(
              Locale.ROOT,
              "model said 284.0 s, the non-ML estimate %.1f s; they differ by %.0f %%, "
                  + "more than the 25 %% the guard allows",
              estimate,
              100 * (284.0 / estimate - 1)),
          g.predict(INPUT).fallbackReason());
    }
  }

  /**
   * The second re-prediction is held to the first's non-ML estimate (three rises), and when it is
   * refused the cycle gets the table's answer from all six.
   */
  @Test
  void theSecondRePredictionIsCheckedAgainstTheFirstsEstimateAndFallsBackToTheLateSet()
      throws Exception {
    FallbackTimeTable constant = ConstantTables.of(100.0, 110.0, 140.0);
    PredictionInput late =
        INPUT.withProgress(new HeatingProgress(new double[] {8, 18, 28, 37, 46, 55}));
    for (double answer : new double[] {104.0, 118.0}) {
      try (GuardedPredictor g = guardWithBand(answering(answer), constant, 0.1)) {
        Prediction p = g.predict(late);
        assertEquals(PredictorName.MODEL, p.predictor(), "within 10 % of 110 s, 21 % from 140 s");
        assertEquals(answer, p.seconds());
      }
    }
    try (GuardedPredictor g = guardWithBand(answering(140.0), constant, 0.1)) {
      Prediction p = g.predict(late);
      assertEquals(PredictorName.FALLBACK, p.predictor());
      assertEquals(140.0, p.seconds(), 1e-9, "the table's answer from all six rises");
      assertEquals(
          "model said 140.0 s, the non-ML estimate from the first 30 s of heating 110.0 s; they "
              + "differ by 27 %, more than the 10 % the guard allows for a re-prediction",
          p.fallbackReason());
    }
  }

  private static GuardedPredictor guardWithBand(
      ToastTimePredictor p, FallbackTimeTable t, double band) {
    return new GuardedPredictor(
        p, t, 0.2, 5.0, 285.0, Clock.system(), new ThreadPredictorRunner(), band);
  }

  @Test
  void tooShortAnswersAreCheckedLikeTooLongOnes() throws Exception {
    double estimate = table.predictSeconds(INPUT);
    try (GuardedPredictor g = guard(answering(0.6 * estimate))) {
      Prediction p = g.predict(INPUT);
      assertEquals(PredictorName.FALLBACK, p.predictor());
      assertTrue(p.fallbackReason().contains("they differ by 67 %"), p.fallbackReason());
    }
  }

  @Test
  void anAnswerInsideTheBandIsUsedAsIs() throws Exception {
    double estimate = table.predictSeconds(INPUT);
    for (double factor : new double[] {1 / 1.29, 0.95, 1.0, 1.1, 1.29}) {
      try (GuardedPredictor g = guard(answering(factor * estimate))) {
        Prediction p = g.predict(INPUT);
        assertEquals(PredictorName.MODEL, p.predictor(), "factor " + factor);
        assertEquals(factor * estimate, p.seconds());
      }
    }
  }

  @Test
  void reheatIsNeverThePrimarysDecision() throws Exception {
    PredictionInput reheat =
        new PredictionInput(INPUT.settings().withMode(ToastMode.REHEAT), 80.0, 21.0, 230.0);
    ToastTimePredictor absurd = answering(284.0);
    ToastTimePredictor throwing = mock(ToastTimePredictor.class);
    when(throwing.name()).thenReturn(PredictorName.MODEL);
    when(throwing.predictSeconds(any())).thenThrow(new IllegalStateException("boom"));
    for (ToastTimePredictor primary : new ToastTimePredictor[] {absurd, throwing, table}) {
      try (GuardedPredictor g = guard(primary)) {
        Prediction p = g.predict(reheat);
        assertEquals(GuardedPredictor.REHEAT_RULE, p.predictor());
        assertEquals(ReheatTime.seconds(reheat), p.seconds(), 1e-9);
        assertNull(p.fallbackReason(), "the rule is the answer for reheat, not a fallback");
      }
    }
    verify(absurd, never()).predictSeconds(any());
    verify(throwing, never()).predictSeconds(any());
  }

  @Test
  void reheatStaysInsideTheReheatRangeForAnySlice() {
    PredictionInput thick =
        new PredictionInput(
            new ToastSettings(4, BreadType.WHITE, 80, 2, ToastMode.REHEAT), 21.0, 21.0, 230.0);
    assertTrue(
        ReheatTime.seconds(thick) > ModeLimits.REHEAT_MAX_S, "the rule alone would toast again");
    try (GuardedPredictor g = guard(table)) {
      assertEquals(ModeLimits.REHEAT_MAX_S, g.predict(thick).seconds());
    }
    assertEquals(new ModeLimits.Range(5.0, 60.0), ModeLimits.of(ToastMode.REHEAT, 5.0, 285.0));
    for (ToastMode m : new ToastMode[] {ToastMode.TOAST, ToastMode.BAGEL, ToastMode.DEFROST}) {
      assertEquals(new ModeLimits.Range(5.0, 285.0), ModeLimits.of(m, 5.0, 285.0), m.toString());
    }
  }

  @Test
  void aRePredictionBeyondTheStartEstimateIsAcceptedWhileTheTableCannotSeeTheRise()
      throws Exception {
    PredictionInput again = INPUT.withProgress(new HeatingProgress(new double[] {4.0, 10.0, 17.0}));
    FallbackCoefficients installed = table.coefficients();
    FallbackTimeTable blind =
        new FallbackTimeTable(
            new FallbackCoefficients(
                installed.version(),
                installed.description(),
                installed.fit(),
                installed.start(),
                null,
                null,
                null));
    double estimate = blind.predictSeconds(again);
    // Frozen bread in toast mode or low mains: +30–40 % over the start estimate, and correct.
    try (GuardedPredictor g =
        new GuardedPredictor(answering(1.4 * estimate), blind, 0.2, 5.0, 285.0)) {
      Prediction p = g.predict(again);
      assertEquals(PredictorName.MODEL, p.predictor(), String.valueOf(p.fallbackReason()));
    }
    try (GuardedPredictor g =
        new GuardedPredictor(answering(1.9 * estimate), blind, 0.2, 5.0, 285.0)) {
      Prediction p = g.predict(again);
      assertEquals(PredictorName.FALLBACK, p.predictor());
      assertTrue(
          p.fallbackReason()
              .endsWith(
                  "more than the 75 % the guard allows for a re-prediction the non-ML "
                      + "table cannot check against the heating progress"),
          p.fallbackReason());
    }
  }

  @Test
  void nonMlPrimariesAreTheirOwnReference() {
    PredictionInput hot =
        new PredictionInput(
            new ToastSettings(4, BreadType.WHITE, 12, 2, ToastMode.TOAST), 190.0, 21.0, 230.0);
    FixedTimerPredictor fixed = new FixedTimerPredictor();
    assertTrue(
        CheckerBand.disagreement(fixed.predictSeconds(hot), table.predictSeconds(hot)) > 0.3,
        "the fixed timer ignores the hot chamber");
    try (GuardedPredictor g = guard(fixed)) {
      Prediction p = g.predict(hot);
      assertEquals(PredictorName.FIXED_TIMER, p.predictor());
      assertNull(p.fallbackReason());
    }
  }

  @Test
  void theBandComesFromTheModelCard() throws Exception {
    byte[] model = TfliteMlpWriter.write(TestModels.network(3));
    ModelCard unsealed = TestModels.unsealedCard(model, TestModels.features());
    try (ModelPredictor withBand =
            open(model, ModelCardChecks.seal(unsealed.withCheckerBand(0.42), model));
        GuardedPredictor g = guard(withBand)) {
      assertEquals(0.42, g.checkerBand());
    }
    try (ModelPredictor without = open(model, ModelCardChecks.seal(unsealed, model));
        GuardedPredictor g = guard(without)) {
      assertEquals(CheckerBand.DEFAULT_BAND, g.checkerBand());
      assertEquals(
          CheckerBand.DEFAULT_BAND,
          g.checkerBandProgress(),
          "no re-prediction band: the start band");
    }
  }

  @Test
  void startAndRePredictionEachHaveTheirOwnBandFromTheCard() throws Exception {
    byte[] model = TfliteMlpWriter.write(TestModels.network(3));
    ModelCard unsealed = TestModels.unsealedCard(model, TestModels.features());
    try (ModelPredictor both =
            open(model, ModelCardChecks.seal(unsealed.withCheckerBands(0.18, 0.26), model));
        GuardedPredictor g = guard(both)) {
      assertEquals(0.18, g.checkerBand());
      assertEquals(0.26, g.checkerBandProgress());
    }
    assertThrows(
        PredictorUnavailableException.class,
        () -> open(model, ModelCardChecks.seal(unsealed.withCheckerBands(0.18, 3.0), model)),
        "a re-prediction band of 300 %");
  }

  @Test
  void aPrimaryTheCheckerOverruledMayBeAskedAgainOneThatFailedMayNot() throws Exception {
    try (GuardedPredictor g = guard(answering(250.0))) {
      Prediction overruled = g.predict(INPUT);
      assertEquals(PredictorName.FALLBACK, overruled.predictor());
      assertTrue(g.mayAskAgain(overruled, INPUT), overruled.toString());
      assertTrue(g.mayAskAgain(new Prediction(131.5, PredictorName.MODEL, null, 131.5), INPUT));
    }
    for (double bad : new double[] {Double.NaN, 9999.0}) {
      try (GuardedPredictor g = guard(answering(bad))) {
        Prediction failed = g.predict(INPUT);
        assertFalse(g.mayAskAgain(failed, INPUT), "answer " + bad + ": " + failed);
      }
    }
  }

  @Test
  void anOverruledPrimaryIsNotAskedAgainWhenTheRePredictionBandIsWider() throws Exception {
    byte[] model = TfliteMlpWriter.write(TestModels.network(3));
    ModelCard unsealed = TestModels.unsealedCard(model, TestModels.features());
    Prediction overruled =
        new Prediction(110.0, PredictorName.FALLBACK, "model said 200.0 s, …", 200.0);
    try (ModelPredictor wider =
            open(model, ModelCardChecks.seal(unsealed.withCheckerBands(0.18, 0.26), model));
        GuardedPredictor g = guard(wider)) {
      assertFalse(g.mayAskAgain(overruled, INPUT), "an answer refused at 18 % could pass at 26 %");
    }
    try (ModelPredictor narrower =
            open(model, ModelCardChecks.seal(unsealed.withCheckerBands(0.18, 0.12), model));
        GuardedPredictor g = guard(narrower)) {
      assertTrue(g.mayAskAgain(overruled, INPUT));
    }
  }

  @Test
  void aToasterAtRestHasTheNarrowerBandOfItsCard() throws Exception {
    PredictionInput warm =
        new PredictionInput(
            new ToastSettings(4, BreadType.WHITE, 12, 2, ToastMode.TOAST),
            45.0,
            21.0,
            230.0,
            230.0,
            120.0,
            110.0,
            null);
    assertTrue(ToasterAtRest.at(INPUT), "a cold toaster with no cycle is at rest");
    assertFalse(ToasterAtRest.at(warm), "two minutes after a cycle it is not");
    for (PredictionInput in : List.of(INPUT, warm)) {
      // 14 % long: inside the general band, outside the band at rest (3 shades in this physics)
      ToastTimePredictor p = answering(1.14 * table.predictSeconds(in));
      when(p.cardCheckerBand()).thenReturn(OptionalDouble.of(0.18));
      when(p.cardCheckerBandProgress()).thenReturn(OptionalDouble.of(0.16));
      when(p.cardCheckerBandAtRest()).thenReturn(OptionalDouble.of(0.10));
      try (GuardedPredictor g = guard(p)) {
        assertEquals(0.10, g.checkerBandAtRest().orElseThrow());
        Prediction answer = g.predict(in);
        if (in == INPUT) {
          assertEquals(PredictorName.FALLBACK, answer.predictor());
          assertTrue(
              answer
                  .fallbackReason()
                  .endsWith("more than the 10 % the test split allows for a toaster at rest"),
              answer.fallbackReason());
        } else {
          assertEquals(PredictorName.MODEL, answer.predictor(), answer.fallbackReason());
        }
      }
    }
  }

  @Test
  void justAfterACycleTheWiderBandOfItsCardApplies() throws Exception {
    ToastSettings medium = new ToastSettings(4, BreadType.WHITE, 12, 2, ToastMode.TOAST);
    PredictionInput justUsed =
        new PredictionInput(medium, 70.0, 21.0, 230.0, 230.0, 30.0, 110.0, null);
    PredictionInput later =
        new PredictionInput(medium, 40.0, 21.0, 230.0, 230.0, 600.0, 110.0, null);
    for (double factor : new double[] {1.18, 1.30}) {
      for (PredictionInput in : List.of(justUsed, later)) {
        ToastTimePredictor p = answering(factor * table.predictSeconds(in));
        when(p.cardCheckerBand()).thenReturn(OptionalDouble.of(0.14));
        when(p.cardCheckerBandProgress()).thenReturn(OptionalDouble.of(0.12));
        when(p.cardCheckerBandAtRest()).thenReturn(OptionalDouble.of(0.10));
        when(p.cardCheckerBandJustUsed()).thenReturn(OptionalDouble.of(0.21));
        try (GuardedPredictor g = guard(p)) {
          assertEquals(0.21, g.checkerBandJustUsed().orElseThrow());
          Prediction answer = g.predict(in);
          String what = "factor " + factor + ", " + in.sinceLastCycleS() + " s after a cycle";
          if (in == justUsed && factor < 1.21) {
            assertEquals(PredictorName.MODEL, answer.predictor(), what);
          } else {
            assertEquals(PredictorName.FALLBACK, answer.predictor(), what);
            String band =
                in == justUsed ? "21 % the test split allows just after a cycle" : "14 % the test";
            assertTrue(answer.fallbackReason().contains("more than the " + band), what);
          }
        }
      }
    }
  }

  @Test
  void withoutABandAtRestTheGeneralBandsApplyAtRestToo() throws Exception {
    ToastTimePredictor p = answering(1.14 * table.predictSeconds(INPUT));
    when(p.cardCheckerBand()).thenReturn(OptionalDouble.of(0.18));
    try (GuardedPredictor g = guard(p)) {
      assertTrue(g.checkerBandAtRest().isEmpty());
      assertEquals(PredictorName.MODEL, g.predict(INPUT).predictor());
    }
  }

  @Test
  void withoutThePrimaryTheTableAnswersAtOnceWithTheReason() throws Exception {
    AtomicInteger asked = new AtomicInteger();
    ToastTimePredictor counting =
        new ToastTimePredictor() {
          @Override
          public PredictorName name() {
            return PredictorName.MODEL;
          }

          @Override
          public double predictSeconds(PredictionInput input) {
            asked.incrementAndGet();
            return 250.0;
          }
        };
    try (GuardedPredictor g = guard(counting)) {
      Prediction p = g.startWithoutPrimary(INPUT, "model timed out").poll().orElseThrow();
      assertEquals(PredictorName.FALLBACK, p.predictor());
      assertEquals(table.predictSeconds(INPUT), p.seconds(), 1e-9);
      assertEquals("model timed out", p.fallbackReason());
      assertEquals(0, asked.get(), "the primary is not asked");
    }
  }

  private static ModelPredictor open(byte[] model, ModelCard card) throws Exception {
    return ModelPredictor.open(
        model, TestModels.MODEL_FILE, TestModels.json(card), TestModels.CARD_FILE);
  }

  /**
   * Whatever a learned primary answers, the cycle's time is within the band of the non-ML estimate.
   */
  @Property(tries = 100)
  void theTimeUsedNeverStraysBeyondTheBand(
      @ForAll @DoubleRange(min = 5.0, max = 285.0) double answer,
      @ForAll @IntRange(min = 1, max = 7) int shade,
      @ForAll @DoubleRange(min = 0, max = 150) double warmth) {
    PredictionInput in =
        new PredictionInput(
            new ToastSettings(shade, BreadType.WHOLEGRAIN, 15, 2, ToastMode.TOAST),
            21.0 + warmth,
            21.0,
            230.0);
    ToastTimePredictor primary =
        new ToastTimePredictor() {
          @Override
          public PredictorName name() {
            return PredictorName.MODEL;
          }

          @Override
          public double predictSeconds(PredictionInput input) {
            return answer;
          }
        };
    double estimate = table.predictSeconds(in);
    try (GuardedPredictor g = guard(primary)) {
      Prediction p = g.predict(in);
      assertTrue(
          CheckerBand.disagreement(p.seconds(), estimate) <= CheckerBand.DEFAULT_BAND + 1e-12,
          answer + " s answered, " + p.seconds() + " s used, estimate " + estimate + " s");
      assertEquals(
          p.isFallback(), CheckerBand.disagreement(answer, estimate) > CheckerBand.DEFAULT_BAND);
    }
  }
}
