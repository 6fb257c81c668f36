package com.smarttoaster.remote;

import static com.smarttoaster.remote.Eventually.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.smarttoaster.appliance.RunningModel;
import com.smarttoaster.config.ModelConfig;
import com.smarttoaster.config.MqttConfig;
import com.smarttoaster.fleet.FleetLogin;
import com.smarttoaster.fleet.offer.BundleParts;
import com.smarttoaster.fleet.offer.DeviceOffers;
import com.smarttoaster.fleet.offer.ModelOffer;
import com.smarttoaster.fleet.rollout.MqttOfferPublisher;
import com.smarttoaster.history.InMemoryCycleHistory;
import com.smarttoaster.history.InMemoryEventOutbox;
import com.smarttoaster.modellife.BundleKeys;
import com.smarttoaster.modellife.BundleSigner;
import com.smarttoaster.modellife.ModelStore;
import com.smarttoaster.modellife.ModelVersion;
import com.smarttoaster.modellife.TestBundles;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import javax.net.ssl.SSLSocketFactory;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A real toaster's remote with mqtt.acceptModelOffers over the shipped Mosquitto (TLS, passwords,
 * the shipped ACL: the toaster may only read its own offer and the bundles' parts), offered a
 * bundle by the rollout tool's publisher logged in as fleet-rollout: a bundle signed with the fleet
 * key is installed and activated in the device's own model store (the one the running service
 * follows); one signed with another key installs nothing; with the option off the toaster never
 * subscribes. Every outcome is a {@code model} event on the toaster's event topic.
 */
@Tag("network")
class ModelOffersOverMqttTest {
  @TempDir static Path dir;
  static MosquittoBroker broker;
  static SSLSocketFactory trustTestCa;
  private final List<AutoCloseable> open = new ArrayList<>();

  @BeforeAll
  static void startMosquitto() throws Exception {
    MosquittoBroker.assumeInstalled();
    broker =
        new MosquittoBroker(
            Files.createDirectories(dir.resolve("broker")),
            List.of("fleet-rollout", "oven-b", "oven-c"));
    trustTestCa = TlsFiles.socketFactory(broker.ca(), null, null);
  }

  @AfterAll
  static void stopMosquitto() throws Exception {
    if (broker != null) {
      broker.close();
    }
  }

  @AfterEach
  void closeAll() throws Exception {
    for (int i = open.size() - 1; i >= 0; i--) {
      open.get(i).close();
    }
  }

  private <T extends AutoCloseable> T keep(T c) {
    open.add(c);
    return c;
  }

  /**
   * A toaster as `run` builds it: its remote over TLS with its login, its model store, offers wired
   * if on.
   */
  private record Device(MqttRemote remote, ModelStore store, boolean accepting) {}

  private Device device(String id, boolean acceptOffers, Path state) throws Exception {
    MqttConfig cfg =
        MqttConfig.forBroker(URI.create(broker.tlsUrl()), "toaster-" + id)
            .withLogin(id, broker.passwordFile(id))
            .withTls(broker.ca(), null, null)
            .withModelOffers(acceptOffers);
    Topics t = new Topics(id, "homeassistant");
    MqttRemote remote =
        keep(
            RemoteFixture.remote(
                PahoTransport.fromConfig(cfg, t.status(), EventPublisher.OFFLINE),
                id,
                new InMemoryCycleHistory(10),
                new InMemoryEventOutbox(100),
                2,
                10));
    RunningModel models =
        keep(
            RunningModel.open(
                "model", new ModelConfig(TestBundles.publicKeyBase64()), Optional.of(state)));
    boolean accepting = DeviceOffers.acceptIfConfigured(cfg, id, remote, models.store());
    assertTrue(remote.awaitConnected(Eventually.NETWORK), "see " + dir + "/broker/mosquitto.log");
    return new Device(remote, models.store(), accepting);
  }

  private TestClient homeAssistant(String id) throws Exception {
    TestClient ha =
        keep(new TestClient(broker.tlsUrl(), "ha-" + id))
            .tls(trustTestCa)
            .login(MosquittoBroker.HA_USER, MosquittoBroker.password(MosquittoBroker.HA_USER))
            .connect();
    ha.subscribe(new Topics(id, "homeassistant").event());
    return ha;
  }

