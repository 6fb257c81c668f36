package com.smarttoaster.cli;

import com.smarttoaster.config.ConfigException;
import com.smarttoaster.config.ConfigLoader;
import com.smarttoaster.config.ToasterConfig;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code check-config FILE}: validates a config file without touching any hardware. Prints {@code
 * OK: <file> (<summary>)} on stdout and exits 0, or prints every problem on stderr and exits 2.
 */
@Command(
    name = "check-config",
    mixinStandardHelpOptions = true,
    header = "Validates a toaster config file (YAML) without touching any hardware.",
    description = {
      "Prints OK and a summary, or every problem found, one per line.",
      "Exit codes: 0 valid, 2 invalid or unreadable file."
    })
public final class CheckConfigCommand implements Callable<Integer> {
  /** The config is valid. */
  public static final int EXIT_VALID = 0;

  /** The config is invalid or cannot be read (docs/contracts.md §1: bad input file). */
  public static final int EXIT_INVALID = 2;

  @Spec private CommandSpec spec;

  @Parameters(
      index = "0",
      paramLabel = "FILE",
      description = "The config file to check, e.g. config/toaster.yaml.")
  private Path file;

  @Override
  public Integer call() {
    try {
      ToasterConfig config = ConfigLoader.load(file);
      spec.commandLine().getOut().println("OK: " + file + " (" + config.summary() + ")");
      spec.commandLine().getOut().flush();
      return EXIT_VALID;
    } catch (ConfigException e) {
      spec.commandLine().getErr().println(e.getMessage());
      spec.commandLine().getErr().flush();
      return EXIT_INVALID;
    }
  }
}
