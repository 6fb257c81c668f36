package com.smarttoaster.cli;

import com.smarttoaster.service.JournalStderr;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** Entry point of the runnable jar. */
@Command(
    name = "smart-toaster",
    mixinStandardHelpOptions = true,
    versionProvider = VersionProvider.class,
    description = {
      "Smart toaster controller: an ML toasting time behind a non-ML safety supervisor.",
      "Exit codes: 0 the command did its job (a cycle that ended in a detected fault is still 0 for simulate),"
          + " 2 bad arguments or a bad input file, 1 internal error. Contracts: docs/contracts.md."
    },
    subcommands = {
      CommandLine.HelpCommand.class,
      SimulateCommand.class,
      RunCommand.class,
      CheckConfigCommand.class,
      BenchCommand.class,
      EvaluateCommand.class,
      DatasetCommand.class,
      HistoryCommand.class,
      MqttBenchCommand.class,
      SafeOffCommand.class,
      TripBenchCommand.class,
      ModelCommand.class,
      TasteCommand.class,
      MonitorCommand.class,
      WebPasswordCommand.class,
      FleetCommand.class
    })
public final class Main implements Callable<Integer> {
  /** Exit code for bad arguments or a bad input file. */
  public static final int EXIT_BAD_INPUT = 2;

  /** Exit code for an internal error. */
  public static final int EXIT_INTERNAL = 1;

  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  public static void main(String[] args) {
    JournalStderr.installIfJournal(System.getenv());
    quietUnlessRunning(args);
    System.exit(commandLine().execute(args));
  }

  /**
   * Batch commands print results; their per-cycle state logs would drown them. Only {@code run}
   * logs at info by default (its level comes from the config). A -D setting always wins.
   */
  private static void quietUnlessRunning(String[] args) {
    String key = "org.slf4j.simpleLogger.defaultLogLevel";
    boolean running = args.length > 0 && args[0].equals("run");
    if (System.getProperty(key) == null && !running) {
      System.setProperty(key, "warn");
    }
    if (args.length > 0 && args[0].equals("bench")) {
      // The reaction benchmark trips the supervisor on purpose, hundreds of times.
      System.setProperty("org.slf4j.simpleLogger.log.com.smarttoaster.safety", "off");
    }
  }

  /** The configured command line, also used by tests. */
  public static CommandLine commandLine() {
    CommandLine cl = new CommandLine(new Main());
    cl.setParameterExceptionHandler(new OneLineParameterError());
    cl.setExecutionExceptionHandler(
        (ex, cmd, parseResult) -> {
          cmd.getErr().println("Internal error: " + ex);
          ex.printStackTrace(cmd.getErr());
          return EXIT_INTERNAL;
        });
    return cl;
  }

  /** No command given: what the commands are, on stderr, and exit 2 (the README promises it). */
  @Override
  public Integer call() {
    spec.commandLine().usage(spec.commandLine().getErr());
    return EXIT_BAD_INPUT;
  }
}
