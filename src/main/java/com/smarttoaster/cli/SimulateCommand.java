package com.smarttoaster.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.smarttoaster.history.CycleOutcome;
import com.smarttoaster.predict.Predictors;
import com.smarttoaster.remote.ApplianceRemote;
import com.smarttoaster.remote.MqttRemote;
import com.smarttoaster.remote.RemoteFactory;
import com.smarttoaster.scenario.Scenario;
import com.smarttoaster.scenario.ScenarioException;
import com.smarttoaster.scenario.ScenarioReader;
import com.smarttoaster.simulation.CycleSimulation;
import com.smarttoaster.simulation.SimulatedApplianceKind;
import com.smarttoaster.simulation.SimulationOptions;
import com.smarttoaster.simulation.SimulationResult;
import java.io.PrintWriter;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.regex.Pattern;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code simulate}: runs scenarios on the simulated appliance. */
@Command(
    name = "simulate",
    mixinStandardHelpOptions = true,
    header = "Runs one toast cycle per scenario on the simulated appliance.",
    description = {
      "Runs one toast cycle per scenario with the real safety supervisor, controller and predictor guard."
          + " Given a directory, runs every *.json in it, sorted by name.",
      "Scenario format, fault kinds and their parameters, result object: docs/contracts.md."
          + " Exit 0 when every cycle ran (a cycle that ended in a detected fault included), 2 for a bad"
          + " argument, scenario or output path (checked before anything runs)."
    })
public final class SimulateCommand implements Callable<Integer> {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final Pattern DEVICE_ID = Pattern.compile("[a-z0-9-]{1,32}");

  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Option(
      names = "--scenario",
      required = true,
      paramLabel = "FILE|DIR",
      description = "Scenario file (JSON) or a directory of them.")
  Path scenario;

  @Option(
      names = "--predictor",
      defaultValue = "model",
      paramLabel = "NAME",
      description = "model (default), fallback, fixed-timer or oracle (evaluation only).")
  String predictor;

  @Option(
      names = "--appliance",
      defaultValue = "sim",
      paramLabel = "KIND",
      description =
          "sim (default): the simulated appliance; pi-emulated: the real Raspberry Pi hardware layer on"
              + " emulated chips (MAX31855, GPIO, current sense, buttons, encoder, dead-man) over the same physics.")
  String appliance;

  @Option(
      names = "--json",
      description = "Print one JSON result per cycle on stdout (JSON Lines); logs go to stderr.")
  boolean json;

  @Option(
      names = "--realtime",
      description = "Run at wall-clock pace with a live progress bar on stderr.")
  boolean realtime;

  @Option(
      names = "--plot",
      paramLabel = "PNG",
      description =
          "Draw the cycle to a PNG file (the name must end in .png): temperatures, heater state,"
              + " target and achieved shade, the cut-off and what happened when.")
  Path plot;

  @Option(
      names = "--mqtt-url",
      paramLabel = "URL",
      description =
          "Also publish the cycle to this MQTT broker, as a real toaster would: state, events and Home"
              + " Assistant discovery. Add --realtime to watch it live.%n"
              + "URL: tcp://HOST:PORT or ssl://HOST:PORT")
  URI mqttUrl;

  @Option(
      names = "--device-id",
      defaultValue = "simulated",
      paramLabel = "ID",
      description =
          "The toaster id in MQTT topics (toaster/ID/...), 1-32 of a-z, 0-9, -. Default: simulated.")
  String deviceId;

  /** How long to wait for the broker at the start, and for the last events at the end. */
  static final Duration MQTT_WAIT = Duration.ofSeconds(10);

