package com.smarttoaster.web;

/** The web page cannot start; the message names the option or file and what to do. */
public final class WebServerException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  public WebServerException(String message) {
    super(message, null, false, false);
  }
}
