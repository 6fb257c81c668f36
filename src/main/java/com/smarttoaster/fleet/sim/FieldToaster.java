package com.smarttoaster.fleet.sim;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.smarttoaster.fleet.FleetLogin;
import com.smarttoaster.fleet.offer.ModelOffer;
import com.smarttoaster.fleet.offer.OfferHandler;
import com.smarttoaster.fleet.store.ModelReport;
import com.smarttoaster.hal.sim.ApplianceConditions;
import com.smarttoaster.hal.sim.ShadeOracle;
import com.smarttoaster.modellife.BundleException;
import com.smarttoaster.modellife.BundleVerifier;
import com.smarttoaster.modellife.ModelPromotion;
import com.smarttoaster.modellife.ModelStore;
import com.smarttoaster.modellife.ModelVersion;
import com.smarttoaster.predict.FallbackTimeTable;
import com.smarttoaster.predict.GuardedPredictor;
import com.smarttoaster.predict.ModelPredictor;
import com.smarttoaster.predict.Prediction;
import com.smarttoaster.predict.PredictionInput;
import com.smarttoaster.predict.ToastTimePredictor;
import com.smarttoaster.toast.BreadType;
import com.smarttoaster.toast.ToastMode;
import com.smarttoaster.toast.ToastSettings;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Random;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.eclipse.paho.mqttv5.client.IMqttToken;
import org.eclipse.paho.mqttv5.client.MqttAsyncClient;
import org.eclipse.paho.mqttv5.client.MqttCallback;
import org.eclipse.paho.mqttv5.client.MqttConnectionOptions;
import org.eclipse.paho.mqttv5.client.MqttDisconnectResponse;
import org.eclipse.paho.mqttv5.client.persist.MemoryPersistence;
import org.eclipse.paho.mqttv5.common.MqttException;
import org.eclipse.paho.mqttv5.common.MqttMessage;
import org.eclipse.paho.mqttv5.common.packet.MqttProperties;
import org.jspecify.annotations.Nullable;

/**
 * A lightweight simulated toaster of a fleet, for the fleet's tests and benchmark: far cheaper than
 * a whole simulated appliance, so that a hundred run on two cores, yet real where the fleet looks.
 *
 * <ul>
 *   <li>its own broker login (its device id), topics and event payloads as a real toaster's
 *       (docs/contracts.md), numbered by run and seq, QoS 1;
 *   <li>each cycle's time comes from the device's real predictor path: the active model of its own
 *       {@link ModelStore} (TFLite, verified bundle) behind the real {@link GuardedPredictor} with
 *       its checker, falling back to the non-ML table;
 *   <li>the shade that time gives comes from the simulator's physics ({@link
 *       ShadeOracle#shadeAfter}); a simulated user rates it too light / just right / too dark by
 *       half a shade step;
 *   <li>model offers go to the real device-side {@link OfferHandler}.
 * </ul>
 *
 * Not simulated: the controller, the supervisor, heat, the cycle's duration (cycles are instant).
 */
public final class FieldToaster implements AutoCloseable {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final BreadType[] BREADS = {
    BreadType.WHITE, BreadType.WHOLEGRAIN, BreadType.SOURDOUGH
  };

  private final String deviceId;
  private final FleetLogin login;
  private final ModelStore store;
  private final BundleVerifier verifier;
  private final OfferHandler offers;
  private final Random random;
  private final String runId = UUID.randomUUID().toString();
  private final ExecutorService worker;
  private long seq;

  /** Null until {@link #connect}. */
  private @Nullable MqttAsyncClient client;

  /** The model the predictor runs; both null before the first cycle. */
  private @Nullable String loadedVersion;

  private @Nullable GuardedPredictor predictor;

  /**
   * @param stateDir this toaster's state directory (its models)
   * @param verifier holds the fleet's public key
   */
  public FieldToaster(
      String deviceId, FleetLogin login, Path stateDir, BundleVerifier verifier, long seed) {
    this.deviceId = deviceId;
    this.login = login;
    this.verifier = verifier;
    this.store = new ModelStore(stateDir, verifier, factoryVersion());
    this.offers =
        new OfferHandler(store, ModelPromotion.VERIFIES_AND_LOADS, stateDir.resolve("offers"));
    this.random = new Random(seed);
    this.worker =
        Executors.newSingleThreadExecutor(
            r -> {
              Thread t = new Thread(r, "field-toaster-" + deviceId);
              t.setDaemon(true);
              return t;
            });
  }

