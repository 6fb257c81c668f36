package com.smarttoaster.config;

import java.net.URI;
import java.nio.file.Path;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * The {@code mqtt} section: how the appliance reaches its broker. Secrets are never held here, only
 * the file they are read from when connecting, so this record can be logged.
 *
 * @param brokerUrl {@code tcp://host:port} or {@code ssl://host:port}
 * @param clientId MQTT client id; unique per broker
 * @param username user name, or null for an anonymous connection
 * @param passwordFile file whose first line is the password, or null (requires a username)
 * @param caFile PEM file of the CA certificates that sign the broker's certificate, or null for the
 *     JVM's default trust store (ssl:// only)
 * @param clientCertFile PEM client certificate (chain), or null (ssl:// only; with clientKeyFile)
 * @param clientKeyFile PEM PKCS#8 private key of the client certificate, or null
 * @param keepAliveS MQTT keepalive, s (15..30): the broker publishes the will within 1.5 × this
 * @param maxReconnectDelayS longest pause between connection attempts, s
 * @param commandRatePerS commands accepted per second on average (token bucket refill)
 * @param commandBurst commands accepted in a burst (token bucket size)
 * @param stateEveryS the retained state is republished at least this often, s, even unchanged
 * @param discoveryPrefix Home Assistant's discovery prefix
 * @param acceptModelOffers subscribe to the fleet's model offers ({@code fleet/offer/<deviceId>})
 *     and install and activate the bundles signed with model.bundlePublicKey (docs/fleet.md)
 */
public record MqttConfig(
    URI brokerUrl,
    String clientId,
    @Nullable String username,
    @Nullable Path passwordFile,
    @Nullable Path caFile,
    @Nullable Path clientCertFile,
    @Nullable Path clientKeyFile,
    double keepAliveS,
    double maxReconnectDelayS,
    double commandRatePerS,
    int commandBurst,
    double stateEveryS,
    String discoveryPrefix,
    boolean acceptModelOffers) {

  public MqttConfig {
    Objects.requireNonNull(brokerUrl, "brokerUrl");
    Objects.requireNonNull(clientId, "clientId");
    Objects.requireNonNull(discoveryPrefix, "discoveryPrefix");
  }

  /**
   * A plain connection with every other option at its default (for {@code simulate --mqtt-url}).
   */
  public static MqttConfig forBroker(URI brokerUrl, String clientId) {
    return new MqttConfig(
        brokerUrl,
        clientId,
        null,
        null,
        null,
        null,
        null,
        20,
        30,
        2,
        10,
        60,
        "homeassistant",
        false);
  }

  /** True for an {@code ssl://} broker. */
  public boolean usesTls() {
    return "ssl".equals(brokerUrl.getScheme());
  }

  /** The same config with other command rate limits (tests and benchmarks). */
  public MqttConfig withCommandRate(double ratePerS, int burst) {
    return new MqttConfig(
        brokerUrl,
        clientId,
        username,
        passwordFile,
        caFile,
        clientCertFile,
        clientKeyFile,
        keepAliveS,
        maxReconnectDelayS,
        ratePerS,
        burst,
        stateEveryS,
        discoveryPrefix,
        acceptModelOffers);
  }

  /** The same config with a user name and password file. */
  public MqttConfig withLogin(String user, Path password) {
    return new MqttConfig(
        brokerUrl,
        clientId,
        user,
        password,
        caFile,
        clientCertFile,
        clientKeyFile,
        keepAliveS,
        maxReconnectDelayS,
        commandRatePerS,
        commandBurst,
        stateEveryS,
        discoveryPrefix,
        acceptModelOffers);
  }

  /** The same config with TLS files. */
  public MqttConfig withTls(Path ca, Path clientCert, Path clientKey) {
    return new MqttConfig(
        brokerUrl,
        clientId,
        username,
        passwordFile,
        ca,
        clientCert,
        clientKey,
        keepAliveS,
        maxReconnectDelayS,
        commandRatePerS,
        commandBurst,
        stateEveryS,
        discoveryPrefix,
        acceptModelOffers);
  }

  /** The same config with model offers accepted or not. */
  public MqttConfig withModelOffers(boolean accept) {
    return new MqttConfig(
        brokerUrl,
        clientId,
        username,
        passwordFile,
        caFile,
        clientCertFile,
        clientKeyFile,
        keepAliveS,
        maxReconnectDelayS,
        commandRatePerS,
        commandBurst,
        stateEveryS,
        discoveryPrefix,
        accept);
  }

  /** For logs: the broker, the client id and the user, never the password. */
  public String summary() {
    return brokerUrl
        + " as client "
        + clientId
        + (username == null ? " (anonymous)" : " user " + username)
        + (usesTls()
            ? ", TLS"
                + (caFile == null ? " (system CAs)" : " (CA " + caFile + ")")
                + (clientCertFile == null ? "" : " with client certificate " + clientCertFile)
            : "");
  }
}
