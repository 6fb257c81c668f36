package com.smarttoaster.input;

/** A file cannot be read as text; the message says why, without the file name. */
public final class UnreadableFile extends Exception {
  private static final long serialVersionUID = 1L;

  private final String problem;

  public UnreadableFile(String problem) {
    super(problem);
    this.problem = problem;
  }

  /** Why the file cannot be read; never null (the one constructor takes it). */
  @Override
  public String getMessage() {
    return problem;
  }
}
