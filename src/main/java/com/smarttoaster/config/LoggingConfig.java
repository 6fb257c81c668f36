package com.smarttoaster.config;

import java.util.Objects;

/**
 * Logging.
 *
 * @param level error, warn, info or debug
 */
public record LoggingConfig(LogLevel level) {
  public LoggingConfig {
    Objects.requireNonNull(level, "level");
  }

  public static LoggingConfig defaults() {
    return new LoggingConfig(LogLevel.INFO);
  }
}
