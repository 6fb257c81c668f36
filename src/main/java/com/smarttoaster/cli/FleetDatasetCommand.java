package com.smarttoaster.cli;

import com.smarttoaster.fleet.dataset.FieldDataset;
import com.smarttoaster.fleet.store.FleetDatabase;
import java.io.PrintWriter;
import java.nio.file.Path;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code fleet dataset --out DIR}: rated field cycles as training rows, with a data card. */
@Command(
    name = "dataset",
    mixinStandardHelpOptions = true,
    description = {
      "Rated field cycles from the fleet database as training data: DIR/field-cycles.csv (the trainer's",
      "--feedback input), DIR/field-rows.csv (training rows, source=recorded) and DIR/field-data-card.md."
    })
final class FleetDatasetCommand extends FleetCommand.Step {
  @Mixin FleetOptions.Db db = new FleetOptions.Db();

  @Option(
      names = "--out",
      required = true,
      paramLabel = "DIR",
      description = "Where to write the files.")
  Path out;

  @Override
  int run(PrintWriter w) throws Exception {
    try (FleetDatabase database = db.open()) {
      FieldDataset.Summary s = FieldDataset.export(database, out);
      w.println(
          s.cycles()
              + " rated cycles ("
              + s.ratedEvents()
              + " rated events) → "
              + s.rows()
              + " training rows in "
              + out.resolve(FieldDataset.ROWS_FILE)
              + "; card "
              + out.resolve(FieldDataset.CARD_FILE));
      return 0;
    }
  }
}
