package com.smarttoaster.fleet.collect;

import com.smarttoaster.fleet.FleetLogin;
import com.smarttoaster.fleet.store.FieldEvent;
import com.smarttoaster.fleet.store.FleetDatabase;
import com.smarttoaster.fleet.store.FleetStoreException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.eclipse.paho.mqttv5.client.IMqttToken;
import org.eclipse.paho.mqttv5.client.MqttCallback;
import org.eclipse.paho.mqttv5.client.MqttClient;
import org.eclipse.paho.mqttv5.client.MqttConnectionOptions;
import org.eclipse.paho.mqttv5.client.MqttDisconnectResponse;
import org.eclipse.paho.mqttv5.client.persist.MemoryPersistence;
import org.eclipse.paho.mqttv5.common.MqttException;
import org.eclipse.paho.mqttv5.common.MqttMessage;
import org.eclipse.paho.mqttv5.common.MqttSubscription;
import org.eclipse.paho.mqttv5.common.packet.MqttProperties;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Gathers the toasters' events into the fleet database, at least once end to end and stored exactly
 * once:
 *
 * <ul>
 *   <li>a shared subscription {@code $share/<group>/toaster/+/event} (QoS 1): the collectors of one
 *       group split the stream, each message goes to one of them;
 *   <li>a persistent session (Clean Start off, a session expiry): what the broker sent and this
 *       collector did not acknowledge, and what arrives while it is away, waits in its session;
 *   <li>manual acknowledgements: a message's PUBACK goes out only after the transaction holding its
 *       row has committed. A collector killed before the commit never acknowledged, so the broker
 *       sends the message again when that session reconnects; one killed between the commit and the
 *       PUBACK gets it again and the key (device, run, seq) drops the repeat.
 * </ul>
 *
 * <p>Mosquitto keeps the unacknowledged messages of a shared subscription in the session of the
 * member they were sent to, so a killed collector must come back (systemd restarts it) with the
 * same user for those messages to be stored; meanwhile the other members take the new ones.
 *
 * <p>Threads: Paho's callback thread only queues; one writer thread stores batches and
 * acknowledges.
 */
public final class FleetCollector implements AutoCloseable {
  private static final Logger log = LoggerFactory.getLogger(FleetCollector.class);

  /** The topic filter of every toaster's events. */
  public static final String EVENTS = "toaster/+/event";

  /**
   * @param group the shared subscription's group: collectors of one group split the events
   * @param batchMax most messages in one transaction
   * @param sessionExpiryS how long the broker keeps this collector's session while it is away
   */
  public record Settings(String group, int batchMax, long sessionExpiryS) {
    public Settings {
      if (group == null || !group.matches("[A-Za-z0-9_-]{1,64}")) {
        throw new IllegalArgumentException("group '" + group + "' is not 1-64 of A-Z a-z 0-9 _ -");
      }
      if (batchMax < 1 || batchMax > 10_000) {
        throw new IllegalArgumentException("batch " + batchMax + " is not within 1..10000");
      }
      if (sessionExpiryS < 60 || sessionExpiryS > 7 * 24 * 3600) {
        throw new IllegalArgumentException(
            "session expiry " + sessionExpiryS + " s is not within 60..604800 s");
      }
    }
  }

  /**
   * Told after each commit (the benchmark measures broker-to-row latency with it). Writer thread.
   */
  @FunctionalInterface
  public interface CommitListener {
    void committed(List<FieldEvent> events, long committedNanos);
  }

  private record Incoming(int id, int qos, String topic, byte[] payload) {}

  private final FleetLogin login;
  private final Settings settings;
  private final FleetDatabase db;
  private final CommitListener listener;
  private final BlockingQueue<Incoming> queue = new LinkedBlockingQueue<>();
  private final AtomicLong stored = new AtomicLong();
  private final AtomicLong repeats = new AtomicLong();
  private final AtomicLong refused = new AtomicLong();
  private MqttClient client;
  private Thread writer;
  private volatile boolean closed;

  public FleetCollector(
      FleetLogin login, Settings settings, FleetDatabase db, @Nullable CommitListener listener) {
    this.login = login;
    this.settings = settings;
    this.db = db;
    this.listener = listener == null ? (e, t) -> {} : listener;
  }

