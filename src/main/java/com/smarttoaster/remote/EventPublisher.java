package com.smarttoaster.remote;

import com.smarttoaster.history.EventOutbox;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Everything the toaster sends to the broker: events through the outbox, the retained state, and
 * the announcements (status, discovery, state) after connecting and when Home Assistant restarts.
 *
 * <p>Events are committed to the outbox before they are published and removed only once the broker
 * acknowledged them; after a reconnect (or a restart with the same database) the remaining ones go
 * out in order. All of it runs on the {@link RemoteWorker}; callers on other threads only hand
 * over.
 */
final class EventPublisher implements EventSink {
  private static final Logger log = LoggerFactory.getLogger(EventPublisher.class);
  static final byte[] ONLINE = "online".getBytes(StandardCharsets.US_ASCII);
  static final byte[] OFFLINE = "offline".getBytes(StandardCharsets.US_ASCII);

  /** Outbox messages on the way at once; more wait in the transport's queue anyway. */
  static final int OUTBOX_WINDOW = 100;

  private final Topics topics;
  private final MqttTransport transport;
  private final EventOutbox outbox;
  private final RemoteWorker worker;
  private final String runId;
  private final String softwareVersion;
  private final List<String> subscriptions;

  private final AtomicReference<ToasterState> latestState = new AtomicReference<>();
  private final AtomicBoolean statePublishQueued = new AtomicBoolean();

  /**
   * Kind-changing states a newer one replaced before they were sent, oldest first (guarded by
   * itself).
   */
  private final List<ToasterState> kindChanges = new ArrayList<>();

  // Worker thread only.
  private long lastSentSeq;
  private int outboxInFlight;
  private long connection;
  private volatile boolean listening;
  private volatile boolean closed;

  /** The latest rolling figures, sent again on every (re)connection; worker thread. */
  private volatile byte @Nullable [] lastMonitor;

  /**
   * @param runId this run's id, written into every event
   * @param subscriptions the filters to subscribe to on every connection
   */
  EventPublisher(
      Topics topics,
      MqttTransport transport,
      EventOutbox outbox,
      RemoteWorker worker,
      String runId,
      String softwareVersion,
      List<String> subscriptions) {
    if (outbox == null) {
      throw new IllegalArgumentException("an outbox is needed to publish events");
    }
    this.topics = topics;
    this.transport = transport;
    this.outbox = outbox;
    this.worker = worker;
    this.runId = runId;
    this.softwareVersion = softwareVersion;
    this.subscriptions = List.copyOf(subscriptions);
  }

  /** Commits the event to the outbox, then tries to send it. Any thread. */
  @Override
  public void emit(ToasterEvent event) {
    worker.run(
        () -> {
          try {
            outbox.append(topics.event(), seq -> event.toJson(seq, topics.deviceId(), runId));
          } catch (RuntimeException e) {
            log.error(
                "Could not store the {} event in the outbox: {}",
                event.type().id(),
                e.getMessage());
            return;
          }
          deliver();
        });
  }

  /**
   * Publishes {@code state} (retained). A newer state replaces one not yet sent, unless the one it
   * replaces is a change people act on (phase, settings, fault: {@link
   * ToasterState#differsInKind}): that one is kept and sent first, so a cycle that runs faster than
   * the sender (simulated time) still shows "toasting" before "done". Controller thread; never
   * blocks.
   */
  void publishState(ToasterState state) {
    synchronized (kindChanges) {
      ToasterState pending = latestState.getAndSet(state);
      if (statePublishQueued.get() && pending != null && state.differsInKind(pending)) {
        kindChanges.add(pending);
      }
    }
    if (statePublishQueued.compareAndSet(false, true)) {
      worker.run(this::sendState);
    }
  }

  /**
   * Publishes the model's rolling figures (retained) when connected; a later call replaces them, so
   * nothing is queued while offline: the next cycle's figures follow. Worker thread.
   */
  void publishMonitor(byte[] json) {
    lastMonitor = json;
    if (!closed && transport.isConnected()) {
      transport.publish(topics.monitor(), json, 1, true);
    }
  }

