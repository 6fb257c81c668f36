package com.smarttoaster.docs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import com.smarttoaster.cli.Main;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import picocli.CommandLine;

/**
 * Every command in the README's {@code sh} blocks runs as written: the jar's commands in this JVM
 * through the same picocli command line the jar uses, from the repository's root (where the README
 * says to run them). Only output files move, into a temporary directory, so the test leaves no
 * {@code cycle.png} behind. What is not run is listed below with the reason.
 */
class ReadmeCommandsTest {
  static final String JAR = "java -jar target/smart-toaster.jar";

  /** Commands not run here, by their arguments, with why. */
  static final Map<String, String> NOT_RUN =
      Map.of(
          "run --config config/toaster.yaml",
          "interactive: runs the front panel until q or SIGTERM (the terminal panel's pty test drives it)",
          "run --config config/pi.yaml",
          "needs a Raspberry Pi's GPIO (without it: exit 2 and one line, SimulateCommandTest)");

  /** Options whose value is a file or directory the command writes. */
  static final Set<String> OUTPUT_OPTIONS = Set.of("--plot", "--out");

  record Command(int line, String text) {
    @Override
    public String toString() {
      return "README.md:" + line + ": " + text;
    }
  }

  /**
   * The commands of every {@code sh} block: continuations joined, {@code &&} split, comments cut.
   */
  static List<Command> readmeCommands() throws IOException {
    List<String> lines = Files.readAllLines(Path.of("README.md"));
    List<Command> commands = new ArrayList<>();
    boolean inSh = false;
    StringBuilder pending = new StringBuilder();
    int start = 0;
    for (int i = 0; i < lines.size(); i++) {
      String line = lines.get(i).strip();
      if (!inSh) {
        inSh = line.equals("```sh");
        continue;
      }
      if (line.startsWith("```")) {
        inSh = false;
        continue;
      }
      if (pending.length() == 0) {
        start = i + 1;
      }
      if (line.endsWith("\\")) {
        pending.append(line, 0, line.length() - 1).append(' ');
        continue;
      }
      pending.append(line);
      String full = pending.toString().replaceAll("\\s+#.*$", "").strip();
      pending.setLength(0);
      for (String part : full.split("&&")) {
        if (!part.isBlank()) {
          commands.add(new Command(start, part.strip().replaceAll("\\s+", " ")));
        }
      }
    }
    return commands;
  }

  static Stream<Command> jarCommands() throws IOException {
    return readmeCommands().stream().filter(c -> c.text().startsWith(JAR + " "));
  }

  @Test
  void theReadmeHasCommandsAndEveryOneIsTheJarOrMaven() throws IOException {
    List<Command> all = readmeCommands();
    assertTrue(all.size() >= 8, "commands found: " + all);
    for (Command c : all) {
      assertTrue(
          c.text().startsWith(JAR + " ") || c.text().startsWith("mvn "),
          c + ": neither the jar nor Maven, so no test runs it");
    }
    // Maven's own commands are this build; the opening two must stay first and stay true.
    assertTrue(
        all.get(0).text().startsWith("mvn -B -q package -DskipTests"), all.get(0).toString());
    assertEquals(
        JAR + " simulate --scenario src/test/resources/scenarios/normal-white-medium.json",
        all.get(1).text());
    assertEquals("mvn -B verify", all.get(2).text());
    for (String skipped : NOT_RUN.keySet()) {
      assertTrue(
          all.stream().anyMatch(c -> c.text().equals(JAR + " " + skipped)),
          "a skip for a command the README no longer has: " + skipped);
    }
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("jarCommands")
  void runsAsWritten(Command command, @TempDir Path outputs) {
    String args = command.text().substring(JAR.length() + 1);
    if (NOT_RUN.containsKey(args)) {
      org.junit.jupiter.api.Assumptions.abort("not run: " + NOT_RUN.get(args));
    }
    List<String> argv = new ArrayList<>(List.of(args.split(" ")));
    for (int i = 0; i + 1 < argv.size(); i++) {
      if (OUTPUT_OPTIONS.contains(argv.get(i))) {
        argv.set(i + 1, outputs.resolve(argv.get(i + 1)).toString());
      }
    }
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    CommandLine cl = Main.commandLine();
    cl.setOut(new PrintWriter(out, true));
    cl.setErr(new PrintWriter(err, true));
    int exit = cl.execute(argv.toArray(String[]::new));
    assertEquals(0, exit, command + "\nstdout: " + out + "\nstderr: " + err);
    assertFalse(out.toString().isBlank() && err.toString().isBlank(), command + " printed nothing");
    for (int i = 0; i + 1 < argv.size(); i++) {
      if (argv.get(i).equals("--plot") && !Files.isRegularFile(Path.of(argv.get(i + 1)))) {
        fail(command + ": no plot at " + argv.get(i + 1));
      }
    }
  }
}
