package com.smarttoaster.remote;

import static com.smarttoaster.remote.Eventually.await;
import static com.smarttoaster.remote.RemoteFixture.event;
import static com.smarttoaster.remote.RemoteFixture.hasEvent;
import static com.smarttoaster.remote.RemoteFixture.json;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.smarttoaster.config.MqttConfig;
import com.smarttoaster.history.InMemoryCycleHistory;
import com.smarttoaster.history.InMemoryEventOutbox;
import com.smarttoaster.testkit.SimToaster;
import java.net.URI;
import org.eclipse.paho.mqttv5.common.MqttException;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * Against a real Mosquitto 2 process as deployed: TLS, a password file and the shipped ACL. Runs
 * when Mosquitto is installed; with CI=true a missing Mosquitto fails the build.
 */
@Tag("network")
class MosquittoTest extends ShippedMosquittoTest {

  /** A toaster configured as in toaster.yaml: ssl://, user = device id, password file, CA file. */
  private MqttRemote toaster(String url, String device, boolean clientCert) throws Exception {
    MqttConfig cfg =
        MqttConfig.forBroker(URI.create(url), "toaster-" + device)
            .withLogin(device, broker.passwordFile(device))
            .withTls(
                broker.ca(),
                clientCert ? broker.clientCert() : null,
                clientCert ? broker.clientKey() : null);
    Topics t = new Topics(device, "homeassistant");
    MqttRemote r =
        keep(
            RemoteFixture.remote(
                PahoTransport.fromConfig(cfg, t.status(), EventPublisher.OFFLINE),
                device,
                new InMemoryCycleHistory(10),
                new InMemoryEventOutbox(100),
                2,
                10));
    assertTrue(
        r.awaitConnected(Eventually.NETWORK),
        "the toaster logs in over TLS: see " + dir + "/mosquitto.log");
    return r;
  }

  @Test
  void aToasterOverTlsWithItsPasswordPublishesRetainedStatusStateAndDiscovery() throws Exception {
    MqttRemote remote = toaster(broker.tlsUrl(), "kitchen", false);
    SimToaster sim = keep(new SimToaster(remote, false)).run(0.2);
    assertTrue(remote.drain(Eventually.NETWORK));
    Topics t = remote.topics();
    TestClient ha = login(MosquittoBroker.HA_USER, "ha-retained");
    ha.subscribe("toaster/kitchen/#").subscribe(t.discovery());
    await(
        () ->
            ha.has(t.status(), "online"::equals)
                && !ha.on(t.state()).isEmpty()
                && !ha.on(t.discovery()).isEmpty(),
        () -> "retained messages: " + ha.received());
    assertTrue(ha.on(t.status()).get(0).retained(), "status is retained");
    assertTrue(ha.on(t.state()).get(0).retained(), "state is retained");
    assertTrue(ha.on(t.discovery()).get(0).retained(), "discovery is retained");
    assertEquals("idle", json(ha.on(t.state()).get(0).payload()).get("phase").asText());
    sim.close();
  }

  @Test
  void theRetainedWillSaysOfflineWhenTheToasterDies() throws Exception {
    LoopbackProxy link = keep(new LoopbackProxy(broker.tlsPort));
    String url = link.url().replace("tcp://", "ssl://");
    toaster(url, "hall", false);
    TestClient ha = login(MosquittoBroker.HA_USER, "ha-will");
    ha.subscribe("toaster/hall/status");
    await(() -> ha.has("toaster/hall/status", "online"::equals), () -> "online");
    link.block(true);
    link.cutAll();
    await(
        () -> ha.has("toaster/hall/status", "offline"::equals), () -> "the will: " + ha.received());
    TestClient late = login(MosquittoBroker.HA_USER, "ha-late");
    late.subscribe("toaster/hall/status");
    await(
        () -> late.has("toaster/hall/status", "offline"::equals),
        () -> "retained will for a late subscriber");
    assertTrue(late.on("toaster/hall/status").get(0).retained());
    link.block(false);
    await(
        () -> late.has("toaster/hall/status", "online"::equals),
        () -> "online again after reconnecting");
  }

