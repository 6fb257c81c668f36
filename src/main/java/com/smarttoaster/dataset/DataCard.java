package com.smarttoaster.dataset;

import com.smarttoaster.predict.ModelFeatures;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The short description that travels beside the dataset CSV: how it was made, how big each split
 * and segment is, the range of every column, and the CSV's SHA-256. Deterministic: the same rows
 * give the same text.
 *
 * @param generatorVersion {@link DatasetGenerator#VERSION}
 * @param seed dataset seed
 * @param csvSha256 SHA-256 of the CSV file, lower-case hex
 * @param rows row count
 * @param splitCounts rows per split
 * @param segmentCounts rows per {@link Segment}, in table order
 * @param ranges min, max and mean of every numeric column (features, hidden truth, label)
 * @param labelsAtMax rows whose label is the cap {@link DatasetGenerator#MAX_HEAT_S} (shade not
 *     reachable)
 */
public record DataCard(
    String generatorVersion,
    long seed,
    String csvSha256,
    int rows,
    Map<Split, Integer> splitCounts,
    Map<String, Integer> segmentCounts,
    Map<String, double[]> ranges,
    int labelsAtMax) {

  public static final String FILE_NAME = "data-card.md";

  public static DataCard of(long seed, List<DatasetRow> rows, String csvSha256) {
    Map<Split, Integer> splits = new EnumMap<>(Split.class);
    for (Split s : Split.values()) {
      splits.put(s, 0);
    }
    for (DatasetRow r : rows) {
      splits.merge(r.split(), 1, Integer::sum);
    }
    Map<String, Integer> segments = new LinkedHashMap<>();
    for (Segment seg : Segment.all()) {
      segments.put(seg.name(), (int) rows.stream().filter(seg::contains).count());
    }
    Map<String, double[]> ranges = new LinkedHashMap<>();
    for (int i = 0; i < ModelFeatures.COUNT; i++) {
      int k = i;
      ranges.put(
          ModelFeatures.NAMES.get(i),
          range(rows.stream().mapToDouble(r -> r.features()[k]).toArray()));
    }
    ranges.put(
        DatasetCsv.NOT_A_FEATURE_PREFIX + "breadStartC",
        range(
            rows.stream()
                .filter(r -> r.breadStartC() != null)
                .mapToDouble(DatasetRow::breadStartC)
                .toArray()));
    ranges.put(
        DatasetCsv.NOT_A_FEATURE_PREFIX + "actualMainsVolts / configured",
        range(
            rows.stream()
                .filter(r -> r.actualMainsVolts() != null)
                .mapToDouble(r -> 1 + r.mainsDeviation())
                .toArray()));
    ranges.put(
        DatasetCsv.NOT_A_FEATURE_PREFIX + "earlierCycles",
        range(
            rows.stream()
                .filter(r -> r.earlierCycles() != null)
                .mapToDouble(DatasetRow::earlierCycles)
                .toArray()));
    ranges.put(DatasetCsv.LABEL, range(rows.stream().mapToDouble(DatasetRow::heaterOnS).toArray()));
    int atMax =
        (int) rows.stream().filter(r -> r.heaterOnS() >= DatasetGenerator.MAX_HEAT_S).count();
    return new DataCard(
        DatasetGenerator.VERSION, seed, csvSha256, rows.size(), splits, segments, ranges, atMax);
  }

  private static double[] range(double[] v) {
    if (v.length == 0) {
      return new double[] {Double.NaN, Double.NaN, Double.NaN};
    }
    double min = Double.POSITIVE_INFINITY;
    double max = Double.NEGATIVE_INFINITY;
    double sum = 0;
    for (double x : v) {
      min = Math.min(min, x);
      max = Math.max(max, x);
      sum += x;
    }
    return new double[] {min, max, sum / v.length};
  }

  public String toMarkdown() {
    StringBuilder sb = new StringBuilder();
    sb.append("# Data card: toasting-time dataset\n\n");
    sb.append("| | |\n|---|---|\n");
    sb.append("| file | `").append(DatasetCsv.FILE_NAME).append("` |\n");
    sb.append("| SHA-256 | `").append(csvSha256).append("` |\n");
    sb.append("| generator version | ").append(generatorVersion).append(" |\n");
    sb.append("| seed | ").append(seed).append(" |\n");
    sb.append("| rows | ").append(rows).append(" |\n");
    sb.append("| labels at the ")
        .append(fmt(DatasetGenerator.MAX_HEAT_S))
        .append(" s cap (shade not reachable) | ")
        .append(labelsAtMax)
        .append(" |\n\n");
    sb.append("Regenerate: `java -jar target/smart-toaster.jar dataset --rows ")
        .append(rows)
        .append(" --seed ")
        .append(seed)
        .append(" --out DIR` (same seed and version → same bytes).\n\n");
    sb.append(
            "## Label\n\n`heaterOnS`: the simulator oracle's heater-on time (s) that gives the target shade "
                + "(`ShadeOracle.bestHeatSeconds`, resolution 0.01 s, capped at ")
        .append(fmt(DatasetGenerator.MAX_HEAT_S))
        .append(
            " s), computed with the true conditions, "
                + "including the bread's start temperature.\n\n");
    sb.append("## Columns\n\n");
    sb.append("- `id`, `rowSeed`, `split`, `source`: bookkeeping, not features.\n");
    sb.append(
            "- Features, in model order (`ModelFeatures.NAMES`, values exactly `ModelFeatures.encode`): ")
        .append(String.join(", ", ModelFeatures.NAMES))
        .append(".\n");
    sb.append(
        "- `truth_breadStartC`, `truth_breadStorage`, `truth_actualMainsVolts`, `truth_earlierCycles`: "
            + "hidden simulator truth, **not features** (no toaster can measure the bread or the supply); kept to "
            + "replay rows on the simulator in evaluation (a row's toaster state is regenerated from its seed).\n");
    sb.append("- `heaterOnS`: the label.\n\n");
    sb.append(
        "## How rows are drawn\n\nEach row is drawn from its own seed (a mix of the dataset seed and "
            + "the row index), independently of every other row.\n\n");
    for (String line : EnvelopeSampler.DESCRIPTION) {
      sb.append("- ").append(line).append('\n');
    }
    sb.append(
        "\n## Split\n\nBy a hash of each row's own seed (80 / 10 / 10), never by position or label, "
            + "so no row's split depends on any other row.\n\n| split | rows |\n|---|---|\n");
    for (Map.Entry<Split, Integer> e : splitCounts.entrySet()) {
      sb.append("| ").append(e.getKey().id()).append(" | ").append(e.getValue()).append(" |\n");
    }
    sb.append("\n## Segments (rows)\n\n| segment | rows |\n|---|---|\n");
    for (Map.Entry<String, Integer> e : segmentCounts.entrySet()) {
      sb.append("| ").append(e.getKey()).append(" | ").append(e.getValue()).append(" |\n");
    }
    sb.append("\n## Ranges\n\n| column | min | max | mean |\n|---|---|---|---|\n");
    for (Map.Entry<String, double[]> e : ranges.entrySet()) {
      double[] v = e.getValue();
      sb.append("| ")
          .append(e.getKey())
          .append(" | ")
          .append(fmt(v[0]))
          .append(" | ")
          .append(fmt(v[1]))
          .append(" | ")
          .append(fmt(v[2]))
          .append(" |\n");
    }
    sb.append(
        "\n## Known limits\n\n"
            + "- The bread's start temperature is not observable: rows with the same features can have "
            + "different labels (frozen −25…−12 °C; room bread ±4 °C; fridge bread in toast mode). "
            + "No predictor that sees only the features can remove that spread.\n"
            + "- The actual mains is hidden: from the start alone a supply 3 % low looks like a nominal one; the "
            + "heating progress (rises at 10/20/30 s, then at 40/50/60 s as well) is what shows it.\n"
            + "- The ranges of the card are the sampling envelope (`EnvelopeSampler.SAMPLED_RANGES`); chamber "
            + "and rise ranges are what the simulated histories produced.\n"
            + "- Labels come from the simulated appliance; recorded cycles with user ratings "
            + "(`FeedbackToTrainingRows`, source `recorded`) are how real use corrects them.\n");
    return sb.toString();
  }

  private static String fmt(double v) {
    return String.format(Locale.ROOT, "%.3f", v).replaceAll("\\.?0+$", "");
  }
}
