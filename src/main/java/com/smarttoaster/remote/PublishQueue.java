package com.smarttoaster.remote;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Publishes that wait, in order, for a free in-flight slot, handed to the client by one thread at a
 * time. Paho's MQTT 5 client refuses a publish beyond the broker's Receive Maximum (Mosquitto's
 * default is 20) instead of queueing it, and an outbox flushed after a reconnect sends up to a
 * hundred at once. Thread-safe; never blocks.
 *
 * @param <M> the message
 */
final class PublishQueue<M> {
  /** Publishes waiting for a slot; beyond this they fail (the outbox resends events). */
  static final int MAX_QUEUED = 10_000;

  /** A publish refused for a full window is tried again this soon, ms. */
  static final long RESEND_MILLIS = 5;

  /**
   * Hands one message to the client; false when its in-flight window is full (nothing was sent).
   */
  interface Sender<M> {
    boolean trySend(M message, CompletableFuture<Void> done);
  }

  private record Waiting<M>(M message, CompletableFuture<Void> done) {}

  private final Sender<M> sender;
  private final ScheduledExecutorService timer;
  private final Deque<Waiting<M>> waiting = new ArrayDeque<>();
  private final AtomicBoolean resendScheduled = new AtomicBoolean();
  private final AtomicInteger drainRequests = new AtomicInteger();

  PublishQueue(Sender<M> sender, ScheduledExecutorService timer) {
    this.sender = sender;
    this.timer = timer;
  }

  /** Sends now if nothing waits and a slot is free, else queues behind the others. */
  void offer(M message, CompletableFuture<Void> done) {
    synchronized (waiting) {
      if (waiting.size() >= MAX_QUEUED) {
        done.completeExceptionally(
            new TransportException(MAX_QUEUED + " messages already wait to be sent"));
        return;
      }
      waiting.addLast(new Waiting<>(message, done));
    }
    drain();
  }

  /**
   * Sends what waits while slots are free: after an acknowledgement, after connecting, and on a
   * timer when a slot was still busy, because Paho completes a publish a moment before it frees its
   * slot, so the acknowledgement that would send the next one may already have come and gone.
   */
  void drain() {
    // One drainer at a time (the client's topic aliases are not thread-safe); a call that finds
    // another draining leaves it one more pass to make.
    if (drainRequests.getAndIncrement() > 0) {
      return;
    }
    int passes = 1;
    do {
      drainOnce();
      passes = drainRequests.addAndGet(-passes);
    } while (passes != 0);
  }

  private void drainOnce() {
    while (true) {
      Waiting<M> next;
      synchronized (waiting) {
        next = waiting.pollFirst();
      }
      if (next == null) {
        return;
      }
      if (!sender.trySend(next.message(), next.done())) {
        synchronized (waiting) {
          waiting.addFirst(next);
        }
        resendSoon();
        return;
      }
    }
  }

  private void resendSoon() {
    if (!resendScheduled.compareAndSet(false, true)) {
      return;
    }
    try {
      timer.schedule(
          () -> {
            resendScheduled.set(false);
            drain();
          },
          RESEND_MILLIS,
          TimeUnit.MILLISECONDS);
    } catch (RejectedExecutionException closing) {
      resendScheduled.set(false);
    }
  }

  /**
   * Fails everything that waits (the connection is gone: the outbox resends events, state is
   * re-announced).
   */
  void failAll(String why) {
    List<Waiting<M>> failed;
    synchronized (waiting) {
      failed = List.copyOf(waiting);
      waiting.clear();
    }
    failed.forEach(w -> w.done().completeExceptionally(new TransportException(why)));
  }
}
