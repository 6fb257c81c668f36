package com.smarttoaster.cli;

import com.smarttoaster.bench.CycleThroughputBench;
import com.smarttoaster.bench.SupervisorReactionBench;
import com.smarttoaster.scenario.Scenario;
import com.smarttoaster.scenario.ScenarioException;
import com.smarttoaster.scenario.ScenarioReader;
import com.smarttoaster.simulation.SimulatedApplianceKind;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code bench}: measures simulation throughput and the supervisor's real-time reaction, or with
 * {@code --model} the model's load time and prediction latency.
 */
@Command(
    name = "bench",
    mixinStandardHelpOptions = true,
    header = "Benchmarks: cycles per second, supervisor reaction, model latency.",
    description = {
      "With --scenario FILE: simulated cycles per second on one core, then the supervisor's reaction"
          + " under CPU load. With --model (no scenario): the model's load time and prediction latency (p50/p99)."
          + " Give one of the two."
    })
public final class BenchCommand implements Callable<Integer> {
  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Option(
      names = "--scenario",
      paramLabel = "FILE",
      description = "Scenario to repeat (not with --model).")
  Path scenario;

  @Option(
      names = "--model",
      description = "Benchmark the model predictor instead: load time and latency.")
  boolean model;

  @Option(
      names = "--model-file",
      paramLabel = "FILE",
      description = "Model to benchmark (default: the installed model/toast-time.tflite).")
  Path modelFile;

  @Option(
      names = "--card",
      paramLabel = "FILE",
      description =
          "Its card (default: toast-time.card.json beside --model-file, else the installed card).")
  Path cardFile;

  @Option(
      names = "--predictions",
      defaultValue = "20000",
      paramLabel = "N",
      description = "Measured predictions per path with --model (default ${DEFAULT-VALUE}).")
  int predictions;

  @Option(
      names = "--appliance",
      defaultValue = "sim",
      paramLabel = "KIND",
      description = "sim (default) or pi-emulated: the appliance the cycles run on.")
  String appliance;

  @Option(
      names = "--cycles",
      defaultValue = "400",
      paramLabel = "N",
      description = "Measured cycles (default ${DEFAULT-VALUE}).")
  int cycles;

  @Option(
      names = "--trials",
      defaultValue = "200",
      paramLabel = "N",
      description = "Supervisor reaction trials (default ${DEFAULT-VALUE}).")
  int trials;

  @Option(
      names = "--load-threads",
      defaultValue = "4",
      paramLabel = "N",
      description = "CPU-burning threads during the reaction trials (default ${DEFAULT-VALUE}).")
  int loadThreads;

  @Override
  public Integer call() throws Exception {
    PrintWriter out = spec.commandLine().getOut();
    if (model == (scenario != null)) {
      spec.commandLine().getErr().println("give either --scenario FILE or --model");
      return Main.EXIT_BAD_INPUT;
    }
    out.printf(
        Locale.ROOT,
        "machine: %d cores, %s %s, Java %s%n",
        Runtime.getRuntime().availableProcessors(),
        System.getProperty("os.name"),
        System.getProperty("os.arch"),
        System.getProperty("java.version"));
    if (model) {
      return ModelBenchOutput.run(
          out, spec.commandLine().getErr(), modelFile, cardFile, predictions);
    }
    Scenario s;
    try {
      s = ScenarioReader.read(scenario);
    } catch (ScenarioException e) {
      spec.commandLine().getErr().println(e.getMessage());
      return Main.EXIT_BAD_INPUT;
    }
    SimulatedApplianceKind kind = SimulatedApplianceKind.fromId(appliance);
    if (kind == null) {
      spec.commandLine().getErr().println(SimulatedApplianceKind.unknown("--appliance", appliance));
      return Main.EXIT_BAD_INPUT;
    }
    CycleThroughputBench.Result t =
        CycleThroughputBench.run(s, Math.max(20, cycles / 10), cycles, kind);
    out.printf(
        Locale.ROOT,
        "simulated cycles (%s): %d in %.2f s on one thread = %.0f cycles/s (%.0fx real time)%n",
        appliance,
        t.cycles(),
        t.wallS(),
        t.cyclesPerSecond(),
        t.simulatedS() / t.wallS());
    if (!Double.isNaN(t.cpuS())) {
      out.printf(
          Locale.ROOT,
          "  in the thread's CPU time: %.2f s = %.0f cycles/s (less disturbed by other load)%n",
          t.cpuS(),
          t.cyclesPerCpuSecond());
    }
    out.flush();
    SupervisorReactionBench.Result r = SupervisorReactionBench.run(trials, loadThreads);
    out.printf(
        Locale.ROOT,
        "supervisor reaction, %d trials, %d load threads, period %.0f ms:%n",
        trials,
        r.loadThreads(),
        r.periodMs());
    out.printf(
        Locale.ROOT,
        "  trip sample -> heater off:       p50 %.3f ms  p99 %.3f ms  max %.3f ms%n",
        pct(r.fromTripSampleMs(), 50),
        pct(r.fromTripSampleMs(), 99),
        pct(r.fromTripSampleMs(), 100));
    out.printf(
        Locale.ROOT,
        "  first hot sample -> heater off:  p50 %.1f ms  p99 %.1f ms  max %.1f ms%n",
        pct(r.fromFirstHotMs(), 50),
        pct(r.fromFirstHotMs(), 99),
        pct(r.fromFirstHotMs(), 100));
    if (r.repeated() > 0) {
      out.printf(
          Locale.ROOT,
          "  %d trials repeated: their heat was cut by another check before the trip"
              + " (the trial's thread starved under the load)%n",
          r.repeated());
    }
    return 0;
  }

  private static double pct(double[] sorted, double p) {
    int i = (int) Math.ceil(p / 100.0 * sorted.length) - 1;
    return sorted[Math.max(0, Math.min(sorted.length - 1, i))];
  }
}
