package com.smarttoaster.cli;

import com.smarttoaster.history.CycleRecord;
import com.smarttoaster.history.CycleRecordCsv;
import com.smarttoaster.history.HistoryDatabase;
import com.smarttoaster.history.HistoryException;
import com.smarttoaster.history.TrainingFeedback;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code history}: the appliance's recorded cycles. */
@Command(
    name = "history",
    mixinStandardHelpOptions = true,
    header = "The recorded cycles in a history database.",
    description =
        "The recorded cycles in a history database (history.databaseFile in the config). Subcommand: export.",
    subcommands = {HistoryCommand.Export.class})
public final class HistoryCommand implements Callable<Integer> {
  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  /** No subcommand: the usage on stderr and exit 2, as for the root command. */
  @Override
  public Integer call() {
    spec.commandLine().usage(spec.commandLine().getErr());
    return Main.EXIT_BAD_INPUT;
  }

  /** {@code history export}: the records as CSV, with the users' ratings. */
  @Command(
      name = "export",
      mixinStandardHelpOptions = true,
      header = "Writes the recorded cycles, with their ratings, as CSV.",
      description =
          "Writes the recorded cycles, with their ratings, as CSV (the cycle record columns). Safe while"
              + " the appliance runs: the database is only read.")
  public static final class Export implements Callable<Integer> {
    @CommandLine.Spec CommandLine.Model.CommandSpec spec;

    @Option(
        names = "--db",
        required = true,
        paramLabel = "FILE",
        description = "History database file.")
    Path db;

    @Option(
        names = "--out",
        required = true,
        paramLabel = "CSV",
        description = "CSV file to write.")
    Path out;

    @Option(
        names = "--rated-only",
        description = "Only cycles the user rated (the ones that become training rows).")
    boolean ratedOnly;

    @Override
    public Integer call() {
      PrintWriter err = spec.commandLine().getErr();
      List<CycleRecord> records;
      try (HistoryDatabase database = HistoryDatabase.openExisting(db)) {
        records =
            ratedOnly ? TrainingFeedback.ratedCycles(database.cycles()) : database.cycles().all();
      } catch (HistoryException e) {
        err.println(e.getMessage());
        return Main.EXIT_BAD_INPUT;
      }
      try {
        CycleRecordCsv.write(records, out);
      } catch (IOException e) {
        err.println("cannot write " + out + ": " + e.getMessage());
        return Main.EXIT_BAD_INPUT;
      }
      long rated = records.stream().filter(r -> r.rating() != null).count();
      err.println("Wrote " + records.size() + " cycles (" + rated + " rated) to " + out);
      return 0;
    }
  }
}
