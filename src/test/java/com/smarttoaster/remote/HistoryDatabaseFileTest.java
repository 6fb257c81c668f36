package com.smarttoaster.remote;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.smarttoaster.config.ConfigLoader;
import com.smarttoaster.config.ToasterConfig;
import com.smarttoaster.history.HistoryException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class HistoryDatabaseFileTest {
  @TempDir Path dir;

  private static ToasterConfig config(String applianceExtra, String databaseFile) throws Exception {
    return ConfigLoader.parse("""
        appliance:
          kind: simulated
          deviceId: kitchen
          mainsVoltsNominal: 230
          currentSensorFitted: true
        """ + applianceExtra + "history:\n  databaseFile: " + databaseFile + "\n", "test.yaml");
  }

  @Test
  void aBareNameIsInSystemdsStateDirectory() throws Exception {
    Path state = dir.resolve("state");
    Path file = MqttRemote.databaseFile(config("", "history.db"),
        Map.of("STATE_DIRECTORY", state + ":" + state.resolve("tmp")));

    assertEquals(state.resolve("history.db"), file);
    assertTrue(Files.isDirectory(state), "the state directory is created for the database");
  }

  @Test
  void theConfiguredStateDirectoryComesFirst() throws Exception {
    Path file = MqttRemote.databaseFile(config("  stateDir: " + dir + "\n", "history.db"),
        Map.of("STATE_DIRECTORY", "/elsewhere"));

    assertEquals(dir.resolve("history.db"), file);
  }

  @Test
  void aPathIsUsedAsItIs() throws Exception {
    Path given = dir.resolve("h.db");
    assertEquals(given, MqttRemote.databaseFile(config("", given.toString()), Map.of("STATE_DIRECTORY", "/x")));
  }

  @Test
  void aBareNameWithoutAStateDirectorySaysWhatToDo() throws Exception {
    HistoryException e = assertThrows(HistoryException.class,
        () -> MqttRemote.databaseFile(config("", "history.db"), Map.of()));

    assertEquals("history.databaseFile = \"history.db\" is a bare file name, which means one in the state directory,"
        + " but there is none: set appliance.stateDir, run under systemd (StateDirectory=), or give the file's full"
        + " path", e.getMessage());
  }
}
