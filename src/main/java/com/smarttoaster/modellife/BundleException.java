package com.smarttoaster.modellife;

/**
 * A bundle, a key or the model store refused, with one line saying what failed (the part of the
 * bundle, the value, what was expected). Shown to the user as it is, never with a stack trace.
 */
public final class BundleException extends Exception {
  private static final long serialVersionUID = 1L;

  private final String message;

  public BundleException(String message) {
    super(message);
    this.message = message;
  }

  /** The one line for the user; every bundle refusal has one. */
  @Override
  public String getMessage() {
    return message;
  }
}
