package com.smarttoaster.scenario;

import java.util.List;

/**
 * A scenario file cannot be used. The message has one line per problem, each starting with the file
 * and naming the field path, the value found and what is allowed; it is meant to be printed as is
 * (the command exits 2).
 */
public final class ScenarioException extends Exception {
  private static final long serialVersionUID = 1L;

  private final String source;
  private final List<String> problems;

  public ScenarioException(String source, List<String> problems) {
    super(format(source, problems));
    this.source = source;
    this.problems = List.copyOf(problems);
  }

  public ScenarioException(String source, String problem) {
    this(source, List.of(problem));
  }

  /** The file (or source name) the problems are in. */
  public String source() {
    return source;
  }

  /**
   * Each problem without the file prefix, e.g. {@code bread.thicknessMm = 2 is out of range; ...}.
   */
  public List<String> problems() {
    return problems;
  }

  private static String format(String source, List<String> problems) {
    StringBuilder sb = new StringBuilder();
    for (String p : problems) {
      if (sb.length() > 0) {
        sb.append('\n');
      }
      sb.append(source).append(": ").append(p);
    }
    return sb.toString();
  }
}
