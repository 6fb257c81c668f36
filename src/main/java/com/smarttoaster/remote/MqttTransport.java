package com.smarttoaster.remote;

import java.util.concurrent.CompletableFuture;

/**
 * The little of an MQTT client that the appliance needs, so the client library can be swapped (it
 * went from Paho's mqttv3 to its mqttv5 client, issue 12). Implementations connect in the
 * background, retry until closed, and never block the caller on the network.
 */
public interface MqttTransport extends AutoCloseable {
  /**
   * Starts connecting (with the will set up at construction) and keeps reconnecting after a loss
   * until {@link #close()}. Returns at once.
   */
  void start(Listener listener);

  boolean isConnected();

  /**
   * Hands a message to the client without waiting for the network.
   *
   * @param qos 0 or 1
   * @return completes when the broker accepted the message (QoS 1: its PUBACK; QoS 0: once
   *     written), or exceptionally when it could not be sent (e.g. not connected)
   */
  CompletableFuture<Void> publish(String topic, byte[] payload, int qos, boolean retained);

  /**
   * Subscribes; completes when the broker acknowledged. Subscriptions do not outlive a connection.
   */
  CompletableFuture<Void> subscribe(String topicFilter, int qos);

  /** Disconnects cleanly (the broker does not publish the will) and stops reconnecting. */
  @Override
  void close();

  /**
   * Hears the connection and incoming messages. Called on the client's own threads: it must return
   * quickly and must not block or call back into the transport synchronously.
   */
  interface Listener {
    /**
     * Connected; {@code reconnect} is true after a lost connection was restored. Subscribe again
     * here.
     */
    void onConnected(boolean reconnect);

    void onConnectionLost(String reason);

    void onMessage(String topic, byte[] payload, int qos, boolean retained);
  }
}
