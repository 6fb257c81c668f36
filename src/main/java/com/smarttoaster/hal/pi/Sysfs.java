package com.smarttoaster.hal.pi;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

/**
 * The few sysfs operations the kernel-driver readers need. On the Pi they are plain file reads of
 * /sys; the emulated Pi answers them from its emulated kernel driver, because a sysfs attribute is
 * not a stored file: every read of {@code in_temp_raw} runs the driver (an SPI transfer), which a
 * file in a temporary directory cannot show.
 */
public interface Sysfs {
  /** The attribute's text as one read(2) returns it (the kernel appends a newline). */
  String read(Path attribute) throws IOException;

  /** True when {@code path} is a directory (a device). */
  boolean isDirectory(Path path);

  /** The entries of a directory, sorted by name. */
  List<Path> list(Path dir) throws IOException;

  /** The real /sys. */
  Sysfs REAL =
      new Sysfs() {
        @Override
        public String read(Path attribute) throws IOException {
          return new String(Files.readAllBytes(attribute), StandardCharsets.US_ASCII);
        }

        @Override
        public boolean isDirectory(Path path) {
          return Files.isDirectory(path);
        }

        @Override
        public List<Path> list(Path dir) throws IOException {
          try (Stream<Path> s = Files.list(dir)) {
            return s.sorted().toList();
          }
        }
      };
}
