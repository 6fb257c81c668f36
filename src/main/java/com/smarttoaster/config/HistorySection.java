package com.smarttoaster.config;

import com.smarttoaster.input.Format;
import com.smarttoaster.input.ObjectFields;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * The optional {@code history} section: the embedded database of cycles, ratings and unsent events.
 */
final class HistorySection {
  static final List<String> OPTIONS = List.of("databaseFile", "maxCycles", "maxOutboxEvents");
  static final Pattern FILE_NAME = Pattern.compile("[^\\x00-\\x1f\\x7f]{1,4096}");

  private HistorySection() {}

  static @Nullable HistoryConfig read(ObjectFields f) {
    Optional<String> name =
        f.text(
            "databaseFile",
            true,
            FILE_NAME,
            "the SQLite database file (created when missing): a bare name such as history.db for one in the state"
                + " directory, or a path such as /var/lib/smart-toaster/history.db");
    Path file = null;
    if (name.isPresent()) {
      file = Path.of(name.get());
      Path dir = file.toAbsolutePath().getParent();
      String shown = Format.value(com.fasterxml.jackson.databind.node.TextNode.valueOf(name.get()));
      if (Files.isDirectory(file)) {
        f.problems()
            .add(
                f.path("databaseFile"),
                f.path("databaseFile")
                    + " = "
                    + shown
                    + " is a directory; expected a database file name inside it, e.g. history.db");
        file = null;
      } else if (file.getParent() == null) {
        // A bare name lives in the state directory, known only when the appliance starts.
      } else if (dir == null || !Files.isDirectory(dir)) {
        f.problems()
            .add(
                f.path("databaseFile"),
                f.path("databaseFile")
                    + " = "
                    + shown
                    + " is in a directory that does not exist ("
                    + dir
                    + "); create the directory first");
        file = null;
      }
    }
    int maxCycles =
        (int) f.integer("maxCycles", 100, 1_000_000).orElse(HistoryConfig.DEFAULT_MAX_CYCLES);
    int maxOutbox =
        (int)
            f.integer("maxOutboxEvents", 100, 1_000_000)
                .orElse(HistoryConfig.DEFAULT_MAX_OUTBOX_EVENTS);
    return file == null ? null : new HistoryConfig(file, maxCycles, maxOutbox);
  }
}
