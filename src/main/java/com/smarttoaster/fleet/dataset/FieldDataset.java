package com.smarttoaster.fleet.dataset;

import com.smarttoaster.dataset.DatasetCsv;
import com.smarttoaster.dataset.DatasetRow;
import com.smarttoaster.dataset.FeedbackToTrainingRows;
import com.smarttoaster.fleet.store.FieldEvent;
import com.smarttoaster.fleet.store.FleetDatabase;
import com.smarttoaster.fleet.store.FleetStoreException;
import com.smarttoaster.history.CycleRecord;
import com.smarttoaster.history.CycleRecordCsv;
import com.smarttoaster.history.Rating;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * Rated field cycles as training data, from the fleet database:
 *
 * <pre>
 *   DIR/field-cycles.csv    the rated cycles (history's CSV: the trainer's --feedback input)
 *   DIR/field-rows.csv      their training rows (the dataset's CSV, source=recorded)
 *   DIR/field-data-card.md  devices, period, counts, rating mix, exclusions, both files' SHA-256
 * </pre>
 *
 * A cycle rated more than once counts with its last rating. Rows are made by the dataset's own rule
 * ({@link FeedbackToTrainingRows}), so field rows and a household's recorded rows agree.
 */
public final class FieldDataset {
  public static final String CYCLES_FILE = "field-cycles.csv";
  public static final String ROWS_FILE = "field-rows.csv";
  public static final String CARD_FILE = "field-data-card.md";

  /** What was written. */
  public record Summary(
      int ratedEvents, int cycles, int rows, String cyclesSha256, String rowsSha256, String card) {}

  private FieldDataset() {}

  public static Summary export(FleetDatabase db, Path dir) throws FleetStoreException, IOException {
    List<FieldEvent> rated = db.events("rated");
    Map<String, FieldEvent> lastRating = new LinkedHashMap<>();
    for (FieldEvent e : rated) {
      lastRating.merge(
          e.deviceId() + "/" + cycleIdOf(e), e, (a, b) -> b.at().compareTo(a.at()) >= 0 ? b : a);
    }
    List<CycleRecord> records = new ArrayList<>();
    Map<String, Integer> excluded = new TreeMap<>();
    for (FieldEvent e : lastRating.values()) {
      StringBuilder why = new StringBuilder();
      FieldCycles.record(e, why)
          .ifPresentOrElse(records::add, () -> excluded.merge(why.toString(), 1, Integer::sum));
    }
    records.sort((a, b) -> a.startTime().compareTo(b.startTime()));
    List<DatasetRow> rows = new ArrayList<>();
    for (CycleRecord r : records) {
      String reason = FeedbackToTrainingRows.exclusionReason(r);
      if (reason == null) {
        FeedbackToTrainingRows.row(r).ifPresent(rows::add);
      } else {
        excluded.merge(reason.replaceAll("[0-9.]+ s", "N s"), 1, Integer::sum);
      }
    }
    Files.createDirectories(dir);
    byte[] cyclesCsv = CycleRecordCsv.format(records).getBytes(StandardCharsets.UTF_8);
    Files.write(dir.resolve(CYCLES_FILE), cyclesCsv);
    String rowsSha = DatasetCsv.write(rows, dir.resolve(ROWS_FILE));
    String cyclesSha = DatasetCsv.sha256Hex(cyclesCsv);
    String card = card(rated.size(), records, rows, excluded, cyclesSha, rowsSha);
    Files.writeString(dir.resolve(CARD_FILE), card);
    return new Summary(rated.size(), records.size(), rows.size(), cyclesSha, rowsSha, card);
  }

  private static String cycleIdOf(FieldEvent e) {
    return e.cycleId() == null ? e.runId() + "-" + e.seq() : e.cycleId();
  }

  static String card(
      int ratedEvents,
      List<CycleRecord> records,
      List<DatasetRow> rows,
      Map<String, Integer> excluded,
      String cyclesSha,
      String rowsSha) {
    TreeSet<String> devices = new TreeSet<>();
    Map<String, Integer> ratings = new TreeMap<>();
    Map<String, Integer> versions = new TreeMap<>();
    for (CycleRecord r : records) {
      devices.add(r.deviceId());
      Rating rating = r.rating(); // every field record has one (FieldCycles)
      ratings.merge(rating == null ? "(none)" : rating.id(), 1, Integer::sum);
      versions.merge(
          r.modelVersion() == null ? "(not reported)" : r.modelVersion(), 1, Integer::sum);
    }
    StringBuilder sb = new StringBuilder();
    sb.append("# Field data card\n\n");
    sb.append(
        "Rated cycles from the fleet database (`fleet dataset`), labelled by the dataset's feedback rule\n");
    sb.append("(FeedbackToTrainingRows: the heater time, ±")
        .append(FeedbackToTrainingRows.DELTA * 100)
        .append(" % for too light / too dark).\n\n");
    sb.append("| | |\n|---|---|\n");
    sb.append("| devices | ").append(devices.size()).append(" |\n");
    sb.append("| period | ")
        .append(
            records.isEmpty()
                ? "none"
                : records.get(0).startTime() + " … " + records.get(records.size() - 1).startTime())
        .append(" |\n");
    sb.append("| rated events | ").append(ratedEvents).append(" |\n");
    sb.append("| rated cycles | ").append(records.size()).append(" |\n");
    sb.append("| training rows | ").append(rows.size()).append(" |\n");
    sb.append("| rating mix | ").append(ratings).append(" |\n");
    sb.append("| model versions | ").append(versions).append(" |\n");
    sb.append("| `").append(CYCLES_FILE).append("` SHA-256 | `").append(cyclesSha).append("` |\n");
    sb.append("| `").append(ROWS_FILE).append("` SHA-256 | `").append(rowsSha).append("` |\n\n");
    sb.append("Excluded (reason: count):\n\n");
    if (excluded.isEmpty()) {
      sb.append("- none\n");
    }
    excluded.forEach((why, n) -> sb.append("- ").append(why).append(": ").append(n).append('\n'));
    sb.append(
            "\nTrain on them with the simulated rows: `mvn -Ptrain exec:java@train -Dexec.args=\"--feedback ")
        .append(CYCLES_FILE)
        .append("\"`; the model card's notes then name both sources.\n");
    return sb.toString();
  }
}
