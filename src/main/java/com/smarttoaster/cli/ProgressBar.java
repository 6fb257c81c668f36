package com.smarttoaster.cli;

import java.io.PrintWriter;
import java.util.Locale;

/** A one-line live progress display on a terminal, redrawn in place. */
final class ProgressBar {
  private static final int WIDTH = 30;
  private final PrintWriter err;
  private final String label;
  private final java.util.function.Supplier<String> status;
  private long lastDrawNanos;

  ProgressBar(PrintWriter err, String label, java.util.function.Supplier<String> status) {
    this.err = err;
    this.label = label;
    this.status = status;
  }

  /** Shows elapsed simulated time; the bar fills over a typical three-minute cycle. */
  void update(double simS) {
    long now = System.nanoTime();
    if (now - lastDrawNanos < 200_000_000L) {
      return;
    }
    lastDrawNanos = now;
    int filled = (int) Math.min(WIDTH, simS / 180.0 * WIDTH);
    err.printf(Locale.ROOT, "\r%s [%s%s] %5.1f s  %s ", label, "#".repeat(filled), " ".repeat(WIDTH - filled), simS,
        status.get());
    err.flush();
  }

  void finish() {
    err.println();
    err.flush();
  }
}
