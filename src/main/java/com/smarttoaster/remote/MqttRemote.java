package com.smarttoaster.remote;

import com.smarttoaster.control.ControllerListener;
import com.smarttoaster.control.ToastController;
import com.smarttoaster.hal.Clock;
import com.smarttoaster.history.CycleRecord;
import com.smarttoaster.history.Rating;
import com.smarttoaster.safety.SafetyListener;
import com.smarttoaster.safety.SafetySupervisor;
import com.smarttoaster.taste.RatingDesk;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeoutException;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Remote monitoring of one toaster: the parts, wired together, behind {@link ApplianceRemote}. Each
 * part does one job: {@link CycleRecorder} (cycle records and events; works with no broker), {@link
 * EventPublisher} (outbox, state, announcements), {@link CommandIntake} (commands by priority),
 * {@link StateThrottle} (when state is worth sending). {@link RemoteFactory} builds it.
 *
 * <p>Threads: the controller's thread only compares snapshots and hands work over ({@link
 * #afterTick()}, the listeners); the transport's threads only validate commands and {@linkplain
 * ToastController#submit submit} them; database writes and publishing run on the one {@link
 * RemoteWorker}. So no command bypasses the controller's own checks (remote start still needs the
 * local arm; nothing here can reset a fault).
 */
public final class MqttRemote implements ApplianceRemote {
  private static final Logger log = LoggerFactory.getLogger(MqttRemote.class);

  /** Undelivered outbox entries are retried at least this often while connected. */
  static final long OUTBOX_RETRY_NANOS = 5_000_000_000L;

  /**
   * How the remote side behaves.
   *
   * @param deviceId the appliance's id
   * @param discoveryPrefix Home Assistant's discovery prefix
   * @param commandRatePerS token-bucket refill, commands per second (cancel is exempt)
   * @param commandBurst token-bucket size
   * @param stateEveryS the state is republished at least this often, s (the heartbeat)
   */
  public record Options(
      String deviceId,
      String discoveryPrefix,
      double commandRatePerS,
      int commandBurst,
      double stateEveryS) {}

  /** Hears each state handed to the publisher, for latency measurements (benchmarks). */
  public interface StateProbe {
    /** Called on the controller's thread with the exact payload that will be published. */
    void queued(String deviceId, byte[] payload, long atNanos);
  }

  private final Options options;
  private final Topics topics;
  private final String runId;
  private final RemoteWorker worker;
  private final CycleRecorder recorder;

  /** Null when the remote keeps history only. */
  private final @Nullable BrokerLink broker;

  private final List<AutoCloseable> owned;
  private final StateThrottle throttle;

  private volatile @Nullable ToastController controller;
  private volatile @Nullable SafetySupervisor supervisor;
  private volatile Clock clock = Clock.system();
  private volatile @Nullable StateProbe probe;
  private volatile @Nullable ToasterState latestState;
  private volatile @Nullable OfferIntake offers;
  private volatile boolean closed;
  private long lastOutboxRetryNanos; // controller thread

  /** Built by {@link RemoteFactory}; without a broker, {@code broker} is null. */
  MqttRemote(
      Options options,
      String runId,
      RemoteWorker worker,
      CycleRecorder recorder,
      @Nullable BrokerLink broker,
      List<AutoCloseable> owned) {
    this.options = options;
    this.topics = new Topics(options.deviceId(), options.discoveryPrefix());
    this.runId = runId;
    this.worker = worker;
    this.recorder = recorder;
    this.broker = broker;
    this.owned = List.copyOf(owned);
    this.throttle = new StateThrottle(options.stateEveryS());
  }

  /** Starts connecting in the background. */
  void start() {
    BrokerLink b = broker;
    if (b == null) {
      return;
    }
    EventPublisher publisher = b.publisher();
    CommandIntake intake = b.intake();
    b.transport()
        .start(
            new MqttTransport.Listener() {
              @Override
              public void onConnected(boolean reconnect) {
                publisher.connected();
                OfferIntake o = offers;
                if (o != null) {
                  o.connected();
                }
              }

              @Override
              public void onConnectionLost(String reason) {
                publisher.disconnected();
              }

              @Override
              public void onMessage(String topic, byte[] payload, int qos, boolean retained) {
                OfferIntake o = offers;
                if (o != null && o.offer(topic, payload)) {
                  return;
                }
                intake.onMessage(topic, payload, retained);
              }
            });
  }

  public Topics topics() {
    return topics;
  }

  /** The id of this run, in every event it publishes. */
  public String runId() {
    return runId;
  }

  /** Sets (or with null removes) the probe. */
  public void probe(@Nullable StateProbe p) {
    this.probe = p;
  }

  @Override
  public ControllerListener controllerListener() {
    return recorder;
  }

