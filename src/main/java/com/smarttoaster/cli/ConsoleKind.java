package com.smarttoaster.cli;

import java.io.File;
import java.io.IOException;
import java.lang.ProcessBuilder.Redirect;
import java.nio.charset.StandardCharsets;

/**
 * Whether standard error is an interactive terminal, and how wide it is. Java cannot ask isatty(2)
 * itself ({@code System.console()} looks at stdin and stdout only, so {@code run 2>log} would still
 * get in-place frames), so a shell that inherits our stderr is asked: {@code [ -t 2 ]}.
 */
record ConsoleKind(boolean terminal, int columns) {
  /** The panel never writes wider than this, whatever the terminal (the 80 columns). */
  static final int MAX_COLUMNS = 80;

  static final ConsoleKind PLAIN = new ConsoleKind(false, MAX_COLUMNS);

  /** Looks at this process's stderr; plain lines when it is a file, a pipe, or TERM=dumb. */
  static ConsoleKind ofStderr() {
    if ("dumb".equals(System.getenv("TERM")) || !stderrIsTerminal()) {
      return PLAIN;
    }
    return new ConsoleKind(true, Math.min(MAX_COLUMNS, terminalColumns()));
  }

  /**
   * Characters a line may use: one less than the width, so that writing the last column never
   * leaves the cursor waiting to wrap (which would stack redrawn frames on some terminals).
   */
  int usable() {
    return Math.max(20, columns - 1);
  }

  private static boolean stderrIsTerminal() {
    try {
      Process p =
          new ProcessBuilder("sh", "-c", "[ -t 2 ]").redirectError(Redirect.INHERIT).start();
      return p.waitFor() == 0;
    } catch (IOException e) {
      return false;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return false;
    }
  }

  /** {@code stty size} on the controlling terminal: "rows columns"; 80 when it cannot tell. */
  private static int terminalColumns() {
    File tty = new File("/dev/tty");
    if (!tty.canRead()) {
      return MAX_COLUMNS;
    }
    try {
      Process p =
          new ProcessBuilder("stty", "size")
              .redirectInput(tty)
              .redirectError(Redirect.DISCARD)
              .start();
      String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.US_ASCII).trim();
      if (p.waitFor() != 0) {
        return MAX_COLUMNS;
      }
      String[] parts = out.split("\\s+");
      int cols = parts.length == 2 ? Integer.parseInt(parts[1]) : 0;
      return cols > 0 ? cols : MAX_COLUMNS;
    } catch (IOException | NumberFormatException e) {
      return MAX_COLUMNS;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return MAX_COLUMNS;
    }
  }
}
