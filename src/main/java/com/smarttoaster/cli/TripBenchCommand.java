package com.smarttoaster.cli;

import com.smarttoaster.bench.TripLatencyBench;
import com.smarttoaster.predict.Predictors;
import com.smarttoaster.scenario.Scenario;
import com.smarttoaster.scenario.ScenarioException;
import com.smarttoaster.scenario.ScenarioReader;
import com.smarttoaster.simulation.SimulatedApplianceKind;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code bench-trips}: trip latencies (p50/max) and endings over a set of fault scenarios. */
@Command(
    name = "bench-trips",
    mixinStandardHelpOptions = true,
    header = "Trip latencies, endings and what cut the heat over a set of fault scenarios.",
    description =
        "Runs every scenario of a fault set with several seeds and prints, per scenario, how the runs"
            + " ended, what cut the heat and the trip latency (p50/max, ms; defined in docs/contracts.md).")
public final class TripBenchCommand implements Callable<Integer> {
  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Option(
      names = "--scenarios",
      required = true,
      paramLabel = "FILE|DIR",
      description = "The fault scenarios.")
  Path scenarios;

  @Option(
      names = "--seeds",
      defaultValue = "20",
      paramLabel = "N",
      description = "Runs per scenario (default ${DEFAULT-VALUE}).")
  int seeds;

  @Option(
      names = "--appliance",
      defaultValue = "sim",
      paramLabel = "KIND",
      description = "sim (default) or pi-emulated.")
  String appliance;

  @Option(
      names = "--predictor",
      defaultValue = "fallback",
      paramLabel = "NAME",
      description =
          "Predictor (default ${DEFAULT-VALUE}: no model needed, the same time every seed).")
  String predictor;

  @Override
  public Integer call() {
    PrintWriter out = spec.commandLine().getOut();
    PrintWriter err = spec.commandLine().getErr();
    SimulatedApplianceKind kind = SimulatedApplianceKind.fromId(appliance);
    if (kind == null) {
      err.println(SimulatedApplianceKind.unknown("--appliance", appliance));
      return Main.EXIT_BAD_INPUT;
    }
    if (!Predictors.NAMES.contains(predictor)) {
      err.println(
          "--predictor: '" + predictor + "' is not one of " + String.join(", ", Predictors.NAMES));
      return Main.EXIT_BAD_INPUT;
    }
    if (seeds < 1 || seeds > 1000) {
      err.println("--seeds: " + seeds + " is outside 1..1000");
      return Main.EXIT_BAD_INPUT;
    }
    List<Scenario> list = new ArrayList<>();
    try {
      for (Path f : ScenarioReader.scenarioFiles(scenarios)) {
        list.add(ScenarioReader.read(f));
      }
    } catch (ScenarioException e) {
      err.println(e.getMessage());
      return Main.EXIT_BAD_INPUT;
    }
    out.printf(
        Locale.ROOT,
        "appliance %s, predictor %s, %d seeds per scenario%n",
        appliance,
        predictor,
        seeds);
    out.println("| scenario | endings | heat cut by | trip latency p50 / max, ms |");
    out.println("|---|---|---|---|");
    for (TripLatencyBench.Row row : TripLatencyBench.run(list, seeds, kind, predictor)) {
      out.printf(
          Locale.ROOT,
          "| %s | %s | %s | %s |%n",
          PrintableText.of(row.scenario()),
          row.endings().toString().replaceAll("[{}]", ""),
          String.join(", ", row.cutBy()),
          row.latenciesMs().isEmpty()
              ? "-"
              : String.format(Locale.ROOT, "%.0f / %.0f", row.percentile(50), row.percentile(100)));
      out.flush();
    }
    return 0;
  }
}
