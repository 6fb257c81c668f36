package com.smarttoaster.input;

import java.util.ArrayList;
import java.util.List;

/** Collects every problem found in one input file so they can be reported together. */
public final class Problems {
  private final List<Problem> problems = new ArrayList<>();

  /** Records a problem; {@code message} is the full sentence and should start with the path. */
  public void add(String path, String message) {
    problems.add(new Problem(path, message));
  }

  /** True when a problem was recorded for {@code path} or anything below it. */
  public boolean has(String path) {
    for (Problem p : problems) {
      String q = p.path();
      if (q.equals(path)
          || (q.startsWith(path)
              && (q.charAt(path.length()) == '.' || q.charAt(path.length()) == '['))) {
        return true;
      }
    }
    return false;
  }

  /** True when a problem was recorded for exactly {@code path} (not for something below it). */
  public boolean hasAt(String path) {
    for (Problem p : problems) {
      if (p.path().equals(path)) {
        return true;
      }
    }
    return false;
  }

  /** True when any of the paths has a problem; cross-field checks skip such fields. */
  public boolean hasAny(String... paths) {
    for (String p : paths) {
      if (has(p)) {
        return true;
      }
    }
    return false;
  }

  public boolean isEmpty() {
    return problems.isEmpty();
  }

  public List<Problem> all() {
    return List.copyOf(problems);
  }

  /** The messages in the order they were found. */
  public List<String> messages() {
    return problems.stream().map(Problem::message).toList();
  }
}
