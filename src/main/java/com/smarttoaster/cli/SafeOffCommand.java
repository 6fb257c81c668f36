package com.smarttoaster.cli;

import com.smarttoaster.config.ApplianceKind;
import com.smarttoaster.config.ConfigException;
import com.smarttoaster.config.ConfigLoader;
import com.smarttoaster.config.ToasterConfig;
import com.smarttoaster.hal.pi.HardwareUnavailableException;
import com.smarttoaster.hal.pi.PiAppliance;
import com.smarttoaster.hal.pi.PiConfig;
import com.smarttoaster.hal.pi.PiSafeOff;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Objects;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code safe-off}: drives the heater and latch pins LOW and exits. The service unit runs it as
 * ExecStopPost, so the pins are LOW after every stop, including a crash or a watchdog kill.
 */
@Command(
    name = "safe-off",
    mixinStandardHelpOptions = true,
    header = "Drives the heater and latch pins low and exits (systemd's ExecStopPost).",
    description = {
      "Drives the heater relay and carriage latch outputs named by the config (pi.heaterPin, pi.latchPin)"
          + " LOW and exits, without starting the appliance. For systemd's ExecStopPost: after a crash or a"
          + " watchdog kill the GPIO lines keep their last level. With appliance.kind: simulated it does nothing.",
      "Exit 0 done, 2 bad config or the pins could not be opened."
    })
public final class SafeOffCommand implements Callable<Integer> {
  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Option(
      names = "--config",
      required = true,
      paramLabel = "FILE",
      description = "Config file (YAML).")
  Path config;

  @Override
  public Integer call() {
    PrintWriter err = spec.commandLine().getErr();
    ToasterConfig cfg;
    try {
      cfg = ConfigLoader.load(config);
    } catch (ConfigException e) {
      err.println(
          "safe-off: the heater pin is unknown because the config is invalid; nothing was driven (the SSR's"
              + " drive stays off through the hardware dead-man, which needs the supervisor's toggling). "
              + e.getMessage());
      return Main.EXIT_BAD_INPUT;
    }
    if (cfg.appliance().kind() != ApplianceKind.PI) {
      err.println(
          "safe-off: appliance.kind is "
              + cfg.appliance().kind().id()
              + " in "
              + config
              + "; no pins to drive.");
      return 0;
    }
    PiConfig pi = Objects.requireNonNull(cfg.pi(), "the config requires a pi section for kind pi");
    try {
      PiSafeOff.driveLow(pi, PiAppliance.hardwareContext());
    } catch (HardwareUnavailableException e) {
      err.println("safe-off: could not drive the pins LOW: " + e.getMessage());
      return Main.EXIT_BAD_INPUT;
    }
    err.println(
        "safe-off: heater (BCM "
            + pi.mains().heaterPin()
            + ") and carriage latch (BCM "
            + pi.mains().latchPin()
            + ") driven LOW.");
    return 0;
  }
}
