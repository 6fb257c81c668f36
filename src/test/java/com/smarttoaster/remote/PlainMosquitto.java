package com.smarttoaster.remote;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assertions;

/**
 * A real Mosquitto 2 on a free loopback port, plain and anonymous, for the tests that are about the
 * toaster's behaviour rather than the broker's security (MosquittoTest has TLS, passwords and the
 * ACL); stop and start it again on the same port. Needs Mosquitto ({@link
 * MosquittoBroker#assumeInstalled()}).
 */
final class PlainMosquitto implements AutoCloseable {
  private final Path dir;
  private final int port;
  private Process process;

  PlainMosquitto() {
    this(List.of());
  }

  /** With extra lines for mosquitto.conf (e.g. a smaller in-flight window). */
  PlainMosquitto(List<String> extraConfig) {
    MosquittoBroker.assumeInstalled();
    this.port = FreePort.find();
    try {
      this.dir = Files.createTempDirectory("mosquitto-plain");
      Files.writeString(
          dir.resolve("mosquitto.conf"),
          String.join(
              "\n",
              "user " + System.getProperty("user.name"),
              "allow_anonymous true",
              "persistence false",
              "log_dest stderr",
              "log_type error",
              "log_type warning",
              "listener " + port + " 127.0.0.1",
              String.join("\n", extraConfig),
              ""));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    start();
  }

  int port() {
    return port;
  }

  String url() {
    return "tcp://127.0.0.1:" + port;
  }

  synchronized void start() {
    try {
      process =
          new ProcessBuilder(
                  MosquittoBroker.executable("mosquitto").orElseThrow().toString(),
                  "-c",
                  dir.resolve("mosquitto.conf").toString())
              .redirectErrorStream(true)
              .redirectOutput(
                  ProcessBuilder.Redirect.appendTo(dir.resolve("mosquitto.log").toFile()))
              .start();
      long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
      while (!listening()) {
        if (!process.isAlive() || System.nanoTime() > deadline) {
          Assertions.fail(
              "mosquitto did not start: " + Files.readString(dir.resolve("mosquitto.log")));
        }
        Thread.sleep(20);
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  synchronized void stop() {
    if (process != null) {
      process.destroy();
      try {
        if (!process.waitFor(5, TimeUnit.SECONDS)) {
          process.destroyForcibly().waitFor(5, TimeUnit.SECONDS);
        }
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
      process = null;
    }
  }

  private boolean listening() {
    try (Socket s = new Socket()) {
      s.connect(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 200);
      return true;
    } catch (IOException e) {
      return false;
    }
  }

  @Override
  public void close() {
    stop();
  }
}
