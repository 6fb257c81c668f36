package com.smarttoaster.fleet;

import java.io.File;
import java.io.IOException;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.Assumptions;

/**
 * A throwaway PostgreSQL cluster (Debian's postgresql package: initdb and pg_ctl) in a temporary
 * directory on a free loopback port, with one database {@code fleet}. PostgreSQL refuses to run as
 * root, so as root it runs as the package's {@code postgres} user through runuser. Trust
 * authentication on loopback: a test cluster that lives for one test class.
 */
public final class PostgresCluster implements AutoCloseable {
  private final Path dir;
  private final int port;
  private final boolean asPostgresUser;

  /** Skips without PostgreSQL, except with CI=true, where it fails: .ci/run installs it. */
  public static void assumeInstalled() {
    if (binDir().isPresent()) {
      return;
    }
    String msg = "PostgreSQL is not installed (apt-get install postgresql)";
    if ("true".equalsIgnoreCase(System.getenv("CI"))) {
      Assertions.fail("CI=true and the PostgreSQL tests cannot run: " + msg);
    }
    Assumptions.abort(msg);
  }

  static Optional<Path> binDir() {
    Path root = Path.of("/usr/lib/postgresql");
    if (!Files.isDirectory(root)) {
      return Optional.empty();
    }
    try (Stream<Path> s = Files.list(root)) {
      return s.map(p -> p.resolve("bin"))
          .filter(p -> Files.isExecutable(p.resolve("pg_ctl")))
          .max(Comparator.comparing(p -> p.getParent().getFileName().toString()));
    } catch (IOException e) {
      return Optional.empty();
    }
  }

  public PostgresCluster() throws Exception {
    assumeInstalled();
    asPostgresUser = "root".equals(System.getProperty("user.name"));
    dir = Files.createTempDirectory(Path.of("/tmp"), "fleet-pg-");
    Files.setPosixFilePermissions(dir, PosixFilePermissions.fromString("rwxrwxrwx"));
    try (ServerSocket s = new ServerSocket(0)) {
      port = s.getLocalPort();
    }
    Path bin = binDir().orElseThrow();
    run(
        bin.resolve("initdb").toString(),
        "-D",
        dir.resolve("data").toString(),
        "-A",
        "trust",
        "-U",
        "postgres",
        "--no-sync",
        "-E",
        "UTF8");
    run(
        bin.resolve("pg_ctl").toString(),
        "-D",
        dir.resolve("data").toString(),
        "-w",
        "-t",
        "60",
        "-l",
        dir.resolve("log").toString(),
        "-o",
        "-p " + port + " -k " + dir + " -c listen_addresses=127.0.0.1",
        "start");
    try (Connection c = DriverManager.getConnection(adminUrl(), "postgres", null);
        Statement s = c.createStatement()) {
      s.execute("CREATE DATABASE fleet");
    }
  }

  /** The fleet database's JDBC url. */
  public String url() {
    return "jdbc:postgresql://127.0.0.1:" + port + "/fleet";
  }

  public String user() {
    return "postgres";
  }

  private String adminUrl() {
    return "jdbc:postgresql://127.0.0.1:" + port + "/postgres";
  }

  private void run(String... cmd) throws Exception {
    List<String> full = new ArrayList<>();
    if (asPostgresUser) {
      full.addAll(List.of("runuser", "-u", "postgres", "--"));
    }
    full.addAll(List.of(cmd));
    Process p = new ProcessBuilder(full).directory(dir.toFile()).redirectErrorStream(true).start();
    String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    if (!p.waitFor(120, TimeUnit.SECONDS) || p.exitValue() != 0) {
      String log = Files.exists(dir.resolve("log")) ? Files.readString(dir.resolve("log")) : "";
      Assertions.fail(String.join(" ", full) + " failed: " + out + log);
    }
  }

  @Override
  public void close() throws Exception {
    try {
      run(
          binDir().orElseThrow().resolve("pg_ctl").toString(),
          "-D",
          dir.resolve("data").toString(),
          "-m",
          "immediate",
          "-w",
          "stop");
    } finally {
      try (Stream<Path> s = Files.walk(dir)) {
        s.sorted(Comparator.reverseOrder()).map(Path::toFile).forEach(File::delete);
      }
    }
  }
}