  /** Connects, subscribes and starts storing. */
  public void start() throws MqttException {
    // With use_username_as_clientid the broker names the session after the user anyway.
    client = new MqttClient(login.brokerUrl(), login.user(), new MemoryPersistence());
    client.setManualAcks(true);
    client.setCallback(
        new MqttCallback() {
          @Override
          public void disconnected(MqttDisconnectResponse r) {
            log.warn("Collector {} disconnected: {}", login.user(), r.getReasonString());
          }

          @Override
          public void mqttErrorOccurred(MqttException e) {
            log.warn("Collector {}: MQTT error {}", login.user(), e.getMessage());
          }

          @Override
          public void messageArrived(String topic, MqttMessage m) {
            queue.add(new Incoming(m.getId(), m.getQos(), topic, m.getPayload()));
          }

          @Override
          public void deliveryComplete(IMqttToken token) {}

          @Override
          public void connectComplete(boolean reconnect, String serverUri) {
            if (reconnect) {
              subscribeQuietly();
            }
          }

          @Override
          public void authPacketArrived(int reasonCode, MqttProperties properties) {}
        });
    writer = new Thread(this::writeLoop, "fleet-collector-writer");
    writer.setDaemon(true);
    writer.start();
    MqttConnectionOptions o = login.options(false, settings.sessionExpiryS());
    o.setReceiveMaximum(
        Math.max(settings.batchMax() * 2, 100)); // the broker's in-flight window to us
    client.connect(o);
    subscribe();
    log.info(
        "Collector {} storing {} (group {}) into {}", login.user(), EVENTS, settings.group(), db);
  }

  private void subscribe() throws MqttException {
    MqttSubscription s = new MqttSubscription("$share/" + settings.group() + "/" + EVENTS, 1);
    client.subscribe(new MqttSubscription[] {s});
  }

  private void subscribeQuietly() {
    try {
      subscribe();
    } catch (MqttException e) {
      log.warn(
          "Collector {}: cannot subscribe again after reconnecting: {}",
          login.user(),
          e.getMessage());
    }
  }

  private void writeLoop() {
    List<Incoming> batch = new ArrayList<>();
    while (!closed) {
      try {
        if (batch.isEmpty()) {
          Incoming first = queue.poll(200, TimeUnit.MILLISECONDS);
          if (first == null) {
            continue;
          }
          batch.add(first);
          queue.drainTo(batch, settings.batchMax() - 1);
        }
        storeThenAck(batch);
        batch.clear();
      } catch (InterruptedException e) {
        return;
      } catch (FleetStoreException e) {
        // Not acknowledged: the broker keeps them. Try the same batch again after a pause.
        log.error(
            "Collector {}: {}; retrying in 2 s, nothing acknowledged",
            login.user(),
            e.getMessage());
        try {
          Thread.sleep(2000);
        } catch (InterruptedException ie) {
          return;
        }
      }
    }
  }

  private void storeThenAck(List<Incoming> batch) throws FleetStoreException {
    List<FieldEvent> events = new ArrayList<>(batch.size());
    for (Incoming m : batch) {
      try {
        events.add(EventParser.parse(m.topic(), m.payload()));
      } catch (IllegalArgumentException e) {
        refused.incrementAndGet();
        log.warn(
            "Collector {}: dropped a message on {}: {}", login.user(), m.topic(), e.getMessage());
      }
    }
    int added = events.isEmpty() ? 0 : db.insert(events, Instant.now().toString(), login.user());
    long now = System.nanoTime();
    stored.addAndGet(added);
    repeats.addAndGet(events.size() - added);
    listener.committed(events, now);
    for (Incoming m : batch) {
      try {
        client.messageArrivedComplete(m.id(), m.qos()); // only now: the rows are committed
      } catch (MqttException e) {
        // Connection gone: the broker sends it again and the key drops the repeat.
        log.debug("Collector {}: ack of {} not sent: {}", login.user(), m.id(), e.getMessage());
      }
    }
  }

  /** Events stored, repeats dropped by the key, messages refused as malformed, since start. */
  public String counts() {
    return stored.get()
        + " stored, "
        + repeats.get()
        + " repeats dropped, "
        + refused.get()
        + " refused";
  }

  public long stored() {
    return stored.get();
  }

  @Override
  public void close() {
    closed = true;
    try {
      if (writer != null) {
        writer.join(5000);
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    try {
      if (client != null) {
        if (client.isConnected()) {
          // Forcibly: a polite disconnect waits for the messages this collector will never
          // acknowledge now (left in the queue); the broker keeps them in the session instead.
          client.disconnectForcibly(0, 2000);
        }
        client.close();
      }
    } catch (MqttException | RuntimeException e) {
      log.debug("Collector {}: close: {}", login.user(), e.getMessage());
    }
  }
}
