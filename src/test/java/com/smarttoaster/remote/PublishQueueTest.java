package com.smarttoaster.remote;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The in-flight queue with a client whose window holds three messages, acknowledged by the test.
 */
class PublishQueueTest {
  private final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor();
  private final List<Integer> sent = new ArrayList<>();
  private final List<CompletableFuture<Void>> inFlight = new ArrayList<>();
  private PublishQueue<Integer> queue;

  @AfterEach
  void stop() {
    timer.shutdownNow();
  }

  private synchronized boolean window3(Integer m, CompletableFuture<Void> done) {
    if (inFlight.size() >= 3) {
      return false;
    }
    sent.add(m);
    inFlight.add(done);
    return true;
  }

  /**
   * Acknowledges the oldest message, as the broker's PUBACK would, but frees its slot only
   * afterwards (as Paho does).
   */
  private void acknowledgeOne() {
    CompletableFuture<Void> done;
    synchronized (this) {
      done = inFlight.get(0);
    }
    done.complete(null);
    synchronized (this) {
      inFlight.remove(0);
    }
  }

  @Test
  void messagesBeyondTheWindowWaitAndGoOutInOrderEvenWhenTheLastAcknowledgementCameTooEarly()
      throws Exception {
    queue = new PublishQueue<>(this::window3, timer);
    List<CompletableFuture<Void>> results = new ArrayList<>();
    for (int i = 0; i < 10; i++) {
      CompletableFuture<Void> f = new CompletableFuture<>();
      queue.offer(i, f);
      results.add(f);
    }
    assertEquals(List.of(0, 1, 2), sent);
    for (int i = 0; i < 10; i++) {
      acknowledgeOne(); // no drain() call here: the queue's own timer must pick the rest up
      long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
      int expected = Math.min(10, i + 4);
      while (sentSize() < expected && System.nanoTime() < deadline) {
        Thread.sleep(1);
      }
    }
    assertEquals(List.of(0, 1, 2, 3, 4, 5, 6, 7, 8, 9), sent);
    assertTrue(results.stream().allMatch(CompletableFuture::isDone));
  }

  @Test
  void aLostConnectionFailsWhatWaits() {
    queue = new PublishQueue<>(this::window3, timer);
    List<CompletableFuture<Void>> results = new ArrayList<>();
    for (int i = 0; i < 5; i++) {
      CompletableFuture<Void> f = new CompletableFuture<>();
      queue.offer(i, f);
      results.add(f);
    }
    queue.failAll("connection lost: test");
    assertTrue(
        results.get(3).isCompletedExceptionally() && results.get(4).isCompletedExceptionally());
    assertTrue(!results.get(0).isDone(), "what is in flight is Paho's to complete");
  }

  private synchronized int sentSize() {
    return sent.size();
  }
}
