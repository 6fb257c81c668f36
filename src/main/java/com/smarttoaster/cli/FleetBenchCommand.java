package com.smarttoaster.cli;

import com.smarttoaster.bench.CollectorBench;
import com.smarttoaster.fleet.FleetLogin;
import com.smarttoaster.fleet.store.FleetDatabase;
import java.io.PrintWriter;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code fleet bench}: the collector's events/s into the database and its publish-to-row latency.
 */
@Command(
    name = "bench",
    mixinStandardHelpOptions = true,
    description = {
      "The collector on its real path (shared subscription, ack after commit, batched transactions):",
      "PUBLISHERS MQTT clients send EVENTS toaster events at QoS 1 as fast as the broker takes them; prints events",
      "per second stored and the publish-to-commit latency p50/p99. Use a throwaway database."
    })
final class FleetBenchCommand extends FleetCommand.Step {
  @Mixin FleetOptions.Db db = new FleetOptions.Db();
  @Mixin FleetOptions.Broker broker = new FleetOptions.Broker();

  @Option(
      names = "--publisher-user",
      paramLabel = "USER",
      description =
          "Broker user of the publishers (default: the --user; on the shipped ACL a toaster's user only"
              + " writes its own topics, so use a broker where this user may write toaster/+/event).")
  String publisherUser;

  @Option(
      names = "--publishers",
      defaultValue = "8",
      description = "Publishing clients (default ${DEFAULT-VALUE}).")
  int publishers;

  @Option(
      names = "--events",
      defaultValue = "50000",
      description = "Events in all (default ${DEFAULT-VALUE}).")
  int events;

  @Option(
      names = "--rate",
      defaultValue = "0",
      paramLabel = "EVENTS/S",
      description =
          "Pace the publishers to this many events per second in all; 0 floods (default ${DEFAULT-VALUE}).")
  double rate;

  @Option(
      names = "--batch",
      defaultValue = "200",
      description = "Most events per transaction (default ${DEFAULT-VALUE}).")
  int batch;

  @Override
  int run(PrintWriter out) throws Exception {
    if (publishers < 1 || publishers > 1000) {
      throw new IllegalArgumentException("--publishers " + publishers + " is not within 1..1000");
    }
    if (events < 100 || events > 10_000_000) {
      throw new IllegalArgumentException("--events " + events + " is not within 100..10000000");
    }
    if (!(rate >= 0 && rate <= 1_000_000)) {
      throw new IllegalArgumentException("--rate " + rate + " is not within 0..1000000 events/s");
    }
    FleetLogin collector = broker.login();
    FleetLogin publisher =
        publisherUser == null
            ? collector
            : new FleetLogin(
                collector.brokerUrl(), publisherUser, collector.password(), collector.caFile());
    try (FleetDatabase database = db.open()) {
      out.println(
          CollectorBench.run(collector, publisher, database, publishers, events, batch, rate)
              .text());
      out.println(Runtime.getRuntime().availableProcessors() + " cores; database " + database);
      return 0;
    }
  }
}