  /** Sends what the outbox still holds (after a lost acknowledgement). Any thread. */
  void retryOutbox() {
    worker.run(this::deliver);
  }

  /** Status, discovery and state again, e.g. after Home Assistant restarted. Any thread. */
  void announceAgain() {
    worker.run(this::announce);
  }

  /** The transport connected (again). Any thread. */
  void connected() {
    listening = false; // until this connection's subscriptions are acknowledged
    worker.run(this::onConnected);
  }

  /** The transport lost its connection. Any thread. */
  void disconnected() {
    listening = false;
  }

  private void onConnected() {
    connection++;
    outboxInFlight = 0;
    lastSentSeq = 0;
    listening = false;
    long conn = connection;
    CompletableFuture.allOf(
            subscriptions.stream()
                .map(f -> transport.subscribe(f, 1))
                .toArray(CompletableFuture[]::new))
        .whenComplete(
            (v, e) -> {
              if (e != null) {
                log.error("Could not subscribe to {}: {}", subscriptions, e.getMessage());
              } else {
                worker.run(() -> listening = conn == connection);
              }
            });
    announce();
    deliver();
  }

  private void announce() {
    transport.publish(topics.status(), ONLINE, 1, true);
    transport.publish(topics.discovery(), Discovery.payload(topics, softwareVersion), 1, true);
    statePublishQueued.set(true);
    sendState();
    byte[] monitor = lastMonitor;
    if (monitor != null) {
      // The latest figures again: one sent as the connection dropped may never have reached the
      // broker.
      transport.publish(topics.monitor(), monitor, 1, true);
    }
  }

  private void sendState() {
    List<ToasterState> earlier;
    ToasterState s;
    synchronized (kindChanges) {
      statePublishQueued.set(false);
      earlier = new ArrayList<>(kindChanges);
      kindChanges.clear();
      s = latestState.get();
    }
    if (transport.isConnected()) {
      for (ToasterState e : earlier) {
        transport.publish(topics.state(), e.toJson(), 1, true);
      }
      if (s != null) {
        transport.publish(topics.state(), s.toJson(), 1, true);
      }
    }
  }

  private void deliver() {
    if (closed || !transport.isConnected()) {
      return;
    }
    while (outboxInFlight < OUTBOX_WINDOW) {
      List<EventOutbox.Entry> batch = outbox.pending(lastSentSeq, OUTBOX_WINDOW - outboxInFlight);
      if (batch.isEmpty()) {
        return;
      }
      for (EventOutbox.Entry e : batch) {
        lastSentSeq = e.seq();
        outboxInFlight++;
        long conn = connection;
        transport
            .publish(e.topic(), e.payload(), 1, false)
            .whenComplete((v, err) -> worker.run(() -> delivered(e.seq(), err, conn)));
      }
    }
  }

  private void delivered(long seq, Throwable error, long conn) {
    if (conn != connection) {
      return; // sent on an earlier connection; the outbox was resent from the start since
    }
    outboxInFlight--;
    if (error != null) {
      lastSentSeq = Math.min(lastSentSeq, seq - 1);
      log.debug("Event {} not accepted yet ({}); it stays in the outbox", seq, error.getMessage());
      return;
    }
    outbox.remove(seq);
    deliver();
  }

  /** Connected and subscribed on the current connection. */
  boolean isListening() {
    return transport.isConnected() && listening;
  }

  /** True when everything handed over was sent and acknowledged. Waits for the worker. */
  boolean isDrained(long timeoutNanos) throws InterruptedException, TimeoutException {
    return worker.call(
        () -> outbox.size() == 0 && outboxInFlight == 0 && !statePublishQueued.get(), timeoutNanos);
  }

  /**
   * Publishes {@code offline} (a clean disconnect sends no will), waiting a few seconds at most.
   */
  void goOffline() {
    try {
      CompletableFuture<Void> offline =
          worker.call(
              () ->
                  transport.isConnected()
                      ? transport.publish(topics.status(), OFFLINE, 1, true)
                      : CompletableFuture.completedFuture(null),
              3_000_000_000L);
      offline.get(3, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    } catch (Exception e) {
      log.warn("Could not publish offline before disconnecting");
    }
    closed = true;
  }
}
