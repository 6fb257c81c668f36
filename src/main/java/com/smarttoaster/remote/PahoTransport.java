package com.smarttoaster.remote;

import com.smarttoaster.config.MqttConfig;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import javax.net.SocketFactory;
import org.eclipse.paho.mqttv5.client.IMqttToken;
import org.eclipse.paho.mqttv5.client.MqttActionListener;
import org.eclipse.paho.mqttv5.client.MqttAsyncClient;
import org.eclipse.paho.mqttv5.client.MqttCallback;
import org.eclipse.paho.mqttv5.client.MqttClientException;
import org.eclipse.paho.mqttv5.client.MqttConnectionOptions;
import org.eclipse.paho.mqttv5.client.MqttDisconnectResponse;
import org.eclipse.paho.mqttv5.client.persist.MemoryPersistence;
import org.eclipse.paho.mqttv5.common.MqttException;
import org.eclipse.paho.mqttv5.common.MqttMessage;
import org.eclipse.paho.mqttv5.common.MqttSubscription;
import org.eclipse.paho.mqttv5.common.packet.MqttProperties;
import org.eclipse.paho.mqttv5.common.packet.MqttReturnCode;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@link MqttTransport} over Eclipse Paho's asynchronous MQTT 5 client. What MQTT 5 gives the
 * toaster, and why each setting:
 *
 * <ul>
 *   <li><b>Maximum Packet Size</b> in CONNECT ({@link #MAX_PACKET_BYTES}): the broker must not send
 *       a larger packet (it drops it for us). So a 150 MB publish on a command topic never reaches
 *       the heap (issue 12: one message made a -Xmx96m service die mid-cycle). The value is above
 *       our own largest packet (the discovery message) because Paho 1.2.5 mixes the two limits up:
 *       it checks what we send against our CONNECT value and what we receive against the broker's
 *       CONNACK value ({@code ClientState.getOutgoingMaximumPacketSize}); with a value that fits
 *       both, either reading holds.
 *   <li><b>Retain As Published</b> on every subscription: a command published with the retain flag
 *       arrives flagged on live delivery too, so it can be rejected (MQTT 3.1.1 brokers clear the
 *       flag on live delivery).
 *   <li><b>No session beyond the connection</b> (Clean Start, Session Expiry Interval 0): a command
 *       published while the toaster was away is never delivered later; on a live connection
 *       commands arrive within milliseconds, and one published with a Message Expiry is dropped by
 *       the broker once it expired. So no command older than a few seconds reaches the controller.
 *       (Resuming a session for a few seconds after a blip was tried: Paho 1.2.5 then reconnects to
 *       an expired session with a protocol error, 0x82, over and over.)
 *   <li>The will (retained {@code offline}) and in-memory persistence (no lock files on the SD
 *       card), as with 3.1.1.
 * </ul>
 *
 * <p>MQTT 3.1.1 is not offered: it cannot bound what the broker sends nor show a retained command
 * as retained, and every supported broker (Mosquitto 2, EMQX, HiveMQ, Home Assistant's add-on,
 * which is Mosquitto) speaks MQTT 5.
 *
 * <p>Publishes beyond the broker's Receive Maximum wait in a {@link PublishQueue} and go out as
 * acknowledgements come back. Nothing here blocks the caller. They are never handed to Paho while
 * its window is full: Paho 1.2.5 refuses such a publish, but only after it has given a new topic
 * its MQTT 5 topic alias (ClientState.send; paho.mqtt.java #510, #1104), so the topic's next
 * publish would go out as an alias the broker never saw and the broker would drop the connection
 * for a protocol error (reason code 130; {@code TopicAliasWindowTest}). The queue therefore counts
 * Paho's outstanding tokens, which are never fewer than the publishes in its window, against the
 * Receive Maximum from the broker's CONNACK, and hands Paho one publish at a time (its alias
 * counter is not thread-safe).
 */
public final class PahoTransport implements MqttTransport {
  private static final Logger log = LoggerFactory.getLogger(PahoTransport.class);

  /**
   * The largest packet the broker may send us, bytes. A command is at most 32 bytes of payload, but
   * Paho 1.2.5 also applies this to what we send (see above), and discovery is some kilobytes.
   */
  public static final long MAX_PACKET_BYTES = 16 * 1024;

  /** The broker keeps no session (nor commands queued for it) once the connection is gone. */
  public static final long SESSION_EXPIRY_S = 0;

  static final int CONNECT_TIMEOUT_S = 10;

  /**
   * How to connect. The password is kept only here, in memory, and never printed.
   *
   * @param serverUri tcp://host:port or ssl://host:port
   * @param clientId client id; with a user name it is the user name (see {@link #clientIdFor})
   * @param username user name or null
   * @param password password or null
   * @param socketFactory TLS socket factory, or null for the default
   * @param keepAliveS keepalive, s
   * @param maxReconnectDelayS longest pause between attempts, s
   * @param willTopic where the broker publishes the will (retained)
   * @param willPayload the will's payload
   */
  public record Settings(
      String serverUri,
      String clientId,
      @Nullable String username,
      char @Nullable [] password,
      @Nullable SocketFactory socketFactory,
      int keepAliveS,
      int maxReconnectDelayS,
      String willTopic,
      byte[] willPayload) {
    @Override
    public String toString() {
      return serverUri + " as " + clientId + (username == null ? "" : " user " + username);
    }
  }

  private final Settings settings;
  private final MqttAsyncClient client;
  private final MqttConnectionOptions options;
  private final ScheduledExecutorService retry;
  private final PublishQueue<Outgoing> queue;
  private volatile @Nullable Listener listener;
  private volatile boolean closed;
  private volatile boolean everConnected;

  /**
   * The broker's Receive Maximum from its first CONNACK; one until then. Paho's automatic
   * reconnections do not show theirs, so a broker restarted with a smaller window is learnt from
   * Paho's refusal instead (see {@link #trySend}).
   */
  private volatile int receiveMaximum = 1;

  private record Outgoing(String topic, MqttMessage message) {}

  public PahoTransport(Settings settings) {
    this.settings = settings;
    try {
      this.client =
          new MqttAsyncClient(settings.serverUri(), settings.clientId(), new MemoryPersistence());
    } catch (MqttException e) {
      throw new TransportException(
          "cannot create an MQTT client for " + settings + ": " + e.getMessage(), e);
    }
    this.options = options();
    this.retry =
        Executors.newSingleThreadScheduledExecutor(
            r -> {
              Thread t = new Thread(r, "mqtt-connect-" + settings.clientId());
              t.setDaemon(true);
              return t;
            });
    this.queue = new PublishQueue<>(this::trySend, retry);
  }

  /**
   * The client id a toaster uses: its user name when it logs in, so that it is the same id the
   * broker enforces ({@code use_username_as_clientid true} in the shipped config) and another
   * device's credentials can never claim it; the configured id for an anonymous connection.
   */
  public static String clientIdFor(MqttConfig c) {
    return c.username() != null ? c.username() : c.clientId();
  }

  /**
   * The transport a config describes: reads the password file and the TLS files now, so a problem
   * shows at start-up.
   *
   * @throws TransportException naming the file and the problem
   */
  public static PahoTransport fromConfig(MqttConfig c, String willTopic, byte[] willPayload) {
    char[] password = c.passwordFile() == null ? null : readPassword(c.passwordFile());
    SocketFactory tls =
        c.usesTls()
            ? TlsFiles.socketFactory(c.caFile(), c.clientCertFile(), c.clientKeyFile())
            : null;
    return new PahoTransport(
        new Settings(
            c.brokerUrl().toString(),
            clientIdFor(c),
            c.username(),
            password,
            tls,
            (int) Math.round(c.keepAliveS()),
            (int) Math.ceil(c.maxReconnectDelayS()),
            willTopic,
            willPayload));
  }

  static char[] readPassword(Path file) {
    try {
      List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
      if (lines.isEmpty() || lines.get(0).isEmpty()) {
        throw new TransportException(
            "the password file " + file + " has an empty first line; put the password there");
      }
      return lines.get(0).toCharArray();
    } catch (IOException e) {
      throw new TransportException(
          "cannot read the password file " + file + ": " + e.getMessage(), e);
    }
  }

  @Override
  public void start(Listener l) {
    this.listener = l;
    client.setCallback(
        new MqttCallback() {
          @Override
          public void connectComplete(boolean reconnect, String serverUri) {
            everConnected = true;
            log.info("MQTT {} to {}", reconnect ? "reconnected" : "connected", settings);
            l.onConnected(reconnect);
            queue.drain();
          }

          @Override
          public void disconnected(MqttDisconnectResponse response) {
            String why = response == null ? "unknown reason" : describe(response);
            log.warn("MQTT connection to {} lost ({}); reconnecting", settings.serverUri(), why);
            queue.failAll("connection lost: " + why);
            l.onConnectionLost(why);
          }

          @Override
          public void mqttErrorOccurred(MqttException e) {
            log.warn("MQTT error from {}: {}", settings.serverUri(), describe(e));
          }

          @Override
          public void messageArrived(String topic, MqttMessage message) {
            l.onMessage(topic, message.getPayload(), message.getQos(), message.isRetained());
          }

          @Override
          public void deliveryComplete(IMqttToken token) {}

          @Override
          public void authPacketArrived(int reasonCode, MqttProperties properties) {}
        });
    attempt(1);
  }

  private MqttConnectionOptions options() {
    MqttConnectionOptions o = new MqttConnectionOptions();
    o.setCleanStart(true);
    o.setSessionExpiryInterval(SESSION_EXPIRY_S);
    o.setMaximumPacketSize(MAX_PACKET_BYTES);
    o.setAutomaticReconnect(true);
    o.setAutomaticReconnectDelay(1, Math.max(1, settings.maxReconnectDelayS()));
    o.setKeepAliveInterval(settings.keepAliveS());
    o.setConnectionTimeout(CONNECT_TIMEOUT_S);
    MqttMessage will = new MqttMessage(settings.willPayload(), 1, true, null);
    o.setWill(settings.willTopic(), will);
    if (settings.username() != null) {
      o.setUserName(settings.username());
    }
    if (settings.password() != null) {
      o.setPassword(new String(settings.password()).getBytes(StandardCharsets.UTF_8));
    }
    if (settings.socketFactory() != null) {
      o.setSocketFactory(settings.socketFactory());
      o.setHttpsHostnameVerificationEnabled(true);
    }
    return o;
  }

  /** The first connection: Paho reconnects by itself only after one has succeeded once. */
  private void attempt(int n) {
    if (closed || everConnected) {
      return;
    }
    try {
      client.connect(
          options,
          null,
          new MqttActionListener() {
            @Override
            public void onSuccess(IMqttToken token) {
              receiveMaximum = receiveMaximumOf(token);
              queue.drain();
            }

            @Override
            public void onFailure(IMqttToken token, Throwable e) {
              scheduleRetry(n, e);
            }
          });
    } catch (MqttException e) {
      scheduleRetry(n, e);
    }
  }

  private void scheduleRetry(int n, Throwable e) {
    if (closed || everConnected) {
      return;
    }
    long delayS = Math.min(settings.maxReconnectDelayS(), 1L << Math.min(n - 1, 10));
    log.warn(
        "MQTT connection to {} failed ({}); attempt {} in {} s",
        settings,
        describe(e),
        n + 1,
        delayS);
    try {
      retry.schedule(() -> attempt(n + 1), delayS, TimeUnit.SECONDS);
    } catch (RejectedExecutionException closing) {
      // closed meanwhile
    }
  }

  private static String describe(Throwable e) {
    if (e instanceof MqttException m) {
      return switch (m.getReasonCode()) {
        case MqttReturnCode.RETURN_CODE_BAD_USERNAME_OR_PASSWORD -> "bad user name or password";
        case MqttReturnCode.RETURN_CODE_NOT_AUTHORIZED -> "not authorised";
        case MqttReturnCode.RETURN_CODE_SESSION_TAKEN_OVER ->
            "another client logged in with this client id";
        default -> m.getMessage() + (m.getCause() != null ? ": " + m.getCause().getMessage() : "");
      };
    }
    return String.valueOf(e);
  }

  private static String describe(MqttDisconnectResponse r) {
    if (r.getException() != null) {
      return describe(r.getException());
    }
    return r.getReasonString() != null ? r.getReasonString() : "reason code " + r.getReturnCode();
  }

  /** MQTT 5's default when the CONNACK names none (section 3.2.2.3.3). */
  private static int receiveMaximumOf(IMqttToken connect) {
    MqttProperties p = connect.getResponseProperties();
    Integer r = p == null ? null : p.getReceiveMaximum();
    return r == null || r < 1 ? 65_535 : r;
  }

  @Override
  public boolean isConnected() {
    return client.isConnected();
  }

  @Override
  public CompletableFuture<Void> publish(String topic, byte[] payload, int qos, boolean retained) {
    CompletableFuture<Void> done = new CompletableFuture<>();
    queue.offer(new Outgoing(topic, new MqttMessage(payload, qos, retained, null)), done);
    return done;
  }

  /**
   * Hands one message to Paho; false when its in-flight window (the broker's Receive Maximum) is
   * full.
   */
  private boolean trySend(Outgoing o, CompletableFuture<Void> done) {
    if (client.getPendingTokens().length >= receiveMaximum) {
      return false;
    }
    try {
      client.publish(
          o.topic(),
          o.message(),
          null,
          new MqttActionListener() {
            @Override
            public void onSuccess(IMqttToken token) {
              done.complete(null);
              queue.drain();
            }

            @Override
            public void onFailure(IMqttToken token, Throwable e) {
              done.completeExceptionally(e);
              queue.drain();
            }
          });
    } catch (MqttException e) {
      if (e.getReasonCode() == MqttClientException.REASON_CODE_MAX_INFLIGHT) {
        // The broker's window is smaller than we knew: a reconnection to a reconfigured broker.
        // If this was a topic's first publish, its next one costs one reconnection (see above).
        int learnt = Math.max(1, client.getInFlightMessageCount());
        log.warn(
            "MQTT broker refused a publish at {} in flight (Receive Maximum was {}); using {}",
            client.getInFlightMessageCount(),
            receiveMaximum,
            learnt);
        receiveMaximum = learnt;
        return false;
      }
      done.completeExceptionally(e);
    } catch (RuntimeException e) {
      done.completeExceptionally(e);
    }
    return true;
  }

  @Override
  public CompletableFuture<Void> subscribe(String filter, int qos) {
    CompletableFuture<Void> done = new CompletableFuture<>();
    MqttSubscription s = new MqttSubscription(filter, qos);
    // A retained command must look retained on live delivery too, so that it can be rejected.
    s.setRetainAsPublished(true);
    try {
      client.subscribe(
          new MqttSubscription[] {s},
          null,
          new MqttActionListener() {
            @Override
            public void onSuccess(IMqttToken token) {
              int[] codes = token.getReasonCodes();
              if (codes != null && codes.length > 0 && codes[0] >= 0x80) {
                done.completeExceptionally(
                    new TransportException(
                        "the broker refused the subscription to "
                            + filter
                            + " (reason code 0x"
                            + Integer.toHexString(codes[0])
                            + ")"));
              } else {
                done.complete(null);
              }
            }

            @Override
            public void onFailure(IMqttToken token, Throwable e) {
              done.completeExceptionally(e);
            }
          },
          new MqttProperties());
    } catch (MqttException | RuntimeException e) {
      done.completeExceptionally(e);
    }
    return done;
  }

  @Override
  public void close() {
    closed = true;
    retry.shutdownNow();
    try {
      if (client.isConnected()) {
        client.disconnect(1000).waitForCompletion(2000);
      }
    } catch (MqttException e) {
      log.debug("MQTT disconnect: {}", e.getMessage());
    }
    try {
      client.disconnectForcibly(0, 500, false);
    } catch (MqttException e) {
      // already disconnected
    }
    try {
      client.close(true);
    } catch (MqttException e) {
      log.debug("MQTT close: {}", e.getMessage());
    }
    queue.failAll("closed");
  }
}
