package com.smarttoaster.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.smarttoaster.testkit.CliRun;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** Exit codes, help and version as a new user meets them (issue 13). */
class CliContractTest {
  private static final String SCENARIO = "src/test/resources/scenarios/normal-white-medium.json";

  @Test
  void noArgumentsPrintTheUsageOnStderrAndExitTwo() {
    CliRun r = CliRun.of();
    assertEquals(2, r.code());
    assertTrue(r.err().contains("Usage: smart-toaster"), r.err());
    assertEquals("", r.out());
  }

  @Test
  void helpCommandShowsASubcommandsHelp() {
    CliRun r = CliRun.of("help", "simulate");
    assertEquals(0, r.code(), r.err());
    assertTrue(r.out().contains("Usage: smart-toaster simulate"), r.out());
  }

  @Test
  void versionIsThePomsVersion() throws Exception {
    Matcher m =
        Pattern.compile("<artifactId>smart-toaster</artifactId>\\s*<version>([^<]+)</version>")
            .matcher(Files.readString(Path.of("pom.xml")));
    assertTrue(m.find(), "the pom's own version");
    CliRun r = CliRun.of("--version");
    assertEquals(0, r.code());
    assertEquals("smart-toaster " + m.group(1), r.out().strip());
  }

  @Test
  void rootCommandSummariesAreWholeSentences() {
    String help = CliRun.of("--help").out();
    String commands = help.substring(help.indexOf("Commands:") + "Commands:".length());
    // A summary may wrap onto continuation lines (deeper indent); joined, each must end a sentence.
    List<String> summaries = new ArrayList<>();
    for (String line : commands.split("\n")) {
      if (line.isBlank()) {
        continue;
      }
      if (line.startsWith("  ") && !line.startsWith("    ")) {
        summaries.add(line.strip());
      } else {
        summaries.set(
            summaries.size() - 1, summaries.get(summaries.size() - 1) + " " + line.strip());
      }
    }
    assertEquals(Main.commandLine().getSubcommands().size(), summaries.size(), commands);
    for (String s : summaries) {
      assertTrue(s.endsWith(".") || s.endsWith(")."), "cut mid-sentence: " + s);
    }
  }

  @Test
  void noHelpTextBreaksATokenAcrossLines() {
    for (List<String> cmd : allCommands(Main.commandLine(), new ArrayList<>())) {
      List<String> args = new ArrayList<>(cmd);
      args.add("--help");
      CliRun r = CliRun.of(args.toArray(String[]::new));
      assertEquals(0, r.code(), cmd + ": " + r.err());
      String[] lines = r.out().split("\n");
      for (int i = 0; i + 1 < lines.length; i++) {
        String here = lines[i].stripTrailing();
        String next = lines[i + 1].strip();
        assertFalse(
            here.matches(".*[A-Za-z0-9]-") && !next.isEmpty(),
            cmd + ": a hyphenated word split at line " + (i + 1) + ": " + here + " / " + next);
        assertFalse(
            here.endsWith(":") && next.startsWith("/"),
            cmd + ": a URL split: " + here + " / " + next);
        assertFalse(
            splitsACommaList(here, next), cmd + ": a comma list split: " + here + " / " + next);
      }
      assertFalse(
          r.out().contains("DESIGN.md"), cmd + ": cites a file that is not in the repository");
    }
  }

  /**
   * "a,b," then "c,d": a list written without spaces (one token) broken at a comma; prose lists
   * have ", ".
   */
  private static boolean splitsACommaList(String here, String next) {
    if (!here.matches(".*\\S,") || next.isEmpty()) {
      return false;
    }
    String last = here.substring(here.lastIndexOf(' ') + 1);
    String first = next.split(" ", 2)[0];
    return last.substring(0, last.length() - 1).contains(",")
        || first.replaceAll("[,.)\\]]+$", "").contains(",");
  }

  private static List<List<String>> allCommands(CommandLine cl, List<String> path) {
    List<List<String>> all = new ArrayList<>();
    for (var e : cl.getSubcommands().entrySet()) {
      if (e.getKey().equals("help")) {
        continue;
      }
      List<String> p = new ArrayList<>(path);
      p.add(e.getKey());
      all.add(p);
      all.addAll(allCommands(e.getValue(), p));
    }
    return all;
  }

