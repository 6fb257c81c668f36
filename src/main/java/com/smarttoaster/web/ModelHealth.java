package com.smarttoaster.web;

import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * What the model page shows, all of it read from the device: the version running the cycles, the
 * installed versions with the active one marked, the running model's card, and the rolling figures
 * the device monitors (empty until the device monitors any; never made up).
 *
 * @param running the version the controller predicts with
 * @param active what the active pointer names ("factory" for the built-in model)
 * @param installed installed bundles, oldest first; empty without a state directory
 * @param card the running model's card: version, creation, data rows and test metrics; null when
 *     unreadable
 * @param monitoring rolling figures, e.g. fallback rate over the last cycles
 * @param note one line on where the figures come from
 */
public record ModelHealth(
    @Nullable String running,
    String active,
    List<Installed> installed,
    @Nullable Card card,
    List<Figure> monitoring,
    String note) {

  /** One installed bundle, as {@code model list} shows it. */
  public record Installed(
      String version,
      String origin,
      @Nullable String installedAt,
      boolean active,
      @Nullable String problem) {}

  /** The parts of a model card a person reads. */
  public record Card(
      String modelVersion, String created, long dataRows, Map<String, Double> metrics) {}

  /** A monitored figure: name, value, unit and over how many cycles. */
  public record Figure(String name, double value, String unit, int overCycles) {}
}
