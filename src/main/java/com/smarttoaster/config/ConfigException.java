package com.smarttoaster.config;

import java.util.List;

/**
 * A config file cannot be used: unreadable, not YAML, or with invalid options. The message lists
 * every problem, one per line, each naming {@code section.option}, the value and the limit, and
 * ends with what to do. It is meant to be printed as is; the appliance must not heat.
 */
public final class ConfigException extends Exception {
  private static final long serialVersionUID = 1L;

  private final String source;
  private final List<String> problems;
  private final String message;

  /** Invalid content: one entry per problem. */
  public ConfigException(String source, List<String> problems) {
    this(source, List.copyOf(problems), format(source, problems));
  }

  private ConfigException(String source, List<String> problems, String message) {
    super(message);
    this.source = source;
    this.problems = problems;
    this.message = message;
  }

  /** Every problem, one per line; never null (every constructor builds it). */
  @Override
  public String getMessage() {
    return message;
  }

  /** The file cannot be read at all (missing, a directory, not UTF-8, ...). */
  public static ConfigException unreadable(String source, String problem) {
    return new ConfigException(
        source,
        List.of(problem),
        "cannot use config "
            + source
            + ": "
            + problem
            + "; the toaster will not heat without a valid config");
  }

  /** The file (or source name). */
  public String source() {
    return source;
  }

  /** Each problem on its own, e.g. {@code safety.cutoffC = 400 is out of range; ...}. */
  public List<String> problems() {
    return problems;
  }

  private static String format(String source, List<String> problems) {
    StringBuilder sb = new StringBuilder();
    sb.append("invalid config ")
        .append(source)
        .append(" (")
        .append(problems.size())
        .append(problems.size() == 1 ? " problem" : " problems")
        .append("); the toaster will not heat with it:");
    for (String p : problems) {
      sb.append("\n  ").append(p);
    }
    sb.append(
        "\nFix the options named above; an optional option can also be deleted to use its"
            + " documented default (see config/toaster.yaml).");
    return sb.toString();
  }
}
