package com.smarttoaster.cli;

import com.smarttoaster.fleet.collect.FleetCollector;
import com.smarttoaster.fleet.store.FleetDatabase;
import com.smarttoaster.fleet.store.FleetStoreException;
import com.smarttoaster.modellife.BundleException;
import com.smarttoaster.remote.TransportException;
import java.io.PrintWriter;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import org.eclipse.paho.mqttv5.common.MqttException;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code fleet}: the collector, field training data, staged rollout and status (README, "Fleet";
 * docs/fleet.md).
 */
@Command(
    name = "fleet",
    mixinStandardHelpOptions = true,
    header =
        "A fleet of toasters: events into a database, field training data, staged model rollout.",
    description = {
      "A fleet of toasters: events collected over MQTT into PostgreSQL or SQLite, rated field cycles as training",
      "data, staged model rollout with automatic rollback. See docs/fleet.md.",
      "Exit codes: 0 done, 2 bad arguments, a bad bundle or an unreachable broker or database (one line), 1 internal error."
    },
    subcommands = {
      FleetCommand.Collect.class,
      FleetStatusCommand.class,
      FleetDatasetCommand.class,
      FleetRolloutCommand.class,
      FleetBenchCommand.class
    })
public final class FleetCommand implements Runnable {
  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Override
  public void run() {
    spec.commandLine().usage(spec.commandLine().getErr());
  }

  /** Runs a fleet step, turning a refusal into its one line and exit 2. */
  abstract static class Step implements Callable<Integer> {
    @CommandLine.Spec CommandLine.Model.CommandSpec spec;

    @Override
    public final Integer call() throws Exception {
      PrintWriter err = spec.commandLine().getErr();
      try {
        int rc = run(spec.commandLine().getOut());
        spec.commandLine().getOut().flush();
        return rc;
      } catch (FleetStoreException
          | BundleException
          | IllegalArgumentException
          | TransportException e) {
        err.println("REFUSED: " + e.getMessage());
        err.flush();
        return Main.EXIT_BAD_INPUT;
      } catch (MqttException e) {
        err.println(
            "REFUSED: the broker refused or cannot be reached: "
                + e.getMessage()
                + (e.getReasonCode() == 0 ? "" : " (reason code " + e.getReasonCode() + ")"));
        err.flush();
        return Main.EXIT_BAD_INPUT;
      }
    }

    abstract int run(PrintWriter out) throws Exception;
  }

  @Command(
      name = "collect",
      mixinStandardHelpOptions = true,
      description = {
        "Stores every toaster's events into the fleet database until stopped (SIGTERM, Ctrl-C).",
        "Several collectors with the same --group share the load ($share/GROUP/toaster/+/event); each needs its",
        "own broker user. A message is acknowledged only after its row is committed."
      })
  static final class Collect extends Step {
    @Mixin FleetOptions.Db db = new FleetOptions.Db();
    @Mixin FleetOptions.Broker broker = new FleetOptions.Broker();

    @Option(
        names = "--group",
        defaultValue = "fleet",
        description = "Shared subscription group (default ${DEFAULT-VALUE}).")
    String group;

    @Option(
        names = "--batch",
        defaultValue = "200",
        description = "Most events per transaction (default ${DEFAULT-VALUE}).")
    int batch;

    @Option(
        names = "--session-expiry",
        defaultValue = "86400",
        paramLabel = "S",
        description =
            "How long the broker keeps this collector's queue while it is away, s (default ${DEFAULT-VALUE}).")
    long sessionExpiryS;

    @Override
    int run(PrintWriter out) throws Exception {
      FleetCollector.Settings settings = new FleetCollector.Settings(group, batch, sessionExpiryS);
      try (FleetDatabase database = db.open()) {
        FleetCollector collector = new FleetCollector(broker.login(), settings, database, null);
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime()
            .addShutdownHook(
                new Thread(
                    () -> {
                      try {
                        collector.close();
                      } finally {
                        // Here, not after the await: the JVM halts as soon as the hooks are done.
                        out.println("stopped: " + collector.counts());
                        out.flush();
                        stopped.countDown();
                      }
                    },
                    "fleet-collect-stop"));
        collector.start();
        out.println(
            "collecting "
                + FleetCollector.EVENTS
                + " as "
                + broker.user
                + " (group "
                + group
                + ") into "
                + database);
        out.flush();
        stopped.await();
        return 0;
      }
    }
  }
}
