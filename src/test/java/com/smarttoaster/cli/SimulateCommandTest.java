package com.smarttoaster.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.smarttoaster.testkit.CliRun;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The command-line contract of DESIGN.md §4 and §6. */
class SimulateCommandTest {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final String EXAMPLES = "src/test/resources/scenarios";

  @Test
  void jsonPrintsExactlyOneResultObjectWithEveryField() throws Exception {
    CliRun r =
        CliRun.of(
            "simulate",
            "--scenario",
            EXAMPLES + "/normal-white-medium.json",
            "--json",
            "--predictor",
            "fallback");
    assertEquals(0, r.code(), r.err());
    String[] lines = r.out().strip().split("\n");
    assertEquals(1, lines.length, r.out());
    JsonNode result = JSON.readTree(lines[0]);
    List<String> fields = new ArrayList<>();
    for (Iterator<String> it = result.fieldNames(); it.hasNext(); ) {
      fields.add(it.next());
    }
    assertEquals(
        List.of(
            "scenario",
            "appliance",
            "outcome",
            "fault",
            "predictor",
            "fallbackReason",
            "predictedS",
            "heaterOnS",
            "cycleS",
            "heatCutS",
            "heatCutBy",
            "maxChamberC",
            "maxBreadSurfaceC",
            "targetShade",
            "achievedShade",
            "tripLatencyMs",
            "limits",
            "events"),
        fields);
    assertEquals("white bread, medium, cold toaster", result.get("scenario").asText());
    assertEquals("done", result.get("outcome").asText());
    assertTrue(result.get("fault").isNull());
    assertEquals(300.0, result.get("limits").get("maxHeatS").asDouble());
    assertEquals(280.0, result.get("limits").get("cutoffC").asDouble());
    assertTrue(result.get("events").isArray() && result.get("events").size() > 0);
  }

  @Test
  void aDirectoryGivesOneJsonLinePerScenarioSortedByFileName() throws Exception {
    CliRun r = CliRun.of("simulate", "--scenario", EXAMPLES, "--json", "--predictor", "fallback");
    assertEquals(0, r.code(), r.err());
    String[] lines = r.out().strip().split("\n");
    assertEquals(6, lines.length);
    assertEquals("user presses cancel halfway", JSON.readTree(lines[0]).get("scenario").asText());
    assertEquals(
        "sourdough, dark, second batch in a warm toaster",
        JSON.readTree(lines[5]).get("scenario").asText());
    assertEquals("fault", JSON.readTree(lines[1]).get("outcome").asText(), "fault-heater-stuck");
  }

  @Test
  void aBadScenarioExitsTwoNamingTheFieldWithoutAStackTrace(@TempDir Path dir) throws Exception {
    Path bad = dir.resolve("bad.json");
    Files.writeString(
        bad,
        Files.readString(Path.of(EXAMPLES, "normal-white-medium.json"))
            .replace("\"thicknessMm\": 12", "\"thicknessMm\": \"thick\""));
    CliRun r = CliRun.of("simulate", "--scenario", bad.toString(), "--json");
    assertEquals(2, r.code());
    assertTrue(r.err().contains("bread.thicknessMm"), r.err());
    assertFalse(r.err().contains("\tat "), "no stack trace: " + r.err());
    assertEquals("", r.out(), "nothing on stdout for a bad input");
  }

  @Test
  void anUnknownPredictorExitsTwo() {
    CliRun r =
        CliRun.of(
            "simulate",
            "--scenario",
            EXAMPLES + "/normal-white-medium.json",
            "--predictor",
            "crystal-ball");
    assertEquals(2, r.code());
    assertTrue(r.err().contains("crystal-ball"), r.err());
  }

  @Test
  void aMissingFileExitsTwo() {
    CliRun r = CliRun.of("simulate", "--scenario", "no/such/file.json");
    assertEquals(2, r.code());
    assertTrue(r.err().contains("no/such/file.json"), r.err());
  }

  @Test
  void unknownOptionsExitTwo() {
    assertEquals(2, CliRun.of("simulate", "--scenario", EXAMPLES, "--bogus").code());
  }

  @Test
  void everyCommandHasHelp() {
    for (String cmd : new String[] {"simulate", "run", "check-config", "bench"}) {
      CliRun r = CliRun.of(cmd, "--help");
      assertEquals(0, r.code(), cmd);
      assertTrue(r.out().contains("Usage:"), cmd + ": " + r.out());
    }
    assertEquals(0, CliRun.of("--help").code());
  }

  @Test
  void plotWritesAPng(@TempDir Path dir) throws Exception {
    Path png = dir.resolve("cycle.png");
    CliRun r =
        CliRun.of(
            "simulate",
            "--scenario",
            EXAMPLES + "/fault-sensor-open.json",
            "--plot",
            png.toString());
    assertEquals(0, r.code(), r.err());
    byte[] bytes = Files.readAllBytes(png);
    assertTrue(bytes.length > 10_000, "png of " + bytes.length + " bytes");
    assertEquals((byte) 0x89, bytes[0]);
    assertEquals('P', bytes[1]);
  }

  @Test
  void runWithThePiConfigOnAMachineWithoutGpioSaysWhichDeviceIsMissingAndExits2() {
    CliRun r = CliRun.of("run", "--config", "config/pi.yaml");
    assertEquals(2, r.code(), r.err());
    String err = r.err().strip();
    assertTrue(err.contains("heater relay (SSR) output on GPIO BCM 17 (pi.heaterPin = 17)"), err);
    assertTrue(err.contains("Nothing was switched on"), err);
    assertEquals(1, err.lines().count(), "one message, no log lines: " + err);
    assertFalse(err.contains("\tat ") || err.contains("Exception"), err);
  }

  @Test
  void runRefusesAPiConfigWithoutItsPiSection(@TempDir Path dir) throws Exception {
    Path cfg = dir.resolve("pi.yaml");
    Files.writeString(
        cfg,
        Files.readString(Path.of("config/toaster.yaml")).replace("kind: simulated", "kind: pi"));
    CliRun r = CliRun.of("run", "--config", cfg.toString());
    assertEquals(2, r.code());
    assertTrue(
        r.err().contains("pi is required when appliance.kind is pi")
            && r.err().contains("will not heat"),
        r.err());
    assertFalse(r.err().contains("\tat "), r.err());
  }
}
