package com.smarttoaster.predict;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import com.smarttoaster.toast.BreadType;
import com.smarttoaster.toast.ToastMode;
import com.smarttoaster.toast.ToastSettings;
import java.util.concurrent.CountDownLatch;
import org.junit.jupiter.api.Test;

class GuardedPredictorTest {
  private static final PredictionInput INPUT = new PredictionInput(
      new ToastSettings(4, BreadType.WHITE, 12, 2, ToastMode.TOAST), 21.0, 21.0, 230.0);
  private final FallbackTimeTable table = new FallbackTimeTable();

  private static ToastTimePredictor answering(double seconds) throws Exception {
    ToastTimePredictor p = mock(ToastTimePredictor.class);
    when(p.name()).thenReturn("model");
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
      assertEquals("model", p.predictor());
      assertNull(p.fallbackReason());
    }
  }

  @Test
  void nanFallsBackAndSaysSo() throws Exception {
    try (GuardedPredictor g = guard(answering(Double.NaN))) {
      Prediction p = g.predict(INPUT);
      assertEquals("fallback", p.predictor());
      assertEquals(table.predictSeconds(INPUT), p.seconds(), 1e-9);
      assertTrue(p.fallbackReason().contains("NaN"), p.fallbackReason());
    }
  }

  @Test
  void negativeAndAbsurdAnswersFallBackNamingValueAndRange() throws Exception {
    for (double bad : new double[] {-3.0, 0.0, 9999.0, Double.POSITIVE_INFINITY}) {
      try (GuardedPredictor g = guard(answering(bad))) {
        Prediction p = g.predict(INPUT);
        assertEquals("fallback", p.predictor(), "answer " + bad);
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
    when(p.name()).thenReturn("model");
    when(p.predictSeconds(any())).thenThrow(new IllegalStateException("tensor shape mismatch"));
    try (GuardedPredictor g = guard(p)) {
      Prediction result = g.predict(INPUT);
      assertEquals("fallback", result.predictor());
      assertTrue(result.fallbackReason().contains("tensor shape mismatch"), result.fallbackReason());
    }
  }

  @Test
  void aHangingPredictorTimesOutAndTheNextCallStillWorks() throws Exception {
    CountDownLatch never = new CountDownLatch(1);
    ToastTimePredictor p = mock(ToastTimePredictor.class);
    when(p.name()).thenReturn("model");
    when(p.predictSeconds(any())).thenAnswer(inv -> {
      never.await();
      return 100.0;
    }).thenReturn(120.0);
    try (GuardedPredictor g = guard(p)) {
      Prediction first = g.predict(INPUT);
      assertEquals("fallback", first.predictor());
      assertTrue(first.fallbackReason().contains("did not answer within 200 ms"), first.fallbackReason());
      Prediction second = g.predict(INPUT);
      assertEquals("model", second.predictor(), "a new worker must replace the hung one");
      assertEquals(120.0, second.seconds());
    }
  }

  @Test
  void anUnavailableModelGivesItsOwnReason() {
    try (GuardedPredictor g = guard(new UnavailableModelPredictor("no model installed"))) {
      Prediction p = g.predict(INPUT);
      assertEquals("fallback", p.predictor());
      assertEquals("no model installed", p.fallbackReason());
    }
  }

  @Test
  void theFallbackAsPrimaryIsNotAFallback() {
    try (GuardedPredictor g = new GuardedPredictor(table, table, 0.2, 5.0, 285.0)) {
      Prediction p = g.predict(INPUT);
      assertEquals("fallback", p.predictor());
      assertNull(p.fallbackReason());
    }
  }

  @Test
  void theDeadlineRunsOnTheAppliancesClockAndPollingNeverBlocks() throws Exception {
    com.smarttoaster.safety.fakes.ManualClock clock = new com.smarttoaster.safety.fakes.ManualClock();
    double[] latencyS = {0.3};
    try (GuardedPredictor g = new GuardedPredictor(answering(131.5), table, 0.5, 5.0, 285.0, clock,
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
      assertEquals("fallback", p.predictor());
      assertTrue(p.fallbackReason().contains("did not answer within 500 ms"), p.fallbackReason());
      clock.advanceMillis(500);
      assertEquals("fallback", late.poll().orElseThrow().predictor(), "a late answer never replaces the fallback");
    }
  }
}
