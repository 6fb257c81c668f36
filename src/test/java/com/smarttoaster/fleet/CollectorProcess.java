package com.smarttoaster.fleet;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assertions;

/**
 * {@code fleet collect} in its own JVM (this test's classpath), so that it can be killed with
 * SIGKILL the way a crash or a power cut would, with no shutdown hook and no goodbye to the broker.
 */
final class CollectorProcess implements AutoCloseable {
  private final List<String> command;
  private final Path log;
  private Process process;
  private final List<String> lines = java.util.Collections.synchronizedList(new ArrayList<>());
  private Thread drain;

  CollectorProcess(
      Path dir,
      String brokerUrl,
      Path ca,
      String user,
      String password,
      String dbUrl,
      String dbUser)
      throws IOException {
    Path pw = dir.resolve(user + ".password");
    Files.writeString(pw, password + "\n");
    log = dir.resolve(user + ".log");
    command =
        new ArrayList<>(
            List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx256m",
                "-cp",
                System.getProperty("java.class.path"),
                "com.smarttoaster.cli.Main",
                "fleet",
                "collect",
                "--db",
                dbUrl,
                "--broker",
                brokerUrl,
                "--user",
                user,
                "--password-file",
                pw.toString(),
                "--ca",
                ca.toString(),
                "--group",
                "fleet",
                "--batch",
                "50"));
    if (dbUser != null) {
      command.addAll(List.of("--db-user", dbUser));
    }
  }

  /** Starts it and returns once it says it is collecting. */
  CollectorProcess start() throws Exception {
    process =
        new ProcessBuilder(command)
            .redirectError(ProcessBuilder.Redirect.appendTo(log.toFile()))
            .start();
    BufferedReader out =
        new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
    String line = out.readLine(); // blocks until the first line or the end of the process
    if (line == null || !line.startsWith("collecting")) {
      Assertions.fail("fleet collect did not start: " + line + "\n" + Files.readString(log));
    }
    drain =
        new Thread(
            () -> {
              try {
                String l;
                while ((l = out.readLine()) != null) {
                  lines.add(l);
                }
              } catch (IOException ignored) {
                // the process ended
              }
            },
            "collector-stdout");
    drain.setDaemon(true);
    drain.start();
    return this;
  }

  /** SIGKILL. */
  void kill() throws InterruptedException {
    process.destroyForcibly();
    process.waitFor(10, TimeUnit.SECONDS);
  }

  String log() throws IOException {
    return Files.readString(log);
  }

  @Override
  public void close() throws InterruptedException {
    if (process != null && process.isAlive()) {
      process.destroy();
      if (!process.waitFor(30, TimeUnit.SECONDS)) {
        kill();
      }
    }
  }
}