  private static ModelVersion factoryVersion() {
    ToastTimePredictor p = ModelPredictor.loadDefault();
    try {
      return ModelVersion.parse(p.modelVersion());
    } catch (BundleException e) {
      return new ModelVersion(String.valueOf(p.modelVersion()), 0);
    }
  }

  public String deviceId() {
    return deviceId;
  }

  /** This run's id, as in every event it sent. */
  public String runId() {
    return runId;
  }

  /** The last seq sent (events are numbered 1..this). */
  public long lastSeq() {
    return seq;
  }

  public ModelStore store() {
    return store;
  }

  /** Connects (a clean session, as a real toaster) and subscribes to its offer topic. */
  public FieldToaster connect() throws MqttException {
    MqttAsyncClient c = new MqttAsyncClient(login.brokerUrl(), deviceId, new MemoryPersistence());
    client = c;
    c.setCallback(
        new MqttCallback() {
          @Override
          public void disconnected(MqttDisconnectResponse r) {}

          @Override
          public void mqttErrorOccurred(MqttException e) {}

          @Override
          public void messageArrived(String topic, MqttMessage m) {
            byte[] payload = m.getPayload();
            worker.execute(() -> onMessage(topic, payload));
          }

          @Override
          public void deliveryComplete(IMqttToken token) {}

          @Override
          public void connectComplete(boolean reconnect, String serverUri) {}

          @Override
          public void authPacketArrived(int reasonCode, MqttProperties properties) {}
        });
    MqttConnectionOptions o = login.options(true, 0);
    o.setMaximumPacketSize(16L * 1024); // as a real toaster (remote.PahoTransport)
    c.connect(o).waitForCompletion(15_000);
    c.subscribe(ModelOffer.offerTopic(deviceId), 1).waitForCompletion(15_000);
    return this;
  }

  private MqttAsyncClient connected() {
    MqttAsyncClient c = client;
    if (c == null) {
      throw new IllegalStateException(deviceId + " is not connected: call connect() first");
    }
    return c;
  }

  /** The store's active version for a report, or why it cannot be read. */
  private String activeForReport() {
    try {
      return store.active().active();
    } catch (BundleException e) {
      return "unknown (" + e.getMessage() + ")";
    }
  }

  private void onMessage(String topic, byte[] payload) {
    Instant now = Instant.now();
    if (topic.equals(ModelOffer.offerTopic(deviceId))) {
      offers
          .onOffer(payload, now, this::report)
          .ifPresent(
              filter -> {
                try {
                  connected().subscribe(filter, 1);
                } catch (MqttException e) {
                  report(
                      new OfferHandler.Result(
                          activeForReport(),
                          null,
                          "cannot subscribe to " + filter + ": " + e.getMessage()));
                }
              });
    } else {
      offers.onPart(topic, payload, now, this::report);
    }
  }

  private void report(OfferHandler.Result r) {
    ObjectNode n = header(ModelReport.EVENT_TYPE);
    ObjectNode m = n.putObject("model");
    m.put("active", r.active());
    m.put("candidate", r.candidate());
    m.put("result", r.result());
    n.putNull("cycle");
    publish(n);
  }

  /**
   * One cycle: the active model predicts, the physics browns, the user rates. Publishes {@code
   * done} and {@code rated}; returns when the broker has both. Call from one thread.
   */
  public Prediction cycle() throws Exception {
    return worker.submit(this::cycleNow).get();
  }

