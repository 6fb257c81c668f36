package com.smarttoaster.config;

import java.nio.file.Path;
import java.util.Objects;

/**
 * The {@code history} section: where cycle records, ratings and unsent MQTT events are kept.
 *
 * @param databaseFile SQLite database file (created when missing); a bare file name means one in
 *     the state directory ({@link com.smarttoaster.remote.RemoteFactory#fromConfig} resolves it)
 * @param maxCycles the oldest cycle records beyond this many are deleted
 * @param maxOutboxEvents the oldest unsent events beyond this many are dropped (with a warning)
 */
public record HistoryConfig(Path databaseFile, int maxCycles, int maxOutboxEvents) {
  public static final int DEFAULT_MAX_CYCLES = 10_000;
  public static final int DEFAULT_MAX_OUTBOX_EVENTS = 10_000;

  public HistoryConfig {
    Objects.requireNonNull(databaseFile, "databaseFile");
  }
}
