package com.smarttoaster.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.smarttoaster.predict.Predictors;
import com.smarttoaster.scenario.Scenario;
import com.smarttoaster.scenario.ScenarioException;
import com.smarttoaster.scenario.ScenarioReader;
import com.smarttoaster.simulation.CycleSimulation;
import com.smarttoaster.simulation.SimulationOptions;
import com.smarttoaster.simulation.SimulationResult;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code simulate}: runs scenarios on the simulated appliance. */
@Command(
    name = "simulate",
    mixinStandardHelpOptions = true,
    description = {
      "Runs one toast cycle per scenario on the simulated appliance, with the real safety supervisor,",
      "controller and predictor guard. Given a directory, runs every *.json in it, sorted by name."
    })
public final class SimulateCommand implements Callable<Integer> {
  private static final ObjectMapper JSON = new ObjectMapper();

  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Option(names = "--scenario", required = true, paramLabel = "FILE|DIR", description = "Scenario file or directory.")
  Path scenario;

  @Option(names = "--predictor", defaultValue = "model", paramLabel = "NAME",
      description = "model (default), fallback, fixed-timer or oracle (evaluation only).")
  String predictor;

  @Option(names = "--json", description = "Print one JSON result per cycle on stdout (JSON Lines); logs go to stderr.")
  boolean json;

  @Option(names = "--realtime", description = "Run at wall-clock pace with a live progress bar on stderr.")
  boolean realtime;

  @Option(names = "--plot", paramLabel = "PNG", description = "Draw temperatures, heater state and browning to a PNG.")
  Path plot;

  @Override
  public Integer call() throws Exception {
    PrintWriter out = spec.commandLine().getOut();
    PrintWriter err = spec.commandLine().getErr();
    if (!Predictors.NAMES.contains(predictor)) {
      err.println("--predictor: '" + predictor + "' is not one of " + String.join(", ", Predictors.NAMES));
      return Main.EXIT_BAD_INPUT;
    }
    List<Scenario> scenarios = new ArrayList<>();
    try {
      for (Path file : ScenarioReader.scenarioFiles(scenario)) {
        scenarios.add(ScenarioReader.read(file));
      }
    } catch (ScenarioException e) {
      err.println(e.getMessage());
      return Main.EXIT_BAD_INPUT;
    }
    if (plot != null && scenarios.size() != 1) {
      err.println("--plot draws one cycle; give a single scenario file, not a directory of " + scenarios.size());
      return Main.EXIT_BAD_INPUT;
    }
    for (Scenario s : scenarios) {
      SimulationOptions options = SimulationOptions.defaults(predictor)
          .withRealtime(realtime ? 1.0 : 0.0)
          .withTrace(plot != null ? 0.25 : 0.0);
      CycleSimulation sim = new CycleSimulation(s, options);
      ProgressBar bar = realtime ? new ProgressBar(err, s.name(), sim::statusLine) : null;
      SimulationResult result = sim.run(bar == null ? null : bar::update);
      if (bar != null) {
        bar.finish();
      }
      if (json) {
        out.println(JSON.writeValueAsString(result));
      } else {
        printSummary(out, result);
      }
      out.flush();
      if (plot != null) {
        CyclePlot.write(sim.trace(), result, plot);
        err.println("Plot written to " + plot);
      }
    }
    return 0;
  }

  private static void printSummary(PrintWriter out, SimulationResult r) {
    out.printf(Locale.ROOT, "%s: %s%s%n", r.scenario(), r.outcome(), r.fault() == null ? "" : " (" + r.fault() + ")");
    out.printf(Locale.ROOT, "  predictor %s%s, predicted %s s, heater on %.1f s, cycle %.1f s%n", r.predictor(),
        r.fallbackReason() == null ? "" : " [fallback: " + r.fallbackReason() + "]",
        r.predictedS() == null ? "-" : String.format(Locale.ROOT, "%.1f", r.predictedS()), r.heaterOnS(), r.cycleS());
    out.printf(Locale.ROOT, "  shade target %d, achieved %.2f; max chamber %.1f °C, max bread surface %.1f °C%n",
        r.targetShade(), r.achievedShade(), r.maxChamberC(), r.maxBreadSurfaceC());
    if (r.tripLatencyMs() != null) {
      out.printf(Locale.ROOT, "  heat stopped %.0f ms after the fault's onset%n", r.tripLatencyMs());
    }
  }
}
