package com.smarttoaster.config;

import com.smarttoaster.input.Problems;

/** Cross-field rules: each is skipped when a field it depends on already has its own problem. */
final class Checks {
  private final Problems problems;

  Checks(Problems problems) {
    this.problems = problems;
  }

  /**
   * Records {@code message} against {@code path} unless {@code ok} holds or one of {@code
   * dependsOn} (which should include {@code path}) was already reported.
   */
  void require(boolean ok, String path, String message, String... dependsOn) {
    if (!ok && !problems.hasAny(dependsOn)) {
      problems.add(path, message);
    }
  }
}
