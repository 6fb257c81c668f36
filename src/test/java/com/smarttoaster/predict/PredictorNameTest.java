package com.smarttoaster.predict;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.smarttoaster.config.PredictorChoice;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class PredictorNameTest {

  @Test
  void theIdsAreTheContractsNames() {
    // docs/contracts.md: --predictor is one of model, fallback, fixed-timer, oracle
    assertEquals(List.of("model", "fallback", "fixed-timer", "oracle"), PredictorName.ids());
    assertEquals(PredictorName.ids(), Predictors.NAMES);
  }

  @Test
  void everyPredictorReportsItsOwnName() {
    FallbackTimeTable table = new FallbackTimeTable();
    assertEquals(
        PredictorName.FALLBACK, Predictors.named(PredictorName.FALLBACK, table, null).name());
    assertEquals(
        PredictorName.FIXED_TIMER, Predictors.named(PredictorName.FIXED_TIMER, table, null).name());
    assertEquals(PredictorName.MODEL, Predictors.named(PredictorName.MODEL, table, null).name());
    ToastTimePredictor oracle = new FixedTimerPredictor();
    assertSame(oracle, Predictors.named(PredictorName.ORACLE, table, oracle));
  }

  @Test
  void unknownNamesAndTheOracleOnADeviceAreRefusedByName() {
    assertEquals(Optional.empty(), PredictorName.fromId("Model"));
    IllegalArgumentException e =
        assertThrows(
            IllegalArgumentException.class,
            () -> Predictors.named("neural", new FallbackTimeTable(), null));
    assertEquals(
        "unknown predictor 'neural', expected one of [model, fallback, fixed-timer, oracle]",
        e.getMessage());
    e =
        assertThrows(
            IllegalArgumentException.class,
            () -> Predictors.named("oracle", new FallbackTimeTable(), null));
    assertEquals("the oracle exists only in simulation", e.getMessage());
  }

  @Test
  void onlyTheModelIsLearnedAndEveryConfigChoiceIsAPredictorButTheOracleIsNot() {
    assertEquals(
        List.of(PredictorName.MODEL),
        Arrays.stream(PredictorName.values()).filter(PredictorName::learned).toList());
    for (PredictorChoice c : PredictorChoice.values()) {
      assertEquals(c.id(), c.predictorName().id());
    }
    assertTrue(
        Arrays.stream(PredictorChoice.values())
            .noneMatch(c -> c.predictorName() == PredictorName.ORACLE),
        "a device config cannot name the oracle");
    assertInstanceOf(FixedTimerPredictor.class, Predictors.named("fixed-timer", null, null));
  }
}
