package com.smarttoaster.config;

import static com.smarttoaster.config.ConfigLoaderTest.APPLIANCE;
import static com.smarttoaster.config.ConfigLoaderTest.SOURCE;
import static com.smarttoaster.config.ConfigLoaderTest.onlyProblem;
import static com.smarttoaster.config.ConfigLoaderTest.rejected;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The optional mqtt and history sections. */
class MqttConfigTest {
  @TempDir Path dir;
  private Path password;
  private Path ca;
  private String history;

  @BeforeEach
  void files() throws Exception {
    password = Files.writeString(dir.resolve("mqtt-password"), "s3cret-Pa55\n");
    ca = Files.writeString(dir.resolve("ca.crt"), "-----BEGIN CERTIFICATE-----\n");
    history = "history:\n  databaseFile: " + dir.resolve("history.db") + "\n";
  }

  private String mqtt(String options) {
    return APPLIANCE + history + "mqtt:\n" + options.indent(2);
  }

  @Test
  void noMqttSectionMeansNoMqtt() throws Exception {
    ToasterConfig c = ConfigLoader.parse(APPLIANCE, SOURCE);
    assertNull(c.mqtt());
    assertNull(c.history());
  }

  @Test
  void aFullSectionLoadsAndItsSummaryHidesThePassword() throws Exception {
    ToasterConfig c =
        ConfigLoader.parse(
            mqtt(
                """
        brokerUrl: ssl://broker.lan:8883
        clientId: toaster-kitchen
        username: kitchen
        passwordFile: %s
        caFile: %s
        keepAliveS: 30
        maxReconnectDelayS: 60
        commandRatePerS: 1
        commandBurst: 5
        stateEveryS: 120
        discoveryPrefix: ha
        """
                    .formatted(password, ca)),
            SOURCE);
    MqttConfig m = c.mqtt();
    assertEquals(URI.create("ssl://broker.lan:8883"), m.brokerUrl());
    assertEquals("kitchen", m.username());
    assertEquals(password, m.passwordFile());
    assertEquals(30, m.keepAliveS());
    assertEquals(5, m.commandBurst());
    assertEquals("ha", m.discoveryPrefix());
    assertTrue(m.usesTls());
    assertEquals(dir.resolve("history.db"), c.history().databaseFile());
    assertEquals(10_000, c.history().maxCycles());
    assertFalse(
        m.summary().contains("s3cret") || m.toString().contains("s3cret"),
        "the secret stays in its file");
  }

  @Test
  void defaultsAreFilledIn() throws Exception {
    MqttConfig m = ConfigLoader.parse(mqtt("brokerUrl: tcp://localhost:1883"), SOURCE).mqtt();
    assertEquals("smart-toaster-kitchen", m.clientId());
    assertNull(m.username());
    assertEquals(20, m.keepAliveS());
    assertEquals(60, m.stateEveryS());
    assertEquals("homeassistant", m.discoveryPrefix());
  }

  @Test
  void eachMistakeIsNamedWithItsValueAndLimit() {
    assertEquals(
        "mqtt.brokerUrl is required; expected tcp://HOST:PORT or ssl://HOST:PORT (e.g. ssl://broker.lan:8883)",
        onlyProblem(mqtt("keepAliveS: 20")));
    assertEquals(
        "mqtt.brokerUrl = \"http://broker:80\" is not allowed; expected tcp://HOST:PORT or ssl://HOST:PORT"
            + " (e.g. ssl://broker.lan:8883)",
        onlyProblem(mqtt("brokerUrl: http://broker:80")));
    assertTrue(onlyProblem(mqtt("brokerUrl: tcp://b:70000")).contains("has port 70000"));
    assertEquals(
        "mqtt.keepAliveS = 60 is out of range; expected a number from 15 to 30 s",
        onlyProblem(mqtt("brokerUrl: tcp://b:1883\nkeepAliveS: 60")));
    assertEquals(
        "mqtt.usrname is not a known option; did you mean mqtt.username?",
        onlyProblem(mqtt("brokerUrl: tcp://b:1883\nusrname: x")));
    assertTrue(
        onlyProblem(mqtt("brokerUrl: tcp://b:1883\npassword: hunter2"))
            .startsWith("mqtt.password is not a known option"),
        "no inline password");
    assertTrue(
        onlyProblem(mqtt("brokerUrl: tcp://b:1883\npasswordFile: " + dir.resolve("none")))
            .startsWith("mqtt.passwordFile = \"" + dir.resolve("none") + "\" does not exist"));
    assertEquals(
        "mqtt.passwordFile is set but mqtt.username is not; a password needs a user name: add username,"
            + " or remove passwordFile",
        onlyProblem(mqtt("brokerUrl: tcp://b:1883\npasswordFile: " + password)));
    assertEquals(
        "mqtt.caFile is set but mqtt.brokerUrl = \"tcp://b:1883\" is not TLS; use ssl://HOST:8883 to use"
            + " certificates, or remove caFile",
        onlyProblem(mqtt("brokerUrl: tcp://b:1883\ncaFile: " + ca)));
    assertTrue(
        onlyProblem(mqtt("brokerUrl: ssl://b:8883\nclientCertFile: " + ca))
            .startsWith("mqtt.clientCertFile is set but mqtt.clientKeyFile is not"));
  }

