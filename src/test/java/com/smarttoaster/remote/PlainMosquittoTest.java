package com.smarttoaster.remote;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;

/**
 * A plain Mosquitto on loopback started once per test class, one device id per test, and whatever a
 * test opened closed after it, newest first. The broker is per class: the static field is set again
 * by each subclass's {@code @BeforeAll} (test classes run one at a time).
 */
@Tag("network")
abstract class PlainMosquittoTest {
  static PlainMosquitto broker;

  private final List<AutoCloseable> open = new ArrayList<>();
  final String id = RemoteFixture.newDeviceId();
  final Topics topics = new Topics(id, "homeassistant");

  @BeforeAll
  static void startBroker() {
    broker = new PlainMosquitto();
  }

  @AfterAll
  static void stopBroker() {
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
  }

  /** Closed after the test. */
  <T extends AutoCloseable> T keep(T c) {
    open.add(c);
    return c;
  }

  /** A client listening as Home Assistant does: the device's topics and its discovery message. */
  TestClient homeAssistant() throws Exception {
    TestClient c = keep(new TestClient(broker.url(), "ha-" + id)).connect();
    c.subscribe(topics.base() + "/#");
    c.subscribe(topics.discovery());
    return c;
  }
}
