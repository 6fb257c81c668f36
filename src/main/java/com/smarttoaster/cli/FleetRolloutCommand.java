package com.smarttoaster.cli;

import com.smarttoaster.fleet.rollout.MqttOfferPublisher;
import com.smarttoaster.fleet.rollout.Rollout;
import com.smarttoaster.fleet.rollout.RolloutPolicy;
import com.smarttoaster.fleet.store.FleetDatabase;
import com.smarttoaster.modellife.BundleKeys;
import com.smarttoaster.modellife.BundleVerifier;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code fleet rollout BUNDLE --canary 10%}: offer, watch, widen or roll back. */
@Command(
    name = "rollout",
    mixinStandardHelpOptions = true,
    description = {
      "Offers a signed bundle to a canary share of the fleet (retained, fleet/offer/<device>), compares the",
      "canary's fallback rate, checker disagreements and ratings with the rest's as the collector stores them, and",
      "widens the offer to every device or rolls the canary back; each decision and its figures go into the fleet",
      "database (fleet status shows them)."
    })
final class FleetRolloutCommand extends FleetCommand.Step {
  @Mixin FleetOptions.Db db = new FleetOptions.Db();
  @Mixin FleetOptions.Broker broker = new FleetOptions.Broker();

  @Parameters(index = "0", paramLabel = "BUNDLE", description = "The signed bundle (.toastmodel).")
  Path bundle;

  @Option(
      names = "--canary",
      defaultValue = "10%",
      paramLabel = "SHARE",
      description =
          "Share of the known devices offered the bundle first: 10% or 0.1 (default ${DEFAULT-VALUE}).")
  String canary;

  @Option(
      names = "--fleet-key",
      required = true,
      paramLabel = "BASE64",
      description =
          "The fleet's public key (as in the devices' model.bundlePublicKey): the bundle must verify with it.")
  String fleetKey;

  @Option(
      names = "--min-cycles",
      defaultValue = "40",
      description =
          "Cycles and ratings each side needs before a decision (default ${DEFAULT-VALUE}).")
  int minCycles;

  @Option(
      names = "--check-every",
      defaultValue = "60",
      paramLabel = "S",
      description = "Seconds between two comparisons (default ${DEFAULT-VALUE}).")
  long checkEveryS;

  @Option(
      names = "--give-up-after",
      defaultValue = "604800",
      paramLabel = "S",
      description =
          "Stop watching after this long without a decision; the canary keeps its model (default ${DEFAULT-VALUE}).")
  long giveUpS;

  @Override
  int run(PrintWriter out) throws Exception {
    double share = share(canary);
    if (checkEveryS < 1 || checkEveryS > 86_400) {
      throw new IllegalArgumentException(
          "--check-every " + checkEveryS + " is not within 1..86400 s");
    }
    byte[] bytes;
    try {
      bytes = Files.readAllBytes(bundle);
    } catch (IOException e) {
      throw new IllegalArgumentException(
          "cannot read the bundle " + bundle + ": " + e.getMessage());
    }
    BundleVerifier verifier = new BundleVerifier(BundleKeys.publicKey(fleetKey));
    RolloutPolicy policy =
        new RolloutPolicy(
            minCycles,
            RolloutPolicy.DEFAULT.maxFallbackRise(),
            RolloutPolicy.DEFAULT.maxDisagreementRise(),
            RolloutPolicy.DEFAULT.maxJustRightDrop());
    try (FleetDatabase database = db.open();
        MqttOfferPublisher publisher = new MqttOfferPublisher(broker.login())) {
      Rollout rollout = new Rollout(database, publisher, policy);
      Rollout.State s =
          rollout.start(bytes, bundle.getFileName().toString(), verifier, share, Instant.now());
      out.println(
          s.id()
              + ": offered "
              + s.version()
              + " to "
              + s.canary().size()
              + " canary devices (baseline "
              + s.baseline()
              + ")");
      out.flush();
      long deadline = System.nanoTime() + giveUpS * 1_000_000_000L;
      while (System.nanoTime() < deadline) {
        Thread.sleep(checkEveryS * 1000);
        RolloutPolicy.Verdict v = rollout.evaluate(s.id(), Instant.now());
        out.println(
            v.kind().name().toLowerCase(java.util.Locale.ROOT).replace('_', '-')
                + ": "
                + v.reason());
        out.flush();
        if (v.kind() != RolloutPolicy.Verdict.Kind.WAIT) {
          return 0;
        }
      }
      out.println("no decision within " + giveUpS + " s; the canary keeps " + s.version());
      return 0;
    }
  }

  static double share(String text) {
    String t = text.strip();
    try {
      double v =
          t.endsWith("%")
              ? Double.parseDouble(t.substring(0, t.length() - 1)) / 100
              : Double.parseDouble(t);
      if (v > 0 && v <= 1) {
        return v;
      }
    } catch (NumberFormatException e) {
      // said below
    }
    throw new IllegalArgumentException(
        "--canary '" + text + "' is not a share within 0..100% (e.g. 10% or 0.1)");
  }
}
