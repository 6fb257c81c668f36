package com.smarttoaster.cli;

import java.io.PrintWriter;
import picocli.CommandLine;

/**
 * A bad argument gets one line naming it and where the options are listed, and exit 2: picocli's
 * default prints the whole usage after the message, which pushes the message off a small screen.
 */
final class OneLineParameterError implements CommandLine.IParameterExceptionHandler {
  @Override
  public int handleParseException(CommandLine.ParameterException ex, String[] args) {
    CommandLine cmd = ex.getCommandLine();
    PrintWriter err = cmd.getErr();
    StringBuilder line = new StringBuilder(ex.getMessage());
    if (ex instanceof CommandLine.UnmatchedArgumentException unmatched
        && !unmatched.getSuggestions().isEmpty()) {
      line.append("; did you mean ")
          .append(String.join(" or ", unmatched.getSuggestions()))
          .append('?');
    }
    line.append(" (")
        .append(cmd.getCommandSpec().qualifiedName())
        .append(" --help lists the options)");
    err.println(line);
    err.flush();
    return Main.EXIT_BAD_INPUT;
  }
}
