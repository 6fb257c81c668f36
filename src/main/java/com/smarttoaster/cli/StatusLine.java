package com.smarttoaster.cli;

import java.io.ByteArrayOutputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import org.jspecify.annotations.Nullable;

/**
 * The one status line at the bottom of a terminal, with log lines scrolling above it.
 *
 * <p>A status-line approach rather than JLine 3: the panel needs one redrawn line, single keys and
 * the width, and the terminal already gives all three ({@code \r} + erase-to-end-of-line, {@code
 * stty -icanon}, {@code stty size}); JLine would add a 1 MB dependency with native terminal
 * providers to the device jar that the Pi, under systemd without a terminal, never uses.
 *
 * <p>On a terminal: {@link #show} redraws the line in place (cut to the usable width, so it never
 * wraps into a stack of frames) and {@link #println} erases it, prints the log line, and redraws it
 * below. {@link #captureSystemErr()} sends the loggers' stderr through {@link #println}, so log
 * lines never glue onto the status line. Not on a terminal (a file, a pipe, systemd's journal): no
 * {@code \r} and no escape codes; {@link #show} prints a plain line only when the state it stands
 * for changes.
 */
final class StatusLine implements AutoCloseable {
  private static final String ERASE_LINE = "\r\033[K";

  private final PrintWriter out;
  private final ConsoleKind console;
  private String shown = "";
  private @Nullable String lastKey;
  private @Nullable PrintStream previousErr;

  StatusLine(PrintWriter out, ConsoleKind console) {
    this.out = out;
    this.console = console;
  }

  boolean isTerminal() {
    return console.terminal();
  }

  /**
   * Shows {@code text} as the status.
   *
   * @param key what the line stands for, without its ticking parts (times, temperatures): without a
   *     terminal a line is printed only when this changes
   */
  synchronized void show(String text, String key) {
    String line = fit(text);
    if (console.terminal()) {
      if (!line.equals(shown)) {
        out.print(ERASE_LINE + line);
        out.flush();
        shown = line;
      }
    } else if (!key.equals(lastKey)) {
      lastKey = key;
      out.println(line.stripTrailing());
      out.flush();
    }
  }

  /** A message or log line, above the status line; each line of it on its own line. */
  synchronized void println(String text) {
    String clean = text.replace('\r', ' ').replace('\033', '?');
    if (console.terminal()) {
      out.print(ERASE_LINE);
      out.println(clean);
      out.print(shown);
    } else {
      out.println(clean);
    }
    out.flush();
  }

  /** The line as it may appear: control characters made visible, cut to the usable width. */
  String fit(String text) {
    StringBuilder b = new StringBuilder(text.length());
    for (int i = 0; i < text.length() && b.length() < console.usable(); i++) {
      char c = text.charAt(i);
      b.append(Character.isISOControl(c) ? '?' : c);
    }
    return b.toString();
  }

  /**
   * Until {@link #close()}, whatever is written to System.err (the loggers) goes through {@link
   * #println}.
   */
  synchronized void captureSystemErr() {
    if (previousErr == null) {
      previousErr = System.err;
      System.setErr(new PrintStream(new LineSink(), true, StandardCharsets.UTF_8));
    }
  }

  /** Leaves the last status as an ordinary line and gives System.err back. */
  @Override
  public synchronized void close() {
    if (console.terminal() && !shown.isEmpty()) {
      out.println();
      out.flush();
      shown = "";
    }
    if (previousErr != null) {
      System.setErr(previousErr);
      previousErr = null;
    }
  }

  /** Collects bytes into lines and hands each complete line to {@link #println}. */
  private final class LineSink extends OutputStream {
    private final ByteArrayOutputStream pending = new ByteArrayOutputStream();

    @Override
    public synchronized void write(int b) {
      if (b == '\n') {
        String line = pending.toString(StandardCharsets.UTF_8);
        pending.reset();
        println(line);
      } else {
        pending.write(b);
      }
    }
  }
}
