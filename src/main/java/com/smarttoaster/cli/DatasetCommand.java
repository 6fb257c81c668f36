package com.smarttoaster.cli;

import com.smarttoaster.dataset.DataCard;
import com.smarttoaster.dataset.DatasetCsv;
import com.smarttoaster.dataset.DatasetGenerator;
import com.smarttoaster.dataset.DatasetRow;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code dataset}: generates the simulated, oracle-labelled training set and its data card. */
@Command(
    name = "dataset",
    mixinStandardHelpOptions = true,
    header = "Generates the oracle-labelled training dataset and its data card.",
    description = {
      "Samples situations across the training envelope (docs/contracts.md and the README's dataset section),"
          + " labels each with the simulator oracle's heating time for the target shade, and writes DIR/"
          + DatasetCsv.FILE_NAME
          + " and DIR/"
          + DataCard.FILE_NAME
          + ". The same seed always gives the same bytes."
    })
public final class DatasetCommand implements Callable<Integer> {
  /** More rows than this would take hours to label; nobody needs them for a 14-input model. */
  static final int MAX_ROWS = 1_000_000;

  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Option(
      names = "--rows",
      defaultValue = "40000",
      paramLabel = "N",
      description = "Rows to generate (default ${DEFAULT-VALUE}).")
  int rows;

  @Option(
      names = "--seed",
      defaultValue = "1",
      paramLabel = "S",
      description = "Dataset seed (default ${DEFAULT-VALUE}).")
  long seed;

  @Option(
      names = "--out",
      required = true,
      paramLabel = "DIR",
      description = "Output directory (created if missing).")
  Path out;

  @Override
  public Integer call() throws Exception {
    PrintWriter err = spec.commandLine().getErr();
    if (rows < 1 || rows > MAX_ROWS) {
      err.println("--rows: " + rows + " is outside 1.." + MAX_ROWS);
      err.flush();
      return Main.EXIT_BAD_INPUT;
    }
    Optional<String> problem = OutputPath.directoryProblem("--out", out);
    if (problem.isPresent()) {
      err.println(problem.get());
      err.flush();
      return Main.EXIT_BAD_INPUT;
    }
    long t0 = System.nanoTime();
    List<DatasetRow> data = DatasetGenerator.generate(seed, rows);
    Files.createDirectories(out);
    Path csv = out.resolve(DatasetCsv.FILE_NAME);
    String sha = DatasetCsv.write(data, csv);
    DataCard card = DataCard.of(seed, data, sha);
    Path cardFile = out.resolve(DataCard.FILE_NAME);
    Files.writeString(cardFile, card.toMarkdown(), StandardCharsets.UTF_8);
    PrintWriter o = spec.commandLine().getOut();
    o.printf(
        Locale.ROOT,
        "%d rows (seed %d) in %.1f s: %s (sha256 %s), %s%n",
        rows,
        seed,
        (System.nanoTime() - t0) / 1e9,
        csv,
        sha,
        cardFile);
    o.flush();
    return 0;
  }
}
