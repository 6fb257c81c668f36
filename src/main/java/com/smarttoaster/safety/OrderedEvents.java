package com.smarttoaster.safety;

import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.locks.ReentrantLock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The supervisor's listener calls and fault-store writes, run strictly in the order the supervisor
 * decided them. Events are queued under the supervisor's lock (so the queue's order is the order of
 * the state changes) and run after it is released by whichever thread queued them; only one thread
 * runs events at a time, and a thread that finds another one running leaves its events to it (the
 * runner drains the queue until it is empty, re-checking after it stops). So a heater-on event from
 * the loop and a heater-off event from the controller can no longer overtake each other.
 *
 * <p>An event that throws is logged and skipped. A listener may call back into the supervisor: the
 * events that call queues are run after the current one, still in order.
 */
final class OrderedEvents {
  private static final Logger log = LoggerFactory.getLogger(OrderedEvents.class);

  private final ConcurrentLinkedQueue<Runnable> queue = new ConcurrentLinkedQueue<>();
  private final ReentrantLock running = new ReentrantLock();

  /** Queues {@code event}; call with the supervisor's lock held. */
  void add(Runnable event) {
    queue.add(event);
  }

  /**
   * Runs the queued events unless another thread is running them. Call without the supervisor's
   * lock.
   */
  void run() {
    while (!queue.isEmpty()) {
      if (running.isHeldByCurrentThread() || !running.tryLock()) {
        return; // a callback from a listener, or another thread is running: it drains the queue
      }
      try {
        Runnable event;
        while ((event = queue.poll()) != null) {
          try {
            event.run();
          } catch (RuntimeException e) {
            log.warn("Safety listener threw; ignored", e);
          }
        }
      } finally {
        running.unlock();
      }
    }
  }
}
