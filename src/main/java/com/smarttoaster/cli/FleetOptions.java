package com.smarttoaster.cli;

import com.smarttoaster.fleet.FleetLogin;
import com.smarttoaster.fleet.store.FleetDatabase;
import com.smarttoaster.fleet.store.FleetStoreException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import picocli.CommandLine.Option;

/**
 * The options the fleet commands share: where the fleet database is, and how to reach the broker.
 */
final class FleetOptions {
  private FleetOptions() {}

  /** The fleet database. */
  static final class Db {
    @Option(
        names = "--db",
        defaultValue = "jdbc:sqlite:fleet.db",
        paramLabel = "JDBC-URL",
        description =
            "jdbc:postgresql://HOST:PORT/DB or jdbc:sqlite:FILE (default ${DEFAULT-VALUE}).")
    String url;

    @Option(names = "--db-user", paramLabel = "USER", description = "PostgreSQL user.")
    String user;

    @Option(
        names = "--db-password-file",
        paramLabel = "FILE",
        description = "A file holding the PostgreSQL password.")
    Path passwordFile;

    FleetDatabase open() throws FleetStoreException {
      String password = null;
      if (passwordFile != null) {
        try {
          password = Files.readString(passwordFile).strip();
        } catch (IOException e) {
          throw new FleetStoreException(
              "--db-password-file " + passwordFile + " cannot be read: " + e.getMessage());
        }
      }
      return FleetDatabase.open(url, user, password);
    }
  }

  /** The broker login of a fleet tool. */
  static final class Broker {
    @Option(
        names = "--broker",
        required = true,
        paramLabel = "URL",
        description = "ssl://HOST:8883 (tcp:// for a test broker).")
    String url;

    @Option(
        names = "--user",
        required = true,
        paramLabel = "USER",
        description =
            "This tool's own broker user (fleet-collector-N, fleet-rollout; config/mosquitto/acl).")
    String user;

    @Option(
        names = "--password-file",
        paramLabel = "FILE",
        description = "A file holding that user's password.")
    Path passwordFile;

    @Option(
        names = "--ca",
        paramLabel = "PEM",
        description = "The CA that signed the broker's certificate.")
    Path ca;

    FleetLogin login() {
      String password = null;
      if (passwordFile != null) {
        try {
          password = Files.readString(passwordFile).strip();
        } catch (IOException e) {
          throw new IllegalArgumentException(
              "--password-file " + passwordFile + " cannot be read: " + e.getMessage());
        }
      }
      if (ca != null && !Files.isReadable(ca)) {
        throw new IllegalArgumentException("--ca " + ca + " cannot be read");
      }
      return new FleetLogin(url, user, password, ca);
    }
  }
}
