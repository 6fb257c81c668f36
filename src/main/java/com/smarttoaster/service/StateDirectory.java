package com.smarttoaster.service;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * Where the service keeps what must survive a restart (the latched fault; the cycle history and the
 * unpacked native libraries live beside it). Chosen from, in order: the config's {@code
 * appliance.stateDir}; {@code $STATE_DIRECTORY}, which systemd sets from the unit's StateDirectory=
 * (with several, the first); none, in which case nothing persists.
 *
 * @param path the directory
 * @param source what chose it, for the log ("appliance.stateDir", "$STATE_DIRECTORY")
 */
public record StateDirectory(Path path, String source) {
  public static final String ENVIRONMENT_VARIABLE = "STATE_DIRECTORY";

  public StateDirectory {
    Objects.requireNonNull(path, "path");
    Objects.requireNonNull(source, "source");
  }

  /**
   * @param configured appliance.stateDir, or null when the config does not set it
   * @param environment the process environment
   */
  public static Optional<StateDirectory> choose(
      @Nullable String configured, Map<String, String> environment) {
    if (configured != null && !configured.isBlank()) {
      return Optional.of(new StateDirectory(Path.of(configured), "appliance.stateDir"));
    }
    String fromSystemd = environment.get(ENVIRONMENT_VARIABLE);
    if (fromSystemd != null && !fromSystemd.isBlank()) {
      String first = fromSystemd.split(":", -1)[0];
      if (!first.isBlank()) {
        return Optional.of(new StateDirectory(Path.of(first), "$" + ENVIRONMENT_VARIABLE));
      }
    }
    return Optional.empty();
  }

  /**
   * Creates the directory if needed and proves it writable by writing and deleting a file.
   *
   * @throws IOException saying why it cannot be used
   */
  public void prepare() throws IOException {
    Files.createDirectories(path);
    if (!Files.isDirectory(path)) {
      throw new IOException(path + " is not a directory");
    }
    Path probe = Files.createTempFile(path, ".write-test", ".tmp");
    Files.delete(probe);
  }

  @Override
  public String toString() {
    return path + " (from " + source + ")";
  }
}
