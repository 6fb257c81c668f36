package com.smarttoaster.bench;

import com.smarttoaster.fleet.FleetLogin;
import com.smarttoaster.fleet.collect.FleetCollector;
import com.smarttoaster.fleet.store.FieldEvent;
import com.smarttoaster.fleet.store.FleetDatabase;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.eclipse.paho.mqttv5.client.MqttAsyncClient;
import org.eclipse.paho.mqttv5.client.MqttConnectionOptions;
import org.eclipse.paho.mqttv5.client.persist.MemoryPersistence;

/**
 * The collector's throughput and latency on its real path: {@code publishers} MQTT clients send
 * {@code events} toaster events (QoS 1, as toasters do) as fast as the broker takes them; one
 * {@link FleetCollector} (shared subscription, manual acks, batched transactions) stores them.
 * Measured: events per second from the first publish to the last commit, and per event the time
 * from the publish call to the commit of its row ("broker to row": the publisher's hop, the broker,
 * the collector's hop, the queue and the transaction). With a rate the publishers pace themselves
 * (the latency of a fleet the collector keeps up with); without, they flood (the throughput, and
 * the latency of a backlog).
 */
public final class CollectorBench {
  /** What was measured. */
  public record Result(
      int events,
      double seconds,
      double eventsPerS,
      double p50Ms,
      double p99Ms,
      double maxMs,
      long stored) {
    public String text() {
      return String.format(
          Locale.ROOT,
          "%d events in %.1f s: %.0f events/s stored; publish-to-commit latency p50 %.1f"
              + " ms, p99 %.1f ms, max %.1f ms (%d rows new)",
          events,
          seconds,
          eventsPerS,
          p50Ms,
          p99Ms,
          maxMs,
          stored);
    }
  }

  private CollectorBench() {}

  public static Result run(
      FleetLogin collectorLogin,
      FleetLogin publisherLogin,
      FleetDatabase db,
      int publishers,
      int events,
      int batch,
      double ratePerS)
      throws Exception {
    Map<String, Long> sentAt = new ConcurrentHashMap<>();
    long[] latencies = new long[events];
    CountDownLatch allStored = new CountDownLatch(events);
    int[] n = {0};
    FleetCollector collector =
        new FleetCollector(
            collectorLogin,
            new FleetCollector.Settings("bench", batch, 3600),
            db,
            (stored, committedNanos) -> {
              for (FieldEvent e : stored) {
                Long t0 = sentAt.remove(e.deviceId() + "/" + e.runId() + "/" + e.seq());
                if (t0 != null) {
                  synchronized (latencies) {
                    if (n[0] < latencies.length) {
                      latencies[n[0]++] = committedNanos - t0;
                    }
                  }
                  allStored.countDown();
                }
              }
            });
    collector.start();
    List<MqttAsyncClient> clients = new ArrayList<>();
    try {
      for (int p = 0; p < publishers; p++) {
        MqttAsyncClient c =
            new MqttAsyncClient(
                publisherLogin.brokerUrl(),
                publisherLogin.user() + "-pub-" + p,
                new MemoryPersistence());
        MqttConnectionOptions o = publisherLogin.options(true, 0);
        o.setAutomaticReconnect(false);
        c.connect(o).waitForCompletion(15_000);
        clients.add(c);
      }
      String run = UUID.randomUUID().toString();
      long start = System.nanoTime();
      Thread[] senders = new Thread[publishers];
      for (int p = 0; p < publishers; p++) {
        int me = p;
        senders[p] =
            new Thread(
                () ->
                    publish(
                        clients.get(me),
                        "bench" + me,
                        run,
                        me,
                        publishers,
                        events,
                        sentAt,
                        start,
                        ratePerS));
        senders[p].start();
      }
      for (Thread t : senders) {
        t.join();
      }
      if (!allStored.await(10, TimeUnit.MINUTES)) {
        throw new IllegalStateException(
            "only " + (events - allStored.getCount()) + " of " + events + " stored in 10 min");
      }
      double seconds = (System.nanoTime() - start) / 1e9;
      long[] l = Arrays.copyOf(latencies, n[0]);
      Arrays.sort(l);
      return new Result(
          events,
          seconds,
          events / seconds,
          l[l.length / 2] / 1e6,
          l[(int) (l.length * 0.99)] / 1e6,
          l[l.length - 1] / 1e6,
          collector.stored());
    } finally {
      for (MqttAsyncClient c : clients) {
        c.disconnect().waitForCompletion(5000);
        c.close();
      }
      collector.close();
    }
  }

  /**
   * Publisher {@code me}'s share of the events, one device id per publisher, keeping the broker's
   * window full.
   */
  private static void publish(
      MqttAsyncClient c,
      String device,
      String run,
      int me,
      int publishers,
      int events,
      Map<String, Long> sentAt,
      long startNanos,
      double ratePerS) {
    long seq = 0;
    for (int i = me; i < events; i += publishers) {
      seq++;
      if (ratePerS > 0) { // event i is due at i / rate after the start
        long due = startNanos + (long) (i / ratePerS * 1e9);
        java.util.concurrent.locks.LockSupport.parkNanos(due - System.nanoTime());
      }
      String json =
          "{\"event_type\":\"done\",\"run\":\""
              + run
              + "\",\"seq\":"
              + seq
              + ",\"device\":\""
              + device
              + "\",\"at\":\"2026-12-04T00:00:00Z\",\"reason\":null,\"cycle\":{\"cycleId\":\""
              + run
              + "-"
              + seq
              + "\",\"predictor\":\"model\",\"fallbackReason\":null,\"modelVersion\":\"factory\"}}";
      while (true) {
        try {
          sentAt.put(device + "/" + run + "/" + seq, System.nanoTime());
          c.publish(
              "toaster/" + device + "/event", json.getBytes(StandardCharsets.UTF_8), 1, false);
          break;
        } catch (org.eclipse.paho.mqttv5.common.MqttException e) {
          try {
            Thread.sleep(1); // the in-flight window is full: wait for a PUBACK
          } catch (InterruptedException ie) {
            Thread.currentThread().interrupt();
            return;
          }
        }
      }
    }
  }
}
