package com.smarttoaster.service;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class StateDirectoryTest {
  @Test
  void configWinsOverSystemdAndSystemdOverNothing() {
    assertEquals(
        Optional.of(new StateDirectory(Path.of("/srv/toaster"), "appliance.stateDir")),
        StateDirectory.choose("/srv/toaster", Map.of("STATE_DIRECTORY", "/var/lib/smart-toaster")));
    assertEquals(
        Optional.of(new StateDirectory(Path.of("/var/lib/smart-toaster"), "$STATE_DIRECTORY")),
        StateDirectory.choose(null, Map.of("STATE_DIRECTORY", "/var/lib/smart-toaster")));
    assertEquals(Optional.empty(), StateDirectory.choose(null, Map.of()));
    assertEquals(Optional.empty(), StateDirectory.choose("  ", Map.of("STATE_DIRECTORY", "")));
  }

  @Test
  void withSeveralStateDirectoriesSystemdListsTheFirstIsUsed() {
    assertEquals(
        Path.of("/var/lib/smart-toaster"),
        StateDirectory.choose(
                null,
                Map.of(
                    "STATE_DIRECTORY",
                    "/var/lib/smart-toaster:/var/lib/smart-toaster/tmp:/var/lib/smart-toaster/cache"))
            .orElseThrow()
            .path());
  }

  @Test
  void prepareCreatesTheDirectoryAndProvesItWritable(@TempDir Path dir) throws IOException {
    StateDirectory state = new StateDirectory(dir.resolve("a/b"), "test");

    state.prepare();

    assertTrue(Files.isDirectory(dir.resolve("a/b")));
    try (var files = Files.list(dir.resolve("a/b"))) {
      assertEquals(0, files.count(), "the write test leaves nothing behind");
    }
  }

  @Test
  void aFileInTheWayIsNotADirectory(@TempDir Path dir) throws IOException {
    Path file = Files.writeString(dir.resolve("state"), "x");

    assertThrows(IOException.class, () -> new StateDirectory(file, "test").prepare());
  }
}
