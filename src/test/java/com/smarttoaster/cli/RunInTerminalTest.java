package com.smarttoaster.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * {@code run} as a user sees it: the built classes in a JVM on a real pseudo-terminal of 80 × 24
 * (src/test/resources/pty/run_in_pty.py, Python's standard library), keys typed into it, and what
 * the terminal shows replayed by a small emulator. At realtimeFactor 1, 20 and 100 (and the Pi code
 * on emulated chips at 100): no false fault, exactly one status line on the screen, every frame
 * under 80 columns, log lines above it.
 *
 * <p>The one test here that waits on the wall clock (the point is the pacing); about 5–10 s per
 * factor. Needs python3 (CI installs it; elsewhere the test is skipped without it).
 */
@Tag("slow")
class RunInTerminalTest {
  private static final int COLUMNS = 80;
  private static final long WAIT_MS = 60_000;

  /** A status frame: phase, what happens, then the settings in force and the chamber reading. */
  private static final Pattern STATUS =
      Pattern.compile(
          "(idle|armed|preparing|toasting|done|cancelled|fault) +\\S.* shade \\d [a-z]+ +\\dx[ \\d]\\dmm [a-z]+ +(-?\\d+|--)°C.*");

  /**
   * The settings part of a frame, wherever it is on a row (a glued frame would show it mid-row).
   */
  private static final Pattern SETTINGS = Pattern.compile("shade \\d white {6}\\dx[ \\d]\\dmm");

  @TempDir Path dir;

  @ParameterizedTest(name = "{0} at realtimeFactor {1}")
  @CsvSource({"simulated, 1", "simulated, 20", "simulated, 100", "pi-emulated, 100"})
  void runFitsAnEightyColumnTerminalWithLogsAboveOneStatusLineAndNoFalseFault(
      String kind, double factor) throws Exception {
    Assumptions.assumeTrue(
        python3Available() || "true".equals(System.getenv("CI")),
        "python3 is needed to open a pseudo-terminal");
    Path config = dir.resolve("toaster.yaml");
    String yaml =
        Files.readString(Path.of("config/toaster.yaml"))
            .replace("realtimeFactor: 1\n", "realtimeFactor: " + factor + "\n");
    assertTrue(
        yaml.contains("realtimeFactor: " + factor), "the config's realtimeFactor line moved");
    if (kind.equals("pi-emulated")) { // the Pi code on emulated chips needs the Pi's wiring
      String pi = Files.readString(Path.of("config/pi.yaml"));
      int from = pi.indexOf("\npi:\n");
      int to = pi.indexOf("\n# ---", from + 1);
      yaml =
          yaml.replace("kind: simulated\n", "kind: pi-emulated\n")
              + pi.substring(from, to < 0 ? pi.length() : to);
    }
    Files.writeString(config, yaml);
    String cp =
        System.getProperty("surefire.test.class.path", System.getProperty("java.class.path"));
    ProcessBuilder pb =
        new ProcessBuilder(
                "python3",
                Path.of("src/test/resources/pty/run_in_pty.py").toString(),
                String.valueOf(COLUMNS),
                "24",
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx256m",
                "-cp",
                cp,
                Main.class.getName(),
                "run",
                "--config",
                config.toString())
            .redirectErrorStream(true);
    pb.environment()
        .put("TERM", "xterm"); // as a user's terminal says; CI may run with TERM=dumb or none
    Process p = pb.start();
    Terminal t = new Terminal(p.getInputStream());
    long startMs = System.currentTimeMillis();
    try (OutputStream keys = p.getOutputStream()) {
      t.await("Ready");
      t.await("idle      l: bread in"); // the first frame: keys are read from here on
      if (factor == 1) {
        type(keys, "l");
        t.await("Cycle started:");
        Thread.sleep(2500); // a few redraws of a live cycle
        type(keys, "3x");
        t.await("shade 3 refused");
        t.await("x: no fault is latched");
        type(keys, "q");
        t.await("Cycle ended: cancelled");
      } else {
        for (int cycle = 1; cycle <= (factor >= 100 ? 2 : 1); cycle++) {
          type(keys, "l");
          t.awaitCount("Cycle ended: done", cycle);
          t.awaitCount("Carriage released", cycle);
          // A hand takes the toast out before pushing the lever again: at 100x the key would come
          // within the emulated Pi's 20 ms lever debounce of the carriage rising, and its panel
          // would rightly never see the lever go up.
          Thread.sleep(300);
        }
        type(keys, "q");
      }
      t.await("Stopped: heater off, carriage released.");
    }
    assertTrue(p.waitFor(WAIT_MS, TimeUnit.MILLISECONDS), "run did not exit");
    assertEquals(0, p.exitValue(), t.text());
    long wallMs = System.currentTimeMillis() - startMs;

    String out = t.text();
    assertFalse(out.contains("FAULT"), "a false fault at factor " + factor + ":\n" + out);
    if (factor == 1) {
      assertEquals(
          1,
          count(out, "shade 3 refused: the cycle runs on with shade 4"),
          "refused once:\n" + out);
      assertTrue(out.contains("Quitting: cancelling the running cycle first."), out);
    }
    List<String> frames = frames(out);
    assertTrue(frames.size() >= 3, "status frames drawn: " + frames.size() + "\n" + out);
    for (String frame : frames) {
      assertTrue(frame.length() < COLUMNS, frame.length() + " columns: " + frame);
    }
    List<String> screen = screen(out, COLUMNS);
    List<Integer> statusRows = new ArrayList<>();
    for (int i = 0; i < screen.size(); i++) {
      if (SETTINGS.matcher(screen.get(i)).find()) {
        statusRows.add(i);
        assertTrue(
            STATUS.matcher(screen.get(i)).matches(),
            "a status row starts the row: " + screen.get(i));
      }
    }
    assertEquals(
        1, statusRows.size(), "one status line on the screen:\n" + String.join("\n", screen));
    int logRow = indexOfRowStartingWith(screen, "INFO ToastController - Cycle started");
    assertTrue(
        logRow >= 0 && logRow < statusRows.get(0),
        "the log line is a row of its own above the status:\n" + String.join("\n", screen));
    System.out.printf(
        Locale.ROOT,
        "run %s at realtimeFactor %s: %d frames, widest %d columns, %d s wall%n",
        kind,
        factor,
        frames.size(),
        frames.stream().mapToInt(String::length).max().orElse(0),
        wallMs / 1000);
  }

  /**
   * Without a terminal (keys from a pipe, stderr to a file, as under systemd or in a log): plain
   * lines only, no carriage returns or escape codes; and q mid-cycle ends the cycle in the history
   * as cancelled, not left running until the next start.
   */
  @org.junit.jupiter.api.Test
  void redirectedItWritesPlainLinesAndQuitMidCycleRecordsTheCycleAsCancelled() throws Exception {
    Path config = dir.resolve("toaster.yaml");
    Path db = dir.resolve("history.db");
    Files.writeString(
        config,
        Files.readString(Path.of("config/toaster.yaml"))
                .replace("realtimeFactor: 1\n", "realtimeFactor: 20\n")
            + "\nhistory:\n  databaseFile: "
            + db
            + "\n");
    Path err = dir.resolve("stderr.txt");
    String cp =
        System.getProperty("surefire.test.class.path", System.getProperty("java.class.path"));
    Process p =
        new ProcessBuilder(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx256m",
                "-cp",
                cp,
                Main.class.getName(),
                "run",
                "--config",
                config.toString())
            .redirectError(err.toFile())
            .redirectOutput(ProcessBuilder.Redirect.DISCARD)
            .start();
    try (OutputStream keys = p.getOutputStream()) {
      awaitInFile(err, "Ready");
      type(keys, "l");
      awaitInFile(err, "Cycle started:");
      awaitInFile(err, "\ntoasting  "); // the panel's state change, as a plain line
      type(keys, "q");
    }
    assertTrue(p.waitFor(WAIT_MS, TimeUnit.MILLISECONDS), "run did not exit");
    String text = Files.readString(err);
    assertEquals(0, p.exitValue(), text);
    assertFalse(text.contains("\r"), "no carriage returns in a file:\n" + text);
    assertFalse(text.contains("\033"), "no escape codes in a file:\n" + text);
    assertTrue(text.contains("Quitting: cancelling the running cycle first."), text);

    Path csv = dir.resolve("history.csv");
    assertEquals(
        0,
        Main.commandLine()
            .execute("history", "export", "--db", db.toString(), "--out", csv.toString()));
    String history = Files.readString(csv);
    assertTrue(history.contains("cancelled"), history);
    assertFalse(history.contains("running"), history);
  }

  private static void awaitInFile(Path file, String part) throws Exception {
    long deadline = System.currentTimeMillis() + WAIT_MS;
    while (!(Files.exists(file) && Files.readString(file).contains(part))) {
      if (System.currentTimeMillis() > deadline) {
        fail(
            "no '"
                + part
                + "' in "
                + file
                + " within "
                + WAIT_MS
                + " ms:\n"
                + (Files.exists(file) ? Files.readString(file) : ""));
      }
      Thread.sleep(50);
    }
  }

  private static void type(OutputStream keys, String typed) throws IOException {
    keys.write(typed.getBytes(StandardCharsets.US_ASCII));
    keys.flush();
  }

  private static boolean python3Available() {
    try {
      return new ProcessBuilder("python3", "-c", "import pty").start().waitFor() == 0;
    } catch (IOException e) {
      return false;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return false;
    }
  }

  private static int count(String text, String part) {
    int n = 0;
    for (int i = text.indexOf(part); i >= 0; i = text.indexOf(part, i + 1)) {
      n++;
    }
    return n;
  }

  private static int indexOfRowStartingWith(List<String> rows, String start) {
    for (int i = 0; i < rows.size(); i++) {
      if (rows.get(i).startsWith(start)) {
        return i;
      }
    }
    return -1;
  }

  /**
   * Every status frame as written: the text after an erase-line up to the next carriage return or
   * newline.
   */
  static List<String> frames(String out) {
    List<String> frames = new ArrayList<>();
    for (String chunk : out.split("\r\033\\[K", -1)) {
      String first = chunk.split("[\r\n]", 2)[0];
      if (STATUS.matcher(first).matches()) {
        frames.add(first);
      }
    }
    return frames;
  }

  /**
   * The rows a terminal of {@code cols} columns ends up showing (all of them, scrolled off or not):
   * printable characters overwrite at the cursor and wrap at the right margin; CR, LF and CSI K
   * (erase to end of line) act; other escape sequences are skipped.
   */
  static List<String> screen(String out, int cols) {
    List<StringBuilder> rows = new ArrayList<>();
    rows.add(new StringBuilder());
    int row = 0;
    int col = 0;
    for (int i = 0; i < out.length(); i++) {
      char c = out.charAt(i);
      if (c == '\r') {
        col = 0;
      } else if (c == '\n') {
        row++;
      } else if (c == '\033') {
        if (i + 1 < out.length() && out.charAt(i + 1) == '[') {
          int j = i + 2;
          while (j < out.length() && (out.charAt(j) < 0x40 || out.charAt(j) > 0x7e)) {
            j++;
          }
          if (j < out.length() && out.charAt(j) == 'K') {
            StringBuilder r = rows.get(row);
            r.setLength(Math.min(r.length(), col));
          }
          i = j;
        }
      } else if (c >= ' ') {
        if (col >= cols) { // auto-wrap
          row++;
          col = 0;
        }
        while (rows.size() <= row) {
          rows.add(new StringBuilder());
        }
        StringBuilder r = rows.get(row);
        while (r.length() < col) {
          r.append(' ');
        }
        if (col < r.length()) {
          r.setCharAt(col, c);
        } else {
          r.append(c);
        }
        col++;
      }
      while (rows.size() <= row) {
        rows.add(new StringBuilder());
      }
    }
    List<String> result = new ArrayList<>();
    rows.forEach(r -> result.add(r.toString()));
    return result;
  }

  /** What the terminal has shown so far, read on a thread of its own. */
  private static final class Terminal {
    private final ByteArrayOutputStream bytes = new ByteArrayOutputStream();

    Terminal(InputStream in) {
      Thread reader =
          new Thread(
              () -> {
                byte[] buf = new byte[8192];
                try {
                  for (int n; (n = in.read(buf)) != -1; ) {
                    synchronized (bytes) {
                      bytes.write(buf, 0, n);
                      bytes.notifyAll();
                    }
                  }
                } catch (IOException e) {
                  // the process ended
                }
              },
              "pty-reader");
      reader.setDaemon(true);
      reader.start();
    }

    String text() {
      synchronized (bytes) {
        return bytes.toString(StandardCharsets.UTF_8);
      }
    }

    void await(String part) throws InterruptedException {
      awaitCount(part, 1);
    }

    void awaitCount(String part, int times) throws InterruptedException {
      long deadline = System.currentTimeMillis() + WAIT_MS;
      synchronized (bytes) {
        while (count(bytes.toString(StandardCharsets.UTF_8), part) < times) {
          long left = deadline - System.currentTimeMillis();
          if (left <= 0) {
            fail(
                "no '"
                    + part
                    + "' (x"
                    + times
                    + ") on the terminal within "
                    + WAIT_MS
                    + " ms:\n"
                    + text());
          }
          bytes.wait(left);
        }
      }
    }
  }
}