  @Test
  void aBadOptionIsOneLineAndExitTwo() {
    CliRun r = CliRun.of("simulate", "--scenario", SCENARIO, "--predictr", "model");
    assertEquals(2, r.code());
    assertEquals(1, r.err().strip().lines().count(), r.err());
    assertTrue(r.err().contains("--predictr"), r.err());
  }

  @Test
  void historyWithoutASubcommandExitsTwo() {
    assertEquals(2, CliRun.of("history").code());
  }

  @Test
  void aPlotIntoAMissingDirectoryIsRefusedBeforeTheCycleRuns() {
    CliRun r = CliRun.of("simulate", "--scenario", SCENARIO, "--plot", "/nonexistent/dir/x.png");
    assertEquals(2, r.code());
    assertEquals(
        "--plot: cannot write '/nonexistent/dir/x.png': the directory /nonexistent/dir does not exist;"
            + " create it first or choose another path",
        r.err().strip());
    assertEquals("", r.out(), "no cycle ran");
  }

  @Test
  void aPlotNotNamedPngIsRefusedAndNothingElseIsWritten(@TempDir Path dir) {
    Path jpg = dir.resolve("out.jpg");
    CliRun r = CliRun.of("simulate", "--scenario", SCENARIO, "--plot", jpg.toString());
    assertEquals(2, r.code());
    assertTrue(r.err().contains("must be a file name ending in .png"), r.err());
    assertFalse(Files.exists(jpg) || Files.exists(dir.resolve("out.jpg.png")));
  }

  @Test
  void thePlotIsWrittenToTheFileNamed(@TempDir Path dir) {
    Path png = dir.resolve("Cycle.PNG");
    CliRun r =
        CliRun.of(
            "simulate",
            "--scenario",
            SCENARIO,
            "--predictor",
            "fallback",
            "--plot",
            png.toString());
    assertEquals(0, r.code(), r.err());
    assertTrue(Files.isRegularFile(png), "written where named");
    assertFalse(Files.exists(dir.resolve("Cycle.PNG.png")));
  }

  @Test
  void evaluatePlotIsCheckedBeforeTheEvaluationRuns() {
    CliRun r = CliRun.of("evaluate", "--random", "100000", "--plot", "/nonexistent/e.png");
    assertEquals(2, r.code());
    assertTrue(r.err().startsWith("--plot: cannot write '/nonexistent/e.png'"), r.err());
  }

  @Test
  void anUnknownBreadThermometerIsRefusedInOneLineBeforeTheEvaluationRuns() {
    CliRun r = CliRun.of("evaluate", "--random", "100000", "--bread-thermometer", "mlx90615");
    assertEquals(2, r.code());
    assertEquals(
        "--bread-thermometer: 'mlx90615' is not one of mlx90614, none", r.err().strip(), r.err());
  }

  @Test
  void anUnknownRestartIsRefusedInOneLineBeforeTheEvaluationRuns() {
    CliRun r = CliRun.of("evaluate", "--random", "100000", "--restart", "sometimes");
    assertEquals(2, r.code());
    assertEquals(
        "--restart: 'sometimes' is not one of none, forgetting, remembering",
        r.err().strip(),
        r.err());
  }

  @Test
  void aSecondBatchAfterARestartIsEvaluatedWithAndWithoutTheStateDirectory() {
    CliRun r =
        CliRun.of(
            "evaluate",
            "--suite",
            "second-batch",
            "--count",
            "3",
            "--seed",
            "11",
            "--predictors",
            "fallback",
            "--restart",
            "remembering");
    assertEquals(0, r.code(), r.err());
    assertTrue(r.out().contains("| second-batch | 3 |"), r.out());
  }

  @Test
  void aDatasetDirectoryThatCannotBeMadeIsRefusedBeforeGenerating() {
    CliRun r = CliRun.of("dataset", "--rows", "1000000", "--out", "/proc/x");
    assertEquals(2, r.code());
    assertTrue(r.err().startsWith("--out: cannot create the directory '/proc/x'"), r.err());
    assertEquals(1, r.err().strip().lines().count(), r.err());
  }
}
