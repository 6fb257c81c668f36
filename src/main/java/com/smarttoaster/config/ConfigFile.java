package com.smarttoaster.config;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.jspecify.annotations.Nullable;

/**
 * The checks every file a config names must pass before the service relies on it (secrets,
 * certificates).
 */
final class ConfigFile {
  private ConfigFile() {}

  /**
   * Why {@code p} cannot be used, or null: it must be an existing, readable, non-empty regular file
   * of at most {@code maxBytes}.
   *
   * @param tooLarge the words before the limit when the file is larger, e.g. "expected at most "
   */
  static @Nullable String problemWith(Path p, long maxBytes, String tooLarge) {
    if (!Files.exists(p)) {
      return "does not exist";
    }
    if (!Files.isRegularFile(p)) {
      return "is not a regular file";
    }
    if (!Files.isReadable(p)) {
      return "cannot be read by this user";
    }
    try {
      long size = Files.size(p);
      if (size == 0) {
        return "is empty";
      }
      if (size > maxBytes) {
        return "is " + size + " bytes; " + tooLarge + maxBytes;
      }
      return null;
    } catch (IOException e) {
      return "cannot be read (" + e.getMessage() + ")";
    }
  }
}
