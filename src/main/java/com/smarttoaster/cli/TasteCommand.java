package com.smarttoaster.cli;

import com.smarttoaster.config.ConfigException;
import com.smarttoaster.config.ConfigLoader;
import com.smarttoaster.service.StateDirectory;
import com.smarttoaster.taste.TasteEntry;
import com.smarttoaster.taste.TasteFile;
import com.smarttoaster.taste.TasteFileException;
import com.smarttoaster.toast.BreadType;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code taste}: the household's taste learned from ratings (README, "Ratings and taste"), as kept
 * in the state directory's taste.json: shown, or forgotten. A running service reads the file again
 * before its next cycle, so a reset takes effect without a restart.
 */
@Command(
    name = "taste",
    mixinStandardHelpOptions = true,
    description = {
      "The shade offset per bread type learned from ratings (at most one shade either way), kept in the state"
          + " directory's "
          + TasteFile.FILE_NAME
          + ".",
      "Exit codes: 0 done, 2 no state directory or an unreadable taste file (one line says which), 1 internal error."
    },
    subcommands = {TasteCommand.Show.class, TasteCommand.Reset.class})
public final class TasteCommand implements Runnable {
  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Override
  public void run() {
    spec.commandLine().usage(spec.commandLine().getErr());
  }

  /**
   * Where the taste file is: --state-dir, else the config's appliance.stateDir, else
   * $STATE_DIRECTORY.
   */
  static final class Where {
    @Option(
        names = "--config",
        paramLabel = "FILE",
        description = "The device's config (its appliance.stateDir).")
    Path config;

    @Option(
        names = "--state-dir",
        paramLabel = "DIR",
        description =
            "The service's state directory (default: appliance.stateDir, else $STATE_DIRECTORY).")
    Path stateDir;

    TasteFile file() {
      if (stateDir != null) {
        return TasteFile.in(stateDir);
      }
      String configured = null;
      if (config != null) {
        try {
          configured = ConfigLoader.load(config).appliance().stateDir();
        } catch (ConfigException e) {
          throw new TasteFileException(e.getMessage().replace('\n', ' '));
        }
      }
      Optional<StateDirectory> chosen = StateDirectory.choose(configured, System.getenv());
      return TasteFile.in(
          chosen
              .map(StateDirectory::path)
              .orElseThrow(
                  () ->
                      new TasteFileException(
                          "no state"
                              + " directory: set appliance.stateDir in the config given with --config, or give --state-dir DIR")));
    }
  }

  /** Runs a step; a refusal is one line and exit 2. */
  abstract static class Step implements Callable<Integer> {
    @CommandLine.Spec CommandLine.Model.CommandSpec spec;
    @Mixin Where where;

    @Override
    public final Integer call() {
      try {
        run(where.file(), spec.commandLine().getOut());
        spec.commandLine().getOut().flush();
        return 0;
      } catch (TasteFileException e) {
        PrintWriter err = spec.commandLine().getErr();
        err.println(e.getMessage());
        err.flush();
        return Main.EXIT_BAD_INPUT;
      }
    }

    abstract void run(TasteFile file, PrintWriter out);
  }

  @Command(
      name = "show",
      mixinStandardHelpOptions = true,
      description =
          "Prints each bread type's learned offset and the ratings counted toward its next step.")
  static final class Show extends Step {
    @Override
    void run(TasteFile file, PrintWriter out) {
      Map<BreadType, TasteEntry> taste = file.read();
      out.println(
          "Taste in "
              + file.path()
              + " ("
              + TasteEntry.VOTES_PER_STEP
              + " more 'too light' than 'too dark'"
              + " ratings move a bread one shade darker, and the other way; at most "
              + TasteEntry.MAX_OFFSET
              + " shade either way):");
      for (BreadType b : BreadType.values()) {
        out.printf("  %-10s %s%n", b.id(), taste.getOrDefault(b, TasteEntry.NEUTRAL).describe());
      }
    }
  }

  @Command(
      name = "reset",
      mixinStandardHelpOptions = true,
      description = "Forgets every learned offset (also over MQTT: cmd/taste-reset).")
  static final class Reset extends Step {
    @Override
    void run(TasteFile file, PrintWriter out) {
      try {
        file.write(Map.of());
      } catch (IOException e) {
        throw new TasteFileException(file.path() + " cannot be written: " + e.getMessage());
      }
      out.println(
          "Taste reset: "
              + file.path()
              + " holds no offsets; the next toast of every bread is predicted"
              + " for the shade on the knob");
    }
  }
}
