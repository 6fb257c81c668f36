package com.smarttoaster.remote;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import javax.net.ssl.SSLSocketFactory;
import org.eclipse.paho.mqttv5.common.MqttException;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.io.TempDir;

/**
 * A real Mosquitto 2 as deployed (TLS, password file, the shipped ACL), started once per test
 * class, and TLS clients logged in as a user that are closed after each test. The broker is per
 * class: the static fields are set again by each subclass's {@code @BeforeAll} (test classes run
 * one at a time).
 */
@Tag("network")
abstract class ShippedMosquittoTest {
  @TempDir static Path dir;
  static MosquittoBroker broker;
  static SSLSocketFactory trustTestCa;

  private final List<AutoCloseable> open = new ArrayList<>();

  @BeforeAll
  static void startMosquitto() throws Exception {
    MosquittoBroker.assumeInstalled();
    broker = new MosquittoBroker(dir);
    trustTestCa = TlsFiles.socketFactory(broker.ca(), null, null);
  }

  @AfterAll
  static void stopMosquitto() throws Exception {
    if (broker != null) {
      broker.close();
      broker = null;
    }
  }

  @AfterEach
  void closeAll() throws Exception {
    for (int i = open.size() - 1; i >= 0; i--) {
      open.get(i).close();
    }
    open.clear();
  }

  /** Closes {@code c} after the test, in reverse order of keeping. */
  <T extends AutoCloseable> T keep(T c) {
    open.add(c);
    return c;
  }

  /** A TLS client logged in as {@code user} (password from the test password file), connected. */
  TestClient login(String user, String clientId) throws MqttException {
    return keep(new TestClient(broker.tlsUrl(), clientId))
        .tls(trustTestCa)
        .login(user, MosquittoBroker.password(user))
        .connect();
  }
}