  @Test
  void mqttNeedsAHistoryDatabaseForItsOutbox() {
    String p = onlyProblem(APPLIANCE + "mqtt:\n  brokerUrl: tcp://b:1883\n");
    assertTrue(p.startsWith("history is required with mqtt"), p);
  }

  @Test
  void theHistoryDatabaseMustBeInAnExistingDirectory() {
    String p = onlyProblem(APPLIANCE + "history:\n  databaseFile: /no/such/dir/h.db\n");
    assertTrue(p.contains("is in a directory that does not exist"), p);
    assertEquals(
        "history.maxCycles = 5 is out of range; expected a whole number from 100 to 1000000",
        onlyProblem(APPLIANCE + history + "  maxCycles: 5\n"));
    assertTrue(
        rejected(APPLIANCE + "history:\n  maxCycles: 500\n")
            .getMessage()
            .contains("history.databaseFile is required"));
  }

  @Test
  void aBareDatabaseNameIsLeftForTheStateDirectory() throws Exception {
    // The state directory is known only at start (systemd's $STATE_DIRECTORY): no check here.
    ToasterConfig c =
        ConfigLoader.parse(APPLIANCE + "history:\n  databaseFile: history.db\n", SOURCE);
    assertEquals(java.nio.file.Path.of("history.db"), c.history().databaseFile());
  }

  // ---- mqtt.acceptModelOffers (issue 15)
  // ---------------------------------------------------------

  private static final String FLEET_KEY =
      "model:\n  bundlePublicKey: "
          + com.smarttoaster.modellife.TestBundles.publicKeyBase64()
          + "\n";

  private String offers(boolean stateDir, boolean key, String predictor) {
    String appliance =
        stateDir
            ? APPLIANCE.replace(
                "  deviceId: kitchen\n",
                "  deviceId: kitchen\n  stateDir: /var/lib/smart-toaster\n")
            : APPLIANCE;
    return appliance
        + "controller:\n  predictor: "
        + predictor
        + "\n"
        + history
        + (key ? FLEET_KEY : "")
        + "mqtt:\n  brokerUrl: tcp://localhost:1883\n  acceptModelOffers: true\n";
  }

  @Test
  void modelOffersAreOffByDefaultAndOnWithTheFleetKeyAndAStateDirectory() throws Exception {
    assertFalse(
        ConfigLoader.parse(mqtt("brokerUrl: tcp://localhost:1883"), SOURCE)
            .mqtt()
            .acceptModelOffers());
    assertTrue(ConfigLoader.parse(offers(true, true, "model"), SOURCE).mqtt().acceptModelOffers());
  }

  @Test
  void modelOffersWithoutTheFleetKeyAreRefusedNamingTheKey() {
    String p = onlyProblem(offers(true, false, "model"));
    assertTrue(
        p.contains("mqtt.acceptModelOffers = true needs model.bundlePublicKey")
            && p.contains("is not set"),
        p);
  }

  @Test
  void modelOffersWithoutAStateDirectoryAreRefusedNamingIt() {
    String p = onlyProblem(offers(false, true, "model"));
    assertTrue(
        p.contains("mqtt.acceptModelOffers = true needs appliance.stateDir")
            && p.contains("is not set"),
        p);
  }

  @Test
  void modelOffersForAToasterThatRunsNoModelAreRefused() {
    String p = onlyProblem(offers(true, true, "fallback"));
    assertTrue(p.contains("needs controller.predictor = model, but it is \"fallback\""), p);
  }

  @Test
  void aModelOffersValueThatIsNotABooleanIsRefusedInOneLine() {
    String p = onlyProblem(mqtt("brokerUrl: tcp://localhost:1883\nacceptModelOffers: sometimes"));
    assertTrue(p.startsWith("mqtt.acceptModelOffers"), p);
  }
}
