package com.smarttoaster.config;

import static com.smarttoaster.input.NumberRange.closed;

import com.smarttoaster.input.Format;
import com.smarttoaster.input.NumberRange;
import com.smarttoaster.input.ObjectFields;
import com.smarttoaster.input.Problems;
import java.net.URI;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/** The optional {@code mqtt} section; absent means the appliance does not talk to a broker. */
final class MqttSection {
  static final List<String> OPTIONS =
      List.of(
          "brokerUrl",
          "clientId",
          "username",
          "passwordFile",
          "caFile",
          "clientCertFile",
          "clientKeyFile",
          "keepAliveS",
          "maxReconnectDelayS",
          "commandRatePerS",
          "commandBurst",
          "stateEveryS",
          "discoveryPrefix",
          "acceptModelOffers");

  static final Pattern BROKER_URL =
      Pattern.compile(
          "(tcp|ssl)://([A-Za-z0-9]([A-Za-z0-9.-]{0,253})|\\[[0-9A-Fa-f:.]{2,45}\\])(:([0-9]{1,5}))?");
  static final Pattern CLIENT_ID = Pattern.compile("[A-Za-z0-9_-]{1,64}");
  static final Pattern USERNAME = Pattern.compile("[A-Za-z0-9._@-]{1,64}");
  static final Pattern FILE_NAME = Pattern.compile("[^\\x00-\\x1f\\x7f]{1,4096}");
  static final Pattern TOPIC_PREFIX = Pattern.compile("[A-Za-z0-9_-]{1,64}");

  /** MQTT keepalive; the will goes out within 1.5 × this after a silent loss. */
  static final NumberRange KEEP_ALIVE_S = closed(15, 30, "s");

  static final NumberRange MAX_RECONNECT_DELAY_S = closed(1, 600, "s");
  static final NumberRange COMMAND_RATE_PER_S = closed(0.1, 50, "commands/s");
  static final NumberRange STATE_EVERY_S = closed(10, 3600, "s");
  static final long MAX_PASSWORD_FILE_BYTES = 4096;

  private MqttSection() {}

  static MqttConfig read(ObjectFields f, String deviceId) {
    MqttConfig d =
        MqttConfig.forBroker(URI.create("tcp://localhost:1883"), "smart-toaster-" + deviceId);
    Optional<URI> url =
        f.text(
                "brokerUrl",
                true,
                BROKER_URL,
                "tcp://HOST:PORT or ssl://HOST:PORT (e.g. ssl://broker.lan:8883)")
            .flatMap(u -> brokerUri(f, u));
    String clientId =
        f.text("clientId", false, CLIENT_ID, "1 to 64 characters from A-Z, a-z, 0-9, _ and -")
            .orElse(d.clientId());
    String username =
        f.text("username", false, USERNAME, "1 to 64 characters from A-Z, a-z, 0-9 and . _ @ -")
            .orElse(null);
    Path passwordFile =
        readableFile(
            f, "passwordFile", "a file holding the broker password on its first line (chmod 600)");
    Path caFile =
        readableFile(
            f, "caFile", "a PEM file of the CA certificates that signed the broker's certificate");
    Path certFile = readableFile(f, "clientCertFile", "a PEM client certificate");
    Path keyFile = readableFile(f, "clientKeyFile", "a PEM PKCS#8 private key (BEGIN PRIVATE KEY)");
    MqttConfig c =
        new MqttConfig(
            url.orElse(d.brokerUrl()),
            clientId,
            username,
            passwordFile,
            caFile,
            certFile,
            keyFile,
            f.decimal("keepAliveS", KEEP_ALIVE_S).orElse(d.keepAliveS()),
            f.decimal("maxReconnectDelayS", MAX_RECONNECT_DELAY_S).orElse(d.maxReconnectDelayS()),
            f.decimal("commandRatePerS", COMMAND_RATE_PER_S).orElse(d.commandRatePerS()),
            (int) f.integer("commandBurst", 1, 100).orElse(d.commandBurst()),
            f.decimal("stateEveryS", STATE_EVERY_S).orElse(d.stateEveryS()),
            f.text(
                    "discoveryPrefix",
                    false,
                    TOPIC_PREFIX,
                    "1 to 64 characters from A-Z, a-z, 0-9, _ and -")
                .orElse(d.discoveryPrefix()),
            f.bool("acceptModelOffers", false).orElse(false));
    checkRelations(f, c, url.isPresent());
    return c;
  }

  private static Optional<URI> brokerUri(ObjectFields f, String text) {
    Matcher m = BROKER_URL.matcher(text);
    if (!m.matches()) {
      return Optional.empty();
    }
    if (m.group(5) != null) {
      int port = Integer.parseInt(m.group(5));
      if (port < 1 || port > 65535) {
        f.problems()
            .add(
                f.path("brokerUrl"),
                f.path("brokerUrl")
                    + " = \""
                    + text
                    + "\" has port "
                    + port
                    + "; expected a port from 1 to 65535 (1883 for tcp://, 8883 for ssl://)");
        return Optional.empty();
      }
    }
    return Optional.of(URI.create(text));
  }

  private static @Nullable Path readableFile(ObjectFields f, String key, String what) {
    Optional<String> name = f.text(key, false, FILE_NAME, "the path of " + what);
    if (name.isEmpty()) {
      return null;
    }
    Path p = Path.of(name.get());
    String problem =
        ConfigFile.problemWith(
            p,
            key.equals("passwordFile") ? MAX_PASSWORD_FILE_BYTES : Long.MAX_VALUE,
            "a password file is at most ");
    if (problem != null) {
      f.problems()
          .add(
              f.path(key),
              f.path(key)
                  + " = "
                  + Format.value(com.fasterxml.jackson.databind.node.TextNode.valueOf(name.get()))
                  + " "
                  + problem
                  + "; expected "
                  + what
                  + ", or leave "
                  + key
                  + " out");
      return null;
    }
    return p;
  }

  private static void checkRelations(ObjectFields f, MqttConfig c, boolean urlValid) {
    Problems problems = f.problems();
    if (c.passwordFile() != null && c.username() == null && !problems.has(f.path("username"))) {
      problems.add(
          f.path("passwordFile"),
          f.path("passwordFile")
              + " is set but "
              + f.path("username")
              + " is not; a password needs a user name: add username, or remove passwordFile");
    }
    if (urlValid && !c.usesTls()) {
      for (String key : List.of("caFile", "clientCertFile", "clientKeyFile")) {
        if (f.has(key) && !problems.has(f.path(key))) {
          problems.add(
              f.path(key),
              f.path(key)
                  + " is set but "
                  + f.path("brokerUrl")
                  + " = \""
                  + c.brokerUrl()
                  + "\" is not TLS; use ssl://HOST:8883 to use certificates, or remove "
                  + key);
        }
      }
    }
    boolean cert = f.has("clientCertFile");
    boolean key = f.has("clientKeyFile");
    if (cert != key) {
      String given = cert ? "clientCertFile" : "clientKeyFile";
      String missing = cert ? "clientKeyFile" : "clientCertFile";
      problems.add(
          f.path(missing),
          f.path(given)
              + " is set but "
              + f.path(missing)
              + " is not; a client certificate needs both its certificate and its private key");
    }
  }
}
