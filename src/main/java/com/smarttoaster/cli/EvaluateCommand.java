package com.smarttoaster.cli;

import com.smarttoaster.evaluation.Evaluation;
import com.smarttoaster.evaluation.EvaluationPlot;
import com.smarttoaster.evaluation.KitchenSuite;
import com.smarttoaster.evaluation.RandomScenarios;
import com.smarttoaster.evaluation.SuiteSummary;
import com.smarttoaster.predict.Predictors;
import com.smarttoaster.scenario.Scenario;
import com.smarttoaster.scenario.ScenarioException;
import com.smarttoaster.scenario.ScenarioReader;
import com.smarttoaster.simulation.ControllerRestart;
import com.smarttoaster.simulation.SimulationOptions;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code evaluate}: every predictor on a scenario set, a table per segment and a chart. */
@Command(
    name = "evaluate",
    mixinStandardHelpOptions = true,
    header = "Compares predictors on a scenario set: shade error per segment.",
    description = {
      "Runs a scenario set with several predictors on the simulated appliance and prints the mean and p95"
          + " shade error per segment (cold/warm toaster, frozen, low mains, bread type).",
      "Give exactly one of --scenarios, --random or --suite."
    })
public final class EvaluateCommand implements Callable<Integer> {
  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Option(
      names = "--scenarios",
      paramLabel = "FILE|DIR",
      description = "Scenario file or directory; faults are ignored.")
  Path scenarios;

  @Option(
      names = "--random",
      paramLabel = "N",
      description =
          "Instead of files: N scenarios drawn from the realistic envelope (as the training data).")
  Integer random;

  // NAMES with hideParamSyntax: picocli's NAME[,NAME...] breaks across synopsis lines at the comma.
  @Option(
      names = "--suite",
      paramLabel = "NAMES",
      split = ",",
      hideParamSyntax = true,
      description =
          "Instead of files: kitchen suites, comma-separated (realistic, second-batch, mains, 120v,"
              + " frozen-toast, absurd, or all), --count scenarios each, from --seed; prints one table per suite and a"
              + " summary.")
  List<String> suites;

  @Option(
      names = "--count",
      defaultValue = "200",
      paramLabel = "N",
      description = "Scenarios per suite (default ${DEFAULT-VALUE}).")
  int count;

  @Option(
      names = "--seed",
      defaultValue = "7",
      paramLabel = "S",
      description = "Seed for --random and --suite (default ${DEFAULT-VALUE}).")
  long seed;

  @Option(
      names = "--predictors",
      split = ",",
      paramLabel = "NAMES",
      hideParamSyntax = true,
      defaultValue = "model,fallback,fixed-timer,oracle",
      description =
          "Predictors to compare, comma-separated (default: model, fallback, fixed-timer and oracle).")
  List<String> predictors;

  @Option(
      names = "--bread-thermometer",
      defaultValue = "mlx90614",
      paramLabel = "PART",
      description =
          "The appliance's infrared bread thermometer: mlx90614 (default, as config/pi.yaml) or none"
              + " (a toaster without one, as pi.breadThermometer: none).")
  String breadThermometer;

  @Option(
      names = "--restart",
      defaultValue = "none",
      paramLabel = "HOW",
      description =
          "Restart the toaster's software as each scenario's last earlier cycle ends: none"
              + " (default), forgetting (no state directory: the controller knows no earlier"
              + " cycle) or remembering (it takes over the last cycle's heat from its heat"
              + " record, as the Pi service with its state directory).")
  String restart;

  @Option(
      names = "--plot",
      paramLabel = "PNG",
      description =
          "Write predicted-vs-oracle and error-by-segment (mean and p95) charts to a PNG file (the"
              + " name must end in .png).")
  Path plot;

