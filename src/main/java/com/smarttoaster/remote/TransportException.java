package com.smarttoaster.remote;

/** The MQTT connection cannot be set up as configured; the message says what to fix. */
public final class TransportException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  public TransportException(String message) {
    super(message);
  }

  public TransportException(String message, Throwable cause) {
    super(message, cause);
  }
}
