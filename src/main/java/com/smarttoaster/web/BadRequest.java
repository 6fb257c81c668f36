package com.smarttoaster.web;

/** A request the page's API refuses, with the HTTP status and a one-line reason for the user. */
final class BadRequest extends RuntimeException {
  private static final long serialVersionUID = 1L;
  private final int status;

  BadRequest(String message) {
    this(400, message);
  }

  BadRequest(int status, String message) {
    super(message, null, false, false); // a user's mistake: no stack trace
    this.status = status;
  }

  int status() {
    return status;
  }
}
