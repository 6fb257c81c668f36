package com.smarttoaster.input;

/** A file cannot be read as text; the message says why, without the file name. */
public final class UnreadableFile extends Exception {
  private static final long serialVersionUID = 1L;

  public UnreadableFile(String problem) {
    super(problem);
  }
}
