package com.smarttoaster.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.smarttoaster.testkit.CliRun;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What {@code simulate} says about a cycle is what happened to the bread (issue 13). */
class OutcomeTextTest {
  private static final Path NORMAL =
      Path.of("src/test/resources/scenarios/normal-white-medium.json");

  private static String simulate(Path scenario) {
    CliRun r = CliRun.of("simulate", "--scenario", scenario.toString(), "--predictor", "fallback");
    assertEquals(0, r.code(), r.err());
    return r.out();
  }

  private static Path variant(Path dir, String name, String from, String to) throws Exception {
    String json = Files.readString(NORMAL);
    assertTrue(json.contains(from), from);
    Path p = dir.resolve(name + ".json");
    Files.writeString(p, json.replace(from, to));
    return p;
  }

  @Test
  void anOpenElementSaysTheBreadCameOutUntoasted() {
    String out =
        simulate(Path.of("src/test/resources/fault-scenarios/15-heater-open-mid-cycle.json"));
    assertTrue(out.contains("Stopped by the HEATER_NO_CURRENT fault: heat stopped at"), out);
    assertTrue(out.contains("the bread came out untoasted"), out);
  }

  @Test
  void aNormalCycleSaysDoneWithTheShade() {
    String out = simulate(NORMAL);
    assertTrue(
        out.lines().anyMatch(l -> l.matches("  Done: shade \\d\\.\\d\\d for target 4\\.")), out);
  }

  @Test
  void reheatReportsTheRuleAndNoShadeTarget(@TempDir Path dir) throws Exception {
    String out = simulate(variant(dir, "reheat", "\"mode\": \"toast\"", "\"mode\": \"reheat\""));
    assertTrue(out.contains("by the fixed reheat rule"), out);
    assertTrue(out.contains("predictor reheat-rule"), out);
    assertFalse(out.contains("shade target 4"), out);
  }

  @Test
  void aPredictorFaultAfterTheLastPredictionIsReportedAsHavingNoEffect(@TempDir Path dir)
      throws Exception {
    String out =
        simulate(
            variant(
                dir,
                "late",
                "\"faults\": []",
                "\"faults\": [{\"kind\": \"predictor-extreme\", \"atS\": 60, \"seconds\": 250}]"));
    assertTrue(
        out.contains(
            "note: predictor-extreme at 60.0 s had no effect: no prediction was asked after it"),
        out);
    assertTrue(out.contains("no safety fault latched"), out);
  }

  @Test
  void aFaultTimedAfterTheRunIsReportedAsNeverInjected(@TempDir Path dir) throws Exception {
    String out =
        simulate(
            variant(
                dir,
                "never",
                "\"faults\": []",
                "\"faults\": [{\"kind\": \"sensor-open\", \"atS\": 900}]"));
    assertTrue(
        out.contains("note: sensor-open at 900.0 s was never injected: the run ended at"), out);
  }

  @Test
  void aScenarioNameCannotForgeLinesOrEscapeSequences(@TempDir Path dir) throws Exception {
    String out =
        simulate(
            variant(
                dir,
                "evil",
                "\"white bread, medium, cold toaster\"",
                "\"evil\\nFAKE: done\\u001b[31m\""));
    assertTrue(out.startsWith("evil\\u000aFAKE: done\\u001b[31m: done"), out);
    assertFalse(out.contains("\u001b"), "no raw escape reaches the terminal");
    assertFalse(out.lines().anyMatch(l -> l.startsWith("FAKE")), out);
  }

  @Test
  void printableTextEscapesControlsAndBidiOverrides() {
    assertEquals("a\\u000db\\u202ec\\u009bd é", PrintableText.of("a\rb\u202ec\u009bd é"));
  }
}
