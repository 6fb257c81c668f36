package com.smarttoaster.fleet;

import com.smarttoaster.remote.TlsFiles;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import org.eclipse.paho.mqttv5.client.MqttConnectionOptions;
import org.jspecify.annotations.Nullable;

/**
 * How a fleet tool logs in to the broker: its own user (the collector and the rollout tool each
 * have one, with their own ACL entries in config/mosquitto/acl), never a toaster's or Home
 * Assistant's. With {@code use_username_as_clientid} the user name is also the session, so two
 * collectors need two users.
 *
 * @param brokerUrl {@code ssl://HOST:8883} (or {@code tcp://} on a test broker)
 * @param user the broker user name
 * @param password its password
 * @param caFile the CA that signed the broker's certificate, or null for the JVM's trust store
 */
public record FleetLogin(
    String brokerUrl, String user, @Nullable String password, @Nullable Path caFile) {
  public FleetLogin {
    if (brokerUrl == null || !(brokerUrl.startsWith("ssl://") || brokerUrl.startsWith("tcp://"))) {
      throw new IllegalArgumentException(
          "broker url '" + brokerUrl + "' is not ssl://HOST:PORT or tcp://HOST:PORT");
    }
    if (user == null || user.isBlank()) {
      throw new IllegalArgumentException(
          "a broker user is needed (the fleet tools never connect anonymously)");
    }
  }

  /**
   * @param cleanStart false for a session that outlives the connection
   * @param sessionExpiryS how long the broker keeps the session (and its queued messages) after a
   *     disconnect
   */
  public MqttConnectionOptions options(boolean cleanStart, long sessionExpiryS) {
    MqttConnectionOptions o = new MqttConnectionOptions();
    o.setCleanStart(cleanStart);
    o.setSessionExpiryInterval(sessionExpiryS);
    o.setUserName(user);
    if (password != null) {
      o.setPassword(password.getBytes(StandardCharsets.UTF_8));
    }
    if (brokerUrl.startsWith("ssl://")) {
      o.setSocketFactory(TlsFiles.socketFactory(caFile, null, null));
      o.setHttpsHostnameVerificationEnabled(true);
    }
    o.setAutomaticReconnect(true);
    o.setAutomaticReconnectDelay(1, 30);
    o.setConnectionTimeout(10);
    o.setKeepAliveInterval(30);
    return o;
  }

  @Override
  public String toString() {
    return user + "@" + brokerUrl; // never the password
  }
}
