package com.smarttoaster.input;

import java.util.Objects;

/**
 * One thing wrong with an input file.
 *
 * @param path the field path the problem is about, e.g. {@code bread.thicknessMm} or {@code
 *     faults[1].kind}; empty for the document as a whole
 * @param message the full sentence shown to the user; it starts with the path when there is one
 */
public record Problem(String path, String message) {
  public Problem {
    Objects.requireNonNull(path, "path");
    Objects.requireNonNull(message, "message");
  }
}
