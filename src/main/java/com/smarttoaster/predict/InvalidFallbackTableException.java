package com.smarttoaster.predict;

/**
 * The fallback table's coefficients file is missing, garbled or does not fit this build's basis.
 */
public final class InvalidFallbackTableException extends Exception {
  public InvalidFallbackTableException(String message) {
    super(message);
  }
}