  private Prediction cycleNow() throws Exception {
    GuardedPredictor guarded = ensurePredictor();
    int shade = 2 + random.nextInt(5);
    BreadType bread = BREADS[random.nextInt(BREADS.length)];
    double thickness = 10 + random.nextInt(11);
    double ambient = 18 + random.nextInt(8);
    ToastSettings s = new ToastSettings(shade, bread, thickness, 2, ToastMode.TOAST);
    PredictionInput in = new PredictionInput(s, ambient, ambient, 230);
    Prediction p = guarded.predict(in);
    double achieved =
        ShadeOracle.shadeAfter(
            new ApplianceConditions(ambient, 230, ambient, 2, bread, thickness, ambient),
            p.seconds());
    String rating =
        achieved < shade - 0.5 ? "too-light" : achieved > shade + 0.5 ? "too-dark" : "just-right";
    String cycleId = UUID.randomUUID().toString();
    ObjectNode done = header("done");
    done.putNull("reason");
    writeCycle(done.putObject("cycle"), cycleId, in, p, achieved);
    publish(done);
    ObjectNode rated = header("rated");
    rated.putNull("reason");
    rated.put("rating", rating);
    writeCycle(rated.putObject("cycle"), cycleId, in, p, achieved);
    publish(rated);
    return p;
  }

  private void writeCycle(
      ObjectNode c, String cycleId, PredictionInput in, Prediction p, double achieved) {
    ToastSettings s = in.settings();
    c.put("cycleId", cycleId);
    c.put("startTime", Instant.now().toString());
    c.put("shade", s.shade());
    c.put("bread", s.bread().id());
    c.put("mode", s.mode().id());
    c.put("slices", s.slices());
    c.put("thicknessMm", s.thicknessMm());
    c.put("chamberStartC", in.chamberStartC());
    c.put("ambientC", in.ambientC());
    c.put("mainsVolts", in.mainsVolts());
    c.put("predictor", p.predictor().id());
    c.put("predictedS", Math.round(p.seconds() * 10) / 10.0);
    c.put("fallbackReason", p.fallbackReason());
    c.put("outcome", "done");
    c.put("heaterOnS", Math.round(p.seconds() * 10) / 10.0);
    c.putNull("fault");
    c.put("modelVersion", loadedVersion);
    c.put(
        "achievedShade",
        Math.round(achieved * 100) / 100.0); // the simulator's truth; a real toaster cannot know it
  }

  private ObjectNode header(String type) {
    long n = ++seq;
    ObjectNode e = JSON.createObjectNode();
    e.put("event_type", type);
    e.put("id", runId + "-" + n);
    e.put("run", runId);
    e.put("seq", n);
    e.put("device", deviceId);
    e.put("at", Instant.now().toString());
    return e;
  }

  private void publish(ObjectNode event) {
    try {
      connected()
          .publish(
              "toaster/" + deviceId + "/event",
              event.toString().getBytes(StandardCharsets.UTF_8),
              1,
              false)
          .waitForCompletion(30_000);
    } catch (MqttException e) {
      throw new IllegalStateException(deviceId + ": event not published: " + e.getMessage(), e);
    }
  }

  /**
   * Loads the active model when it changed since the last cycle (between cycles, as a real
   * toaster).
   */
  private GuardedPredictor ensurePredictor() throws Exception {
    String active = store.active().active();
    GuardedPredictor loaded = predictor;
    if (active.equals(loadedVersion) && loaded != null) {
      return loaded;
    }
    ToastTimePredictor primary;
    String version;
    if (ModelVersion.FACTORY.equals(active)) {
      primary = ModelPredictor.loadDefault();
      version = primary.modelVersion();
    } else {
      primary = verifier.verify(Files.readAllBytes(store.bundleFile(active)), active).predictor();
      version = active;
    }
    if (loaded != null) {
      loaded.close();
    }
    GuardedPredictor next = new GuardedPredictor(primary, new FallbackTimeTable(), 5.0, 5, 285);
    predictor = next;
    loadedVersion = ModelVersion.FACTORY.equals(active) ? ModelVersion.FACTORY : version;
    return next;
  }

  /** The active model version this toaster runs now (after its last cycle or offer). */
  public String activeVersion() throws BundleException {
    return store.active().active();
  }

  /** Runs {@code r} on this toaster's worker after everything queued before it (offers, cycles). */
  public void drain() throws Exception {
    worker.submit(() -> {}).get();
  }

  @Override
  public void close() throws Exception {
    worker
        .submit(
            () -> {
              GuardedPredictor p = predictor;
              if (p != null) {
                p.close();
              }
            })
        .get();
    worker.shutdown();
    MqttAsyncClient c = client;
    if (c != null) {
      try {
        c.disconnect(2000).waitForCompletion(3000);
      } catch (MqttException e) {
        // closing anyway
      }
      c.close();
    }
  }
}
