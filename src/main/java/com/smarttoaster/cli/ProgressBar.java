package com.smarttoaster.cli;

import com.smarttoaster.simulation.LiveStatus;
import java.util.Locale;
import java.util.function.Supplier;

/**
 * A cycle's progress as a bar sized by the cycle's own predicted heating time (a 108 s cycle is
 * full at 108 s, not 60 % of a fixed three minutes), and {@code simulate --realtime}'s live line
 * built around it.
 */
final class ProgressBar {
  /** Cells in {@code simulate}'s bar; the run panel uses fewer. */
  static final int SIMULATE_CELLS = 10;

  private static final int LABEL = 12;

  private final StatusLine line;
  private final String label;
  private final Supplier<LiveStatus> status;

  ProgressBar(StatusLine line, String label, Supplier<LiveStatus> status) {
    this.line = line;
    this.label = label;
    this.status = status;
    line.captureSystemErr(); // the cycle's log lines scroll above the bar instead of gluing onto it
  }

  /**
   * {@code [#####-----]}: {@code doneS} of {@code totalS} in {@code cells} cells; empty without a
   * total (no prediction yet), full once done reaches it (a re-prediction may shorten the total).
   */
  static String bar(double doneS, double totalS, int cells) {
    int filled =
        totalS > 0 && doneS > 0 ? (int) Math.min(cells, Math.floor(doneS / totalS * cells)) : 0;
    return "[" + "#".repeat(filled) + "-".repeat(cells - filled) + "]";
  }

  /** The bar and "heated/predicted s", e.g. {@code [####----] 36/108s}. */
  static String withTimes(double doneS, double totalS, int cells) {
    return String.format(
        Locale.ROOT, "%s %3.0f/%.0fs", bar(doneS, totalS, cells), Math.max(0, doneS), totalS);
  }

  /**
   * Redraws {@code simulate --realtime}'s line (at most once per call; the caller paces the calls).
   */
  void update(double simS) {
    LiveStatus s = status.get();
    line.show(simulateLine(label, s), s.phase() + (s.heating() ? " heat" : ""));
  }

  /**
   * One line of at most 79 columns: the scenario's name (cut to 12), the phase, the progress, the
   * chamber and bread surface, and the achieved shade as the result will report it (signed, two
   * decimals: a shade below 1 is paler than the lightest setting, not 0).
   */
  static String simulateLine(String label, LiveStatus s) {
    String name = label.length() > LABEL ? label.substring(0, LABEL - 1) + "~" : label;
    String progress =
        Double.isNaN(s.predictedS())
            ? String.format(Locale.ROOT, "%-19s", "")
            : withTimes(s.heatedS(), s.predictedS(), SIMULATE_CELLS);
    return String.format(
        Locale.ROOT,
        "%-12s %-9s %-19s %3.0f°C bread %3.0f°C shade %5.2f %s",
        name,
        s.phase(),
        progress,
        s.chamberC(),
        s.breadSurfaceC(),
        s.achievedShade(),
        s.heating() ? "HEAT" : "");
  }

  void finish() {
    line.close();
  }
}
