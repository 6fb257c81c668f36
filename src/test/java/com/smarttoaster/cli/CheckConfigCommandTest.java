package com.smarttoaster.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

class CheckConfigCommandTest {
  private final StringWriter out = new StringWriter();
  private final StringWriter err = new StringWriter();

  private int run(String... args) {
    CommandLine cmd = new CommandLine(new CheckConfigCommand());
    cmd.setOut(new PrintWriter(out, true));
    cmd.setErr(new PrintWriter(err, true));
    return cmd.execute(args);
  }

  @Test
  void theShippedConfigIsOk() {
    assertEquals(0, run("config/toaster.yaml"));
    assertEquals(
        "OK: config/toaster.yaml (appliance simulated, device kitchen, cutoff 280 °C, max heat 300 s)",
        out.toString().strip());
    assertEquals("", err.toString());
  }

  @Test
  void anInvalidConfigPrintsEveryProblemOnStderrAndExits2(@TempDir Path dir) throws Exception {
    Path bad =
        Files.writeString(
            dir.resolve("bad.yaml"),
            Files.readString(Path.of("config/toaster.yaml"))
                .replace("cutoffC: 280", "cutoffC: 400"));
    assertEquals(2, run(bad.toString()));
    assertEquals("", out.toString());
    assertTrue(
        err.toString()
            .contains(
                "\n  safety.cutoffC = 400 is out of range; expected a number from 150 to 350 °C\n"),
        err.toString());
  }

  @Test
  void aMissingFileExits2(@TempDir Path dir) {
    Path missing = dir.resolve("none.yaml");
    assertEquals(2, run(missing.toString()));
    assertEquals(
        "cannot use config "
            + missing
            + ": no such file; the toaster will not heat without a valid config",
        err.toString().strip());
  }

  @Test
  void noFileIsAUsageErrorWithExit2() {
    assertEquals(2, run());
    assertTrue(err.toString().contains("Missing required parameter: 'FILE'"), err.toString());
  }

  @Test
  void helpDescribesTheCommand() {
    assertEquals(0, run("--help"));
    assertTrue(out.toString().contains("Usage: check-config"), out.toString());
    assertTrue(
        out.toString().contains("Exit codes: 0 valid, 2 invalid or unreadable file."),
        out.toString());
  }
}
