package com.smarttoaster.remote;

import static com.smarttoaster.remote.Eventually.await;
import static com.smarttoaster.remote.RemoteFixture.json;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeUnit;
import javax.net.ssl.SSLSocketFactory;
import org.eclipse.paho.mqttv5.common.MqttException;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * A 1 MB and a 150 MB payload on a command topic, live and retained, against the appliance as the
 * service runs it: {@code run --config} in its own JVM with the unit's heap cap (-Xmx96m, serial
 * GC, exit on OutOfMemoryError), connected over TLS with its password to a Mosquitto set up as
 * shipped. Once the 150 MB message killed such a process, and retained it killed every restart.
 * Twice: with the shipped broker limits (the broker refuses such packets), and without them (only
 * the toaster's own MQTT 5 Maximum Packet Size stands between the payload and its heap).
 */
@Tag("network")
class OversizedCommandTest {
  private static final int MB = 1024 * 1024;
  @TempDir Path dir;

  @ParameterizedTest(name = "broker size limits removed: {0}")
  @ValueSource(booleans = {false, true})
  void hugeCommandsLiveAndRetainedLeaveTheToasterRunningAndItsHeapIntact(
      boolean withoutBrokerLimits) throws Exception {
    MosquittoBroker.assumeInstalled();
    try (MosquittoBroker broker = new MosquittoBroker(dir, withoutBrokerLimits)) {
      SSLSocketFactory tls = TlsFiles.socketFactory(broker.ca(), null, null);
      Topics t = new Topics("kitchen", "homeassistant");
      List<TestClient> clients = new ArrayList<>();
      try {
        // Retained before the toaster starts: what crash-looped the service.
        TestClient ha = attacker(broker, tls, clients);
        sendHuge(ha, t, true);
        Process toaster = startToaster(broker);
        try {
          ha = watcher(broker, tls, clients, t);
          TestClient w = ha;
          await(
              Duration.ofSeconds(60),
              () -> w.has(t.status(), "online"::equals) && !w.on(t.state()).isEmpty(),
              () -> "the toaster came up: " + w.received() + "\n" + log(toaster));
          // Live, and retained to a connected toaster.
          sendHuge(ha, t, false);
          sendHuge(ha, t, true);
          ha = watcher(broker, tls, clients, t);
          ha.publish(t.command("shade"), "5", false);
          TestClient w2 = ha;
          await(
              Duration.ofSeconds(30),
              () -> w2.has(t.state(), p -> json(p).get("shade").asInt() == 5),
              () -> "the toaster still takes commands: " + w2.received() + "\n" + log(toaster));
          assertTrue(toaster.isAlive(), "the toaster is running");
          for (TestClient c : clients) {
            for (TestClient.Msg m : c.on(t.event())) {
              assertEquals(
                  "rejected",
                  json(m.payload()).get("event_type").asText(),
                  "a rejected event or nothing: " + m.payload());
            }
          }
          assertTrue(!log(toaster).contains("OutOfMemoryError"), log(toaster));
        } finally {
          toaster.destroy();
          toaster.waitFor(20, TimeUnit.SECONDS);
          toaster.destroyForcibly();
        }
      } finally {
        TestClient c = attacker(broker, tls, clients);
        c.publish(t.command("shade"), new byte[0], true); // no 150 MB file for the broker to save
        clients.forEach(TestClient::close);
      }
    }
  }

  private TestClient attacker(
      MosquittoBroker broker, SSLSocketFactory tls, List<TestClient> clients) throws MqttException {
    TestClient c =
        new TestClient(broker.tlsUrl(), "ha")
            .tls(tls)
            .login(MosquittoBroker.HA_USER, MosquittoBroker.password(MosquittoBroker.HA_USER))
            .connect();
    clients.add(c);
    return c;
  }

  /**
   * Home Assistant's view: status, state and events, never the commands (it would read 150 MB
   * itself).
   */
  private TestClient watcher(
      MosquittoBroker broker, SSLSocketFactory tls, List<TestClient> clients, Topics t)
      throws MqttException {
    TestClient c = attacker(broker, tls, clients);
    c.subscribe(t.status()).subscribe(t.state()).subscribe(t.event());
    return c;
  }

  /** 1 MB and 150 MB of '7' on cmd/shade. A broker with limits disconnects the sender instead. */
  private void sendHuge(TestClient c, Topics t, boolean retained) {
    for (int size : new int[] {MB, 150 * MB}) {
      byte[] payload = new byte[size];
      Arrays.fill(payload, (byte) '7');
      try {
        c.publish(t.command("shade"), payload, retained);
      } catch (MqttException e) {
        return; // refused (max_packet_size): the connection is gone, and so is the message
      }
    }
  }

  private Process startToaster(MosquittoBroker broker) throws Exception {
    String yaml =
        Files.readString(Path.of("config/toaster.yaml"))
                .replace("predictor: model", "predictor: fallback")
            + "\nmqtt:\n"
            + "  brokerUrl: "
            + broker.tlsUrl()
            + "\n"
            + "  username: kitchen\n"
            + "  passwordFile: "
            + broker.passwordFile("kitchen")
            + "\n"
            + "  caFile: "
            + broker.ca()
            + "\n"
            + "history:\n"
            + "  databaseFile: "
            + dir.resolve("history.db")
            + "\n";
    Path cfg = dir.resolve("toaster.yaml");
    Files.writeString(cfg, yaml);
    Path java = Path.of(System.getProperty("java.home"), "bin", "java");
    // The unit's memory options (systemd/jvm.options).
    return new ProcessBuilder(
            java.toString(),
            "-Xmx96m",
            "-XX:+UseSerialGC",
            "-XX:TieredStopAtLevel=1",
            "-XX:+ExitOnOutOfMemoryError",
            "-cp",
            System.getProperty("java.class.path"),
            "com.smarttoaster.cli.Main",
            "run",
            "--config",
            cfg.toString())
        .redirectInput(ProcessBuilder.Redirect.from(Path.of("/dev/null").toFile()))
        .redirectErrorStream(true)
        .redirectOutput(dir.resolve("toaster.log").toFile())
        .start();
  }

  private String log(Process p) {
    try {
      return (p.isAlive() ? "" : "exit " + p.exitValue() + "; ")
          + Files.readString(dir.resolve("toaster.log"));
    } catch (java.io.IOException e) {
      return e.toString();
    }
  }
}
