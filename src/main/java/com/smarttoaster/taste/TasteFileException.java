package com.smarttoaster.taste;

/** A taste file that cannot be used; the message names the file, the field and the value. */
public final class TasteFileException extends RuntimeException {
  public TasteFileException(String message) {
    super(message);
  }
}
