package com.smarttoaster.remote;

import io.moquette.broker.Server;
import io.moquette.broker.config.MemoryConfig;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Properties;

/** Moquette inside the test JVM on a free loopback port; stop and start it again on the same port. */
final class EmbeddedBroker implements AutoCloseable {
  static {
    // Moquette logs every packet at info.
    System.setProperty("org.slf4j.simpleLogger.log.io.moquette", "warn");
    System.setProperty("org.slf4j.simpleLogger.log.io.netty", "warn");
  }

  private final int port;
  private Server server;

  EmbeddedBroker() {
    this.port = FreePort.find();
    start();
  }

  int port() {
    return port;
  }

  String url() {
    return "tcp://127.0.0.1:" + port;
  }

  synchronized void start() {
    Properties p = new Properties();
    p.setProperty("host", "127.0.0.1");
    p.setProperty("port", Integer.toString(port));
    p.setProperty("websocket_port", "disabled");
    p.setProperty("allow_anonymous", "true");
    p.setProperty("persistence_enabled", "false");
    p.setProperty("netty.mqtt.message_size", "65536");
    p.setProperty("immediate_buffer_flush", "true");
    p.setProperty("telemetry_enabled", "false");
    server = new Server();
    try {
      server.startServer(new MemoryConfig(p));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  synchronized void stop() {
    if (server != null) {
      server.stopServer();
      server = null;
    }
  }

  @Override
  public void close() {
    stop();
  }
}
