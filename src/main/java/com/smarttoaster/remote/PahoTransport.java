package com.smarttoaster.remote;

import com.smarttoaster.config.MqttConfig;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import javax.net.SocketFactory;
import org.eclipse.paho.client.mqttv3.IMqttActionListener;
import org.eclipse.paho.client.mqttv3.IMqttDeliveryToken;
import org.eclipse.paho.client.mqttv3.IMqttToken;
import org.eclipse.paho.client.mqttv3.MqttAsyncClient;
import org.eclipse.paho.client.mqttv3.MqttCallbackExtended;
import org.eclipse.paho.client.mqttv3.MqttConnectOptions;
import org.eclipse.paho.client.mqttv3.MqttException;
import org.eclipse.paho.client.mqttv3.MqttMessage;
import org.eclipse.paho.client.mqttv3.persist.MemoryPersistence;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@link MqttTransport} over Eclipse Paho's asynchronous mqttv3 client: MQTT 3.1.1, clean sessions
 * (a command sent while the toaster was offline must not arrive hours later), in-memory
 * persistence (no lock files on the SD card), a retained will, a raised in-flight window, Paho's
 * automatic reconnect after a loss, and our own retry with back-off until the first connection.
 * Nothing here blocks: Paho's callbacks only hand over to the listener.
 */
public final class PahoTransport implements MqttTransport {
  private static final Logger log = LoggerFactory.getLogger(PahoTransport.class);
  /** QoS 1 messages on the way at once; Paho's default of 10 stalls an outbox being flushed. */
  static final int MAX_INFLIGHT = 1000;
  static final int CONNECT_TIMEOUT_S = 10;

  /**
   * How to connect. The password is kept only here, in memory, and never printed.
   *
   * @param serverUri tcp://host:port or ssl://host:port
   * @param clientId client id
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
      String username,
      char[] password,
      SocketFactory socketFactory,
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
  private final ScheduledExecutorService retry;
  private volatile Listener listener;
  private volatile boolean closed;
  private volatile boolean everConnected;

  public PahoTransport(Settings settings) {
    this.settings = settings;
    try {
      this.client = new MqttAsyncClient(settings.serverUri(), settings.clientId(), new MemoryPersistence());
    } catch (MqttException e) {
      throw new TransportException("cannot create an MQTT client for " + settings + ": " + e.getMessage(), e);
    }
    this.retry = Executors.newSingleThreadScheduledExecutor(r -> {
      Thread t = new Thread(r, "mqtt-connect-" + settings.clientId());
      t.setDaemon(true);
      return t;
    });
  }

  /**
   * The transport a config describes: reads the password file and the TLS files now, so a problem
   * shows at start-up.
   *
   * @throws TransportException naming the file and the problem
   */
  public static PahoTransport fromConfig(MqttConfig c, String willTopic, byte[] willPayload) {
    char[] password = c.passwordFile() == null ? null : readPassword(c.passwordFile());
    SocketFactory tls = c.usesTls() ? TlsFiles.socketFactory(c.caFile(), c.clientCertFile(), c.clientKeyFile()) : null;
    return new PahoTransport(new Settings(c.brokerUrl().toString(), c.clientId(), c.username(), password, tls,
        (int) Math.round(c.keepAliveS()), (int) Math.ceil(c.maxReconnectDelayS()), willTopic, willPayload));
  }

  static char[] readPassword(Path file) {
    try {
      List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
      if (lines.isEmpty() || lines.get(0).isEmpty()) {
        throw new TransportException("the password file " + file + " has an empty first line; put the password there");
      }
      return lines.get(0).toCharArray();
    } catch (IOException e) {
      throw new TransportException("cannot read the password file " + file + ": " + e.getMessage(), e);
    }
  }

  @Override
  public void start(Listener l) {
    this.listener = l;
    client.setCallback(new MqttCallbackExtended() {
      @Override
      public void connectComplete(boolean reconnect, String serverUri) {
        everConnected = true;
        log.info("MQTT {} to {}", reconnect ? "reconnected" : "connected", settings);
        l.onConnected(reconnect);
      }

      @Override
      public void connectionLost(Throwable cause) {
        String why = cause == null ? "unknown reason" : String.valueOf(cause.getMessage());
        log.warn("MQTT connection to {} lost ({}); reconnecting", settings.serverUri(), why);
        l.onConnectionLost(why);
      }

      @Override
      public void messageArrived(String topic, MqttMessage message) {
        l.onMessage(topic, message.getPayload(), message.getQos(), message.isRetained());
      }

      @Override
      public void deliveryComplete(IMqttDeliveryToken token) {}
    });
    attempt(1);
  }

  private MqttConnectOptions options() {
    MqttConnectOptions o = new MqttConnectOptions();
    o.setMqttVersion(MqttConnectOptions.MQTT_VERSION_3_1_1);
    o.setCleanSession(true);
    o.setAutomaticReconnect(true);
    o.setMaxReconnectDelay(settings.maxReconnectDelayS() * 1000);
    o.setKeepAliveInterval(settings.keepAliveS());
    o.setConnectionTimeout(CONNECT_TIMEOUT_S);
    o.setMaxInflight(MAX_INFLIGHT);
    o.setWill(settings.willTopic(), settings.willPayload(), 1, true);
    if (settings.username() != null) {
      o.setUserName(settings.username());
    }
    if (settings.password() != null) {
      o.setPassword(settings.password());
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
      client.connect(options(), null, new IMqttActionListener() {
        @Override
        public void onSuccess(IMqttToken token) {}

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
    log.warn("MQTT connection to {} failed ({}); attempt {} in {} s", settings, describe(e), n + 1, delayS);
    try {
      retry.schedule(() -> attempt(n + 1), delayS, TimeUnit.SECONDS);
    } catch (java.util.concurrent.RejectedExecutionException closing) {
      // closed meanwhile
    }
  }

  private static String describe(Throwable e) {
    if (e instanceof MqttException m) {
      return switch (m.getReasonCode()) {
        case MqttException.REASON_CODE_FAILED_AUTHENTICATION -> "bad user name or password";
        case MqttException.REASON_CODE_NOT_AUTHORIZED -> "not authorised";
        default -> m.getMessage() + (m.getCause() != null ? ": " + m.getCause().getMessage() : "");
      };
    }
    return String.valueOf(e);
  }

  @Override
  public boolean isConnected() {
    return client.isConnected();
  }

  @Override
  public CompletableFuture<Void> publish(String topic, byte[] payload, int qos, boolean retained) {
    CompletableFuture<Void> done = new CompletableFuture<>();
    try {
      client.publish(topic, payload, qos, retained, null, completing(done));
    } catch (MqttException | RuntimeException e) {
      done.completeExceptionally(e);
    }
    return done;
  }

  @Override
  public CompletableFuture<Void> subscribe(String filter, int qos) {
    CompletableFuture<Void> done = new CompletableFuture<>();
    try {
      client.subscribe(filter, qos, null, completing(done));
    } catch (MqttException | RuntimeException e) {
      done.completeExceptionally(e);
    }
    return done;
  }

  private static IMqttActionListener completing(CompletableFuture<Void> f) {
    return new IMqttActionListener() {
      @Override
      public void onSuccess(IMqttToken token) {
        int[] granted = token.getGrantedQos();
        if (granted != null && granted.length > 0 && granted[0] == 0x80) {
          f.completeExceptionally(new TransportException("the broker refused the subscription"));
        } else {
          f.complete(null);
        }
      }

      @Override
      public void onFailure(IMqttToken token, Throwable e) {
        f.completeExceptionally(e);
      }
    };
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
  }
}
