package com.smarttoaster.fleet.rollout;

import com.smarttoaster.fleet.FleetLogin;
import org.eclipse.paho.mqttv5.client.MqttClient;
import org.eclipse.paho.mqttv5.client.persist.MemoryPersistence;
import org.eclipse.paho.mqttv5.common.MqttException;

/**
 * Offers over MQTT as the rollout tool's own user, which the shipped ACL lets write offers and
 * bundle parts and nothing else (config/mosquitto/acl).
 */
public final class MqttOfferPublisher implements OfferPublisher, AutoCloseable {
  private static final int MAX_ATTEMPTS = 100;
  private final MqttClient client;

  public MqttOfferPublisher(FleetLogin login) throws MqttException {
    client = new MqttClient(login.brokerUrl(), login.user(), new MemoryPersistence());
    client.connect(login.options(true, 0));
  }

  @Override
  public void publishRetained(String topic, byte[] payload)
      throws MqttException, InterruptedException {
    for (int attempt = 1; ; attempt++) {
      try {
        client.publish(topic, payload, 1, true); // returns once the broker acknowledged it
        return;
      } catch (MqttException e) {
        // Paho frees the in-flight slot of the previous PUBACK a moment after it reports the
        // delivery, so a publish right after can find the broker's window "full" (32202).
        if (e.getReasonCode()
                != org.eclipse.paho.mqttv5.client.MqttClientException.REASON_CODE_MAX_INFLIGHT
            || attempt >= MAX_ATTEMPTS) {
          throw e;
        }
        Thread.sleep(20);
      }
    }
  }

  @Override
  public void close() throws MqttException {
    if (client.isConnected()) {
      client.disconnect(5000);
    }
    client.close();
  }
}