  @Override
  public Integer call() throws Exception {
    PrintWriter out = spec.commandLine().getOut();
    PrintWriter err = spec.commandLine().getErr();
    for (String p : predictors) {
      if (!Predictors.NAMES.contains(p)) {
        err.println(
            "--predictors: '" + p + "' is not one of " + String.join(", ", Predictors.NAMES));
        return Main.EXIT_BAD_INPUT;
      }
    }
    if (!breadThermometer.equals("mlx90614") && !breadThermometer.equals("none")) {
      err.println("--bread-thermometer: '" + breadThermometer + "' is not one of mlx90614, none");
      return Main.EXIT_BAD_INPUT;
    }
    if (ControllerRestart.fromId(restart) == null) {
      err.println("--restart: '" + restart + "' is not one of none, forgetting, remembering");
      return Main.EXIT_BAD_INPUT;
    }
    int sources = (scenarios == null ? 0 : 1) + (random == null ? 0 : 1) + (suites == null ? 0 : 1);
    if (sources != 1) {
      err.println("give one of --scenarios FILE|DIR, --random N or --suite NAME");
      return Main.EXIT_BAD_INPUT;
    }
    if (plot != null) {
      if (suites != null) {
        err.println("--plot: draws one scenario set; give --scenarios or --random, not --suite");
        return Main.EXIT_BAD_INPUT;
      }
      Optional<String> problem = OutputPath.pngProblem("--plot", plot);
      if (problem.isPresent()) {
        err.println(problem.get());
        return Main.EXIT_BAD_INPUT;
      }
    }
    if (suites != null) {
      return runSuites(out, err);
    }
    if (random != null && (random < 1 || random > 100_000)) {
      err.println("--random: " + random + " is outside 1..100000");
      return Main.EXIT_BAD_INPUT;
    }
    List<Scenario> set = new ArrayList<>();
    if (random != null) {
      set.addAll(RandomScenarios.draw(random, seed));
    } else {
      try {
        for (Path f : ScenarioReader.scenarioFiles(scenarios)) {
          // Evaluation is about toasting quality: injected faults and scripted actions would only
          // blur it.
          set.add(Evaluation.withoutFaults(ScenarioReader.read(f)));
        }
      } catch (ScenarioException e) {
        err.println(e.getMessage());
        return Main.EXIT_BAD_INPUT;
      }
    }
    Evaluation evaluation = Evaluation.run(set, predictors, this::options);
    out.print(evaluation.table(predictors));
    out.flush();
    if (plot != null) {
      try {
        EvaluationPlot.write(evaluation, predictors, plot);
      } catch (java.io.IOException e) {
        err.println("--plot: cannot write '" + plot + "': " + e.getMessage());
        return Main.EXIT_BAD_INPUT;
      }
      err.println("Plot written to " + plot);
    }
    return 0;
  }

  /** A predictor's run as the options say (both checked in {@link #call}). */
  private SimulationOptions options(SimulationOptions defaults) {
    return defaults
        .withBreadThermometer(breadThermometer.equals("mlx90614"))
        .withRestart(Objects.requireNonNull(ControllerRestart.fromId(restart)));
  }

  private int runSuites(PrintWriter out, PrintWriter err) {
    List<KitchenSuite> chosen = new ArrayList<>();
    for (String id : suites) {
      if (id.equals("all")) {
        chosen.addAll(List.of(KitchenSuite.values()));
      } else if (KitchenSuite.fromId(id) != null) {
        chosen.add(KitchenSuite.fromId(id));
      } else {
        err.println(
            "--suite: '"
                + id
                + "' is not one of all, "
                + java.util.Arrays.stream(KitchenSuite.values())
                    .map(KitchenSuite::id)
                    .collect(java.util.stream.Collectors.joining(", ")));
        return Main.EXIT_BAD_INPUT;
      }
    }
    if (count < 1 || count > 100_000) {
      err.println("--count: " + count + " is outside 1..100000");
      return Main.EXIT_BAD_INPUT;
    }
    SuiteSummary summary = new SuiteSummary(predictors);
    for (KitchenSuite suite : chosen) {
      Evaluation e = Evaluation.run(suite.draw(count, seed), predictors, this::options);
      out.println("== " + suite.id() + " (" + count + " scenarios, seed " + seed + ")");
      out.print(e.table(predictors));
      out.println();
      out.flush();
      summary.add(suite.id(), e);
    }
    out.print(summary.table());
    out.flush();
    return 0;
  }
}
