package com.smarttoaster.history;

/** The history database cannot be used; the message names the file and what to do. */
public final class HistoryException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  private final String message;

  public HistoryException(String message) {
    super(message);
    this.message = message;
  }

  public HistoryException(String message, Throwable cause) {
    super(message, cause);
    this.message = message;
  }

  /** What went wrong, with the file and what to do; every history failure has one. */
  @Override
  public String getMessage() {
    return message;
  }
}