  /**
   * Publishes the bundle's parts and the offer to {@code devices}, retained, as the rollout tool
   * does.
   */
  private void offer(String rollout, byte[] bundle, String version, String... devices)
      throws Exception {
    try (MqttOfferPublisher p =
        new MqttOfferPublisher(
            new FleetLogin(
                broker.tlsUrl(),
                "fleet-rollout",
                MosquittoBroker.password("fleet-rollout"),
                broker.ca()))) {
      List<byte[]> parts = BundleParts.split(bundle);
      for (int i = 0; i < parts.size(); i++) {
        p.publishRetained(ModelOffer.partTopic(version, i), parts.get(i));
      }
      byte[] offer =
          ModelOffer.install(
                  rollout, version, BundleParts.sha256(bundle), bundle.length, parts.size())
              .toJson();
      for (String d : devices) {
        p.publishRetained(ModelOffer.offerTopic(d), offer);
      }
    }
  }

  private static JsonNode modelEvent(TestClient ha, String id) {
    return RemoteFixture.event(ha, new Topics(id, "homeassistant"), "model");
  }

  @Test
  void aBundleSignedWithTheFleetKeyIsInstalledActivatedAndReported() throws Exception {
    String v = "2099.01.05.000000-offered";
    Device kitchen = device("kitchen", true, dir.resolve("kitchen-1"));
    assertTrue(kitchen.accepting());
    TestClient ha = homeAssistant("kitchen");
    offer("r-good", TestBundles.bundle(v).toBytes(), v, "kitchen");

    await(
        () -> RemoteFixture.hasEvent(ha, new Topics("kitchen", "homeassistant"), "model"),
        () -> "a model event: " + ha.received());
    JsonNode e = modelEvent(ha, "kitchen");
    assertEquals("installed and activated " + v, e.get("reason").asText());
    assertEquals(v, e.get("model").get("active").asText());
    assertTrue(e.get("model").get("candidate").isNull());
    assertEquals(
        v,
        kitchen.store().active().active(),
        "active in the store whose pointer the running service follows (RunningModel.follow)");
    assertEquals(List.of(v), kitchen.store().installedVersions());

    Topics t = new Topics("kitchen", "homeassistant");
    ha.subscribe(
        t.discovery()); // retained: Home Assistant's event entity is told about the new type
    await(() -> !ha.on(t.discovery()).isEmpty(), () -> "discovery: " + ha.received());
    assertTrue(
        RemoteFixture.json(ha.on(t.discovery()).get(0).payload())
            .get("cmps")
            .get("events")
            .get("event_types")
            .toString()
            .contains("\"model\""));
  }

  @Test
  void aBundleSignedWithAnotherKeyIsRefusedAndNothingIsInstalled() throws Exception {
    String v = "2099.01.06.000000-foreign";
    Device oven = device("oven-b", true, dir.resolve("oven-b"));
    TestClient ha = homeAssistant("oven-b");
    byte[] foreign =
        BundleSigner.sign(
                TestBundles.factoryModel(), TestBundles.card(v), BundleKeys.generate().getPrivate())
            .toBytes();
    offer("r-foreign", foreign, v, "oven-b");

    await(
        () -> RemoteFixture.hasEvent(ha, new Topics("oven-b", "homeassistant"), "model"),
        () -> "a model event: " + ha.received());
    JsonNode e = modelEvent(ha, "oven-b");
    String reason = e.get("reason").asText();
    assertTrue(
        reason.startsWith("refused offer r-foreign: ") && reason.contains("does not verify"),
        reason);
    assertEquals(ModelVersion.FACTORY, e.get("model").get("active").asText());
    assertEquals(ModelVersion.FACTORY, oven.store().active().active());
    assertEquals(List.of(), oven.store().installedVersions());
  }

  @Test
  void withTheOptionOffAnOfferChangesNothing() throws Exception {
    String v = "2099.01.07.000000-unasked";
    Device hall = device("hall", false, dir.resolve("hall"));
    assertFalse(hall.accepting(), "no subscription without mqtt.acceptModelOffers");
    TestClient haHall = homeAssistant("hall");
    // A second toaster that accepts offers, offered the same bundle after the hall: once it has
    // installed it, the hall had every chance to see its own (retained) offer.
    Device kitchen = device("oven-c", true, dir.resolve("oven-c"));
    TestClient haKitchen = homeAssistant("oven-c");
    offer("r-off", TestBundles.bundle(v).toBytes(), v, "hall", "oven-c");

    await(
        () -> RemoteFixture.hasEvent(haKitchen, new Topics("oven-c", "homeassistant"), "model"),
        () -> "the accepting toaster's model event: " + haKitchen.received());
    assertTrue(hall.remote().drain(Eventually.NETWORK));
    assertEquals(v, kitchen.store().active().active());
    assertEquals(ModelVersion.FACTORY, hall.store().active().active());
    assertEquals(List.of(), hall.store().installedVersions());
    assertFalse(
        RemoteFixture.hasEvent(haHall, new Topics("hall", "homeassistant"), "model"),
        haHall.received().toString());
  }
}