  @Override
  public Integer call() throws Exception {
    PrintWriter out = spec.commandLine().getOut();
    PrintWriter err = spec.commandLine().getErr();
    if (!Predictors.NAMES.contains(predictor)) {
      err.println(
          "--predictor: '" + predictor + "' is not one of " + String.join(", ", Predictors.NAMES));
      return Main.EXIT_BAD_INPUT;
    }
    SimulatedApplianceKind kind = SimulatedApplianceKind.fromId(appliance);
    if (kind == null) {
      err.println(SimulatedApplianceKind.unknown("--appliance", appliance));
      return Main.EXIT_BAD_INPUT;
    }
    if (plot != null) {
      Optional<String> problem = OutputPath.pngProblem("--plot", plot);
      if (problem.isPresent()) {
        err.println(problem.get());
        return Main.EXIT_BAD_INPUT;
      }
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
      err.println(
          "--plot draws one cycle; give a single scenario file, not a directory of "
              + scenarios.size());
      return Main.EXIT_BAD_INPUT;
    }
    if (mqttUrl == null) {
      return runAll(scenarios, kind, ApplianceRemote.NONE, out, err);
    }
    if (!DEVICE_ID.matcher(deviceId).matches()) {
      err.println("--device-id: '" + deviceId + "' is not 1 to 32 characters from a-z, 0-9 and -");
      return Main.EXIT_BAD_INPUT;
    }
    if (!("tcp".equals(mqttUrl.getScheme()) || "ssl".equals(mqttUrl.getScheme()))
        || mqttUrl.getHost() == null) {
      err.println("--mqtt-url: '" + mqttUrl + "' is not tcp://HOST:PORT or ssl://HOST:PORT");
      return Main.EXIT_BAD_INPUT;
    }
    try (MqttRemote remote = RemoteFactory.forSimulation(mqttUrl, deviceId)) {
      if (!remote.awaitConnected(MQTT_WAIT)) {
        err.println(
            "--mqtt-url: could not connect to "
                + mqttUrl
                + " within "
                + MQTT_WAIT.toSeconds()
                + " s; is the broker running and reachable?");
        return Main.EXIT_BAD_INPUT;
      }
      int exit = runAll(scenarios, kind, remote, out, err);
      if (!remote.drain(MQTT_WAIT)) {
        err.println(
            "warning: not every event reached "
                + mqttUrl
                + " within "
                + MQTT_WAIT.toSeconds()
                + " s");
      }
      return exit;
    }
  }

  private int runAll(
      List<Scenario> scenarios,
      SimulatedApplianceKind kind,
      ApplianceRemote remote,
      PrintWriter out,
      PrintWriter err)
      throws Exception {
    for (Scenario s : scenarios) {
      SimulationOptions options =
          SimulationOptions.defaults(predictor)
              .withRealtime(realtime ? 1.0 : 0.0)
              .withTrace(plot != null ? 0.25 : 0.0)
              .withAppliance(kind);
      CycleSimulation sim = new CycleSimulation(s, options, remote);
      ProgressBar bar =
          realtime
              ? new ProgressBar(
                  new StatusLine(err, ConsoleKind.ofStderr()),
                  PrintableText.of(s.name()),
                  sim::status)
              : null;
      SimulationResult result;
      try {
        result = sim.run(bar == null ? null : bar::update);
      } finally {
        if (bar != null) {
          bar.finish(); // ends the status line and gives System.err back, however the run ended
        }
      }
      if (json) {
        out.println(JSON.writeValueAsString(result));
      } else {
        printSummary(out, s, result);
      }
      out.flush();
      if (plot != null) {
        try {
          CyclePlot.write(sim.trace(), result, plot);
        } catch (java.io.IOException e) {
          err.println("--plot: cannot write '" + plot + "': " + e.getMessage());
          return Main.EXIT_BAD_INPUT;
        }
        err.println("Plot written to " + plot);
      }
    }
    return 0;
  }

  private static void printSummary(PrintWriter out, Scenario s, SimulationResult r) {
    out.printf(
        Locale.ROOT,
        "%s: %s%s%n",
        PrintableText.of(r.scenario()),
        r.outcome().id(),
        r.fault() == null ? "" : " (" + r.fault() + ")");
    out.println("  " + OutcomeText.describe(s, r));
    out.printf(
        Locale.ROOT,
        "  predictor %s%s, predicted %s s, heater on %.1f s, cycle %.1f s%n",
        r.predictor(),
        r.fallbackReason() == null ? "" : " [fallback: " + r.fallbackReason() + "]",
        r.predictedS() == null ? "-" : String.format(Locale.ROOT, "%.1f", r.predictedS()),
        r.heaterOnS(),
        r.cycleS());
    out.printf(
        Locale.ROOT,
        "  %s; max chamber %.1f °C, max bread surface %.1f °C%n",
        s.mode() == com.smarttoaster.toast.ToastMode.REHEAT
            ? String.format(
                Locale.ROOT, "reheat (no shade target), shade now %.2f", r.achievedShade())
            : String.format(
                Locale.ROOT, "shade target %d, achieved %.2f", r.targetShade(), r.achievedShade()),
        r.maxChamberC(),
        r.maxBreadSurfaceC());
    if (r.tripLatencyMs() != null) {
      boolean tripped = r.outcome() == CycleOutcome.FAULT;
      out.printf(
          Locale.ROOT,
          "  heat stopped %.0f ms after the fault's onset%s%s%n",
          r.tripLatencyMs(),
          r.heatCutBy() == null ? "" : " (cut by the " + r.heatCutBy() + ")",
          tripped ? "" : ", at the cycle's end: no safety fault latched");
    }
    for (SimulationResult.Event e : r.events()) {
      if (e.event().contains("had no effect") || e.event().contains("was never injected")) {
        out.printf(Locale.ROOT, "  note: %s%n", e.event());
      }
    }
  }
}
