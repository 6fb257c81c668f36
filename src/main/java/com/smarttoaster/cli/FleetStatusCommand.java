package com.smarttoaster.cli;

import com.smarttoaster.fleet.rollout.FleetStatus;
import com.smarttoaster.fleet.store.FleetDatabase;
import java.io.PrintWriter;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

/** {@code fleet status}: which model version runs where, and the rollouts with their decisions. */
@Command(
    name = "status",
    mixinStandardHelpOptions = true,
    description =
        "Which model version each device runs (its latest cycle or model report), and every rollout's decisions.")
final class FleetStatusCommand extends FleetCommand.Step {
  @Mixin FleetOptions.Db db = new FleetOptions.Db();

  @Override
  int run(PrintWriter out) throws Exception {
    try (FleetDatabase database = db.open()) {
      out.print(FleetStatus.of(database).text());
      return 0;
    }
  }
}
