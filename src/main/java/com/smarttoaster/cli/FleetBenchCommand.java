package com.smarttoaster.cli;

import java.io.PrintWriter;
import picocli.CommandLine.Command;

/** Placeholder replaced below. */
@Command(name = "bench", mixinStandardHelpOptions = true, description = "Collector benchmark.")
final class FleetBenchCommand extends FleetCommand.Step {
  @Override
  int run(PrintWriter out) {
    out.println("not yet");
    return 1;
  }
}
