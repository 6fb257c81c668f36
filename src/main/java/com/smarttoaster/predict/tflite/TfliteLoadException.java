package com.smarttoaster.predict.tflite;

/**
 * A {@code .tflite} model could not be loaded; the message says which model, which runtime and why.
 */
public final class TfliteLoadException extends Exception {
  public TfliteLoadException(String message) {
    super(message);
  }

  public TfliteLoadException(String message, Throwable cause) {
    super(message, cause);
  }
}