  @Override
  public SafetyListener safetyListener() {
    return recorder;
  }

  @Override
  public void attach(
      ToastController newController, SafetySupervisor newSupervisor, Clock newClock) {
    this.supervisor = newSupervisor;
    this.clock = newClock;
    recorder.attach(newController, newSupervisor);
    if (broker != null) {
      broker.intake().attach(newController, newClock);
    }
    throttle.reset();
    lastOutboxRetryNanos = newClock.nanos();
    this.controller = newController;
  }

  @Override
  public void attachRatings(RatingDesk desk) {
    recorder.attachRatings(desk);
  }

  @Override
  public void afterTick() {
    try {
      ToastController c = controller;
      SafetySupervisor s = supervisor;
      if (c == null || s == null) {
        return;
      }
      long now = clock.nanos();
      ToasterState state = ToasterState.of(c.snapshot(), s.status(), recorder.ratings());
      if (throttle.due(state, now)) {
        latestState = state;
        StateProbe p = probe;
        if (p != null) {
          p.queued(options.deviceId(), state.toJson(), System.nanoTime());
        }
        if (broker != null) {
          broker.publisher().publishState(state);
        }
      }
      if (broker != null) {
        broker.intake().tick();
      }
      if (broker != null && now - lastOutboxRetryNanos >= OUTBOX_RETRY_NANOS) {
        lastOutboxRetryNanos = now;
        broker.publisher().retryOutbox();
      }
    } catch (RuntimeException e) {
      // Never let monitoring break the controller's loop.
      log.error("Remote monitoring failed after a controller tick", e);
    }
  }

  /** The latest state handed to the publisher, or null before the first tick (for tests). */
  @Nullable ToasterState latestState() {
    return latestState;
  }

  @Override
  public void watchModels(com.smarttoaster.history.ModelWatcher watcher) {
    recorder.watchModels(watcher);
  }

  @Override
  public void watchModelHealth(com.smarttoaster.monitoring.ModelHealth health) {
    recorder.watchModelHealth(health);
  }

  @Override
  public void reportModelRefused(String reason) {
    recorder.reportModelRefused(reason);
  }

  /**
   * Subscribes to this device's model offers and hands them to {@code sink}; each outcome is a
   * {@code model} event. Nothing without a broker; at most once.
   */
  @Override
  public synchronized void acceptModelOffers(OfferSink sink) {
    if (broker == null || offers != null) {
      return;
    }
    OfferIntake o = new OfferIntake(sink, broker.transport(), worker, broker.publisher());
    offers = o;
    if (broker.transport().isConnected()) {
      o.connected(); // connected before the sink was given: subscribe now (twice is harmless)
    }
  }

  @Override
  public @Nullable String rateLastNow(Rating rating) {
    return recorder.rateLastNow(rating);
  }

  @Override
  public List<CycleRecord> recordedCycles() {
    return recorder.recordedCycles();
  }

  @Override
  public List<CycleRecord> closeInterruptedCycles() {
    return recorder.closeInterruptedCycles();
  }

  /** Commands dropped by the rate limit since start. */
  public long droppedCommands() {
    return broker == null ? 0 : broker.intake().droppedCommands();
  }

  /** Connected and subscribed to the commands now. */
  public boolean isConnectedAndListening() {
    return broker != null && broker.publisher().isListening();
  }

  /** Waits until connected and subscribed to the commands; false on timeout. */
  public boolean awaitConnected(Duration timeout) throws InterruptedException {
    long deadline = System.nanoTime() + timeout.toNanos();
    while (broker != null && !broker.publisher().isListening()) {
      if (System.nanoTime() > deadline) {
        return false;
      }
      Thread.sleep(10);
    }
    return true;
  }

  /**
   * Waits until everything handed over so far was processed and the outbox is empty (the broker has
   * every event); false on timeout.
   */
  public boolean drain(Duration timeout) throws InterruptedException {
    if (broker == null) {
      return true;
    }
    EventPublisher publisher = broker.publisher();
    long deadline = System.nanoTime() + timeout.toNanos();
    while (System.nanoTime() < deadline) {
      try {
        if (publisher.isDrained(Math.max(1, deadline - System.nanoTime()))) {
          return true;
        }
      } catch (TimeoutException e) {
        return false;
      }
      Thread.sleep(10);
    }
    return false;
  }

  @Override
  public void close() {
    if (closed) {
      return;
    }
    closed = true;
    if (broker != null) {
      broker.publisher().goOffline();
    }
    worker.close();
    if (broker != null) {
      broker.transport().close();
    }
    for (AutoCloseable c : owned) {
      try {
        c.close();
      } catch (Exception e) {
        log.warn("Closing {} failed: {}", c, e.getMessage());
      }
    }
  }
}
