package com.smarttoaster.config;

import java.util.Locale;

/** How much the application logs. */
public enum LogLevel {
  ERROR,
  WARN,
  INFO,
  DEBUG;

  /** The id used in the config file. */
  public String id() {
    return name().toLowerCase(Locale.ROOT);
  }
}