  @Test
  void aRetainedCommandLeftOnTheBrokerIsIgnored() throws Exception {
    TestClient ha = login(MosquittoBroker.HA_USER, "ha-stale");
    ha.publish("toaster/kitchen/cmd/shade", "7", true);
    ha.subscribe("toaster/kitchen/event");
    try {
      MqttRemote remote = toaster(broker.tlsUrl(), "kitchen", false);
      SimToaster sim = keep(new SimToaster(remote, false));
      await(
          () -> {
            sim.run(0.05);
            return hasEvent(ha, remote.topics(), "rejected");
          },
          () -> "rejected: " + ha.received());
      assertTrue(
          event(ha, remote.topics(), "rejected")
              .get("reason")
              .asText()
              .contains("retained commands are ignored"));
      sim.run(1);
      assertEquals(
          4, sim.controller.snapshot().settings().shade(), "the stale shade 7 was not applied");
    } finally {
      ha.publish("toaster/kitchen/cmd/shade", new byte[0], true);
    }
  }

  @Test
  void theClientCertificateListenerAcceptsAToasterWithItsCertificate() throws Exception {
    MqttRemote remote = toaster(broker.certUrl(), "kitchen", true);
    assertTrue(remote.drain(Eventually.NETWORK));
    TestClient noCert =
        keep(new TestClient(broker.certUrl(), "no-cert"))
            .tls(trustTestCa)
            .login("kitchen", MosquittoBroker.password("kitchen"));
    assertThrows(
        MqttException.class, noCert::connect, "without a client certificate the listener refuses");
  }

  @Test
  void aWrongPasswordIsRefused() throws Exception {
    TestClient c =
        keep(new TestClient(broker.tlsUrl(), "intruder"))
            .tls(trustTestCa)
            .login("kitchen", "guess");
    MqttException e = assertThrows(MqttException.class, c::connect);
    assertTrue(
        e.getReasonCode() == 0x86 || e.getReasonCode() == 0x87,
        "bad user name or password, or not authorised: " + e);
  }

  @Test
  void theAclConfinesEachToasterToItsOwnTopics() throws Exception {
    TestClient ha = login(MosquittoBroker.HA_USER, "ha-acl");
    ha.subscribe("toaster/#").subscribe("homeassistant/#");
    TestClient kitchen = login("kitchen", "kitchen-acl");

    // Publishing into another toaster's tree (or its discovery) goes nowhere...
    kitchen.publish("toaster/hall/cmd/cancel", "PRESS", false);
    kitchen.publish("homeassistant/device/hall/config", "{}", false);
    // ... while its own topics work; these arrive after the denied ones would have.
    kitchen.publish("toaster/kitchen/state", "{\"marker\":1}", false);
    kitchen.publish("homeassistant/device/kitchen/config", "{\"marker\":2}", false);
    await(
        () ->
            ha.has("toaster/kitchen/state", p -> p.contains("marker"))
                && ha.has("homeassistant/device/kitchen/config", p -> p.contains("marker")),
        () -> "own topics: " + ha.received());
    assertFalse(
        ha.received().stream().anyMatch(m -> m.topic().contains("hall")),
        "denied: " + ha.received());

    // Reading another toaster's tree gives nothing either.
    kitchen.trySubscribe("toaster/hall/#");
    kitchen.subscribe("toaster/kitchen/cmd/+");
    ha.publish("toaster/hall/state", "{\"secret\":1}", false);
    ha.publish("toaster/kitchen/cmd/shade", "5", false);
    await(
        () -> kitchen.has("toaster/kitchen/cmd/shade", "5"::equals),
        () -> "own commands: " + kitchen.received());
    assertFalse(
        kitchen.received().stream().anyMatch(m -> m.topic().startsWith("toaster/hall")),
        "another toaster's state must not be readable: " + kitchen.received());
  }
}
