package com.smarttoaster.remote;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.smarttoaster.config.ConfigLoader;
import com.smarttoaster.config.HistoryConfig;
import com.smarttoaster.history.HistoryException;
import java.nio.file.Path;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class HistoryDatabaseFileTest {
  @TempDir Path dir;

  private static HistoryConfig history(String databaseFile) throws Exception {
    return ConfigLoader.parse(
            """
        appliance:
          kind: simulated
          deviceId: kitchen
          mainsVoltsNominal: 230
          currentSensorFitted: true
        history:
          databaseFile:\s"""
                + databaseFile
                + "\n",
            "test.yaml")
        .history();
  }

  @Test
  void aBareNameIsInTheStateDirectory() throws Exception {
    Path state = dir.resolve("state");
    Path file = RemoteFactory.databaseFile(history("history.db"), Optional.of(state));

    assertEquals(state.resolve("history.db"), file);
  }

  @Test
  void aPathIsUsedAsItIs() throws Exception {
    Path given = dir.resolve("h.db");
    assertEquals(
        given,
        RemoteFactory.databaseFile(history(given.toString()), Optional.of(dir.resolve("state"))));
    assertEquals(given, RemoteFactory.databaseFile(history(given.toString()), Optional.empty()));
  }

  @Test
  void aBareNameWithoutAStateDirectorySaysWhatToDo() throws Exception {
    HistoryException e =
        assertThrows(
            HistoryException.class,
            () -> RemoteFactory.databaseFile(history("history.db"), Optional.empty()));

    assertEquals(
        "history.databaseFile = \"history.db\" is a bare file name, which means one in the state directory,"
            + " but there is none: set appliance.stateDir, run under systemd (StateDirectory=), or give the file's full"
            + " path",
        e.getMessage());
  }
}
