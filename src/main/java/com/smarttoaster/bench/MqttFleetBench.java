package com.smarttoaster.bench;

import com.smarttoaster.history.InMemoryCycleHistory;
import com.smarttoaster.history.InMemoryEventOutbox;
import com.smarttoaster.remote.ApplianceRemote;
import com.smarttoaster.remote.MqttRemote;
import com.smarttoaster.remote.MqttTransport;
import com.smarttoaster.remote.PahoTransport;
import com.smarttoaster.remote.RemoteFactory;
import com.smarttoaster.remote.Topics;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.LongSupplier;
import org.eclipse.paho.mqttv5.client.IMqttToken;
import org.eclipse.paho.mqttv5.client.MqttCallback;
import org.eclipse.paho.mqttv5.client.MqttClient;
import org.eclipse.paho.mqttv5.client.MqttConnectionOptions;
import org.eclipse.paho.mqttv5.client.MqttDisconnectResponse;
import org.eclipse.paho.mqttv5.client.persist.MemoryPersistence;
import org.eclipse.paho.mqttv5.common.MqttException;
import org.eclipse.paho.mqttv5.common.MqttMessage;
import org.eclipse.paho.mqttv5.common.packet.MqttProperties;
import org.jspecify.annotations.Nullable;

/**
 * A fleet of simulated toasters, each with its own MQTT client, against one broker, in real time:
 * messages per second at a subscriber that watches them all, CPU per toaster (the fleet's CPU with
 * MQTT minus the same fleet without it), and the latency from a state change (the moment the bridge
 * hands it over) to its arrival at the subscriber.
 */
public final class MqttFleetBench {
  /**
   * @param toasters fleet size
   * @param seconds measured wall seconds per phase
   * @param stateMessages states received by the subscriber
   * @param eventMessages events received by the subscriber
   * @param messagesPerS all messages received per wall second
   * @param cpuPerToasterNoMqtt fleet CPU without MQTT, fraction of one core per toaster
   * @param cpuPerToasterMqtt fleet CPU with MQTT, fraction of one core per toaster
   * @param brokerCpu broker CPU, fraction of one core (NaN when unknown)
   * @param latencyMs state-change-to-subscriber latency percentiles p50, p90, p99, max (ms)
   * @param matched latency samples
   */
  public record Result(
      int toasters,
      double seconds,
      long stateMessages,
      long eventMessages,
      double messagesPerS,
      double cpuPerToasterNoMqtt,
      double cpuPerToasterMqtt,
      double brokerCpu,
      double[] latencyMs,
      int matched) {}

  private MqttFleetBench() {}

  /**
   * @param brokerUrl tcp://host:port of the broker
   * @param brokerCpuNanos the broker's CPU time so far, or null when unknown
   */
  public static Result run(
      String brokerUrl, int toasters, double seconds, @Nullable LongSupplier brokerCpuNanos)
      throws Exception {
    long baselineCpu = fleetCpu(toasters, seconds, i -> ApplianceRemote.NONE, null);

    Map<String, Long> queued = new ConcurrentHashMap<>();
    List<Long> latencies = java.util.Collections.synchronizedList(new ArrayList<>());
    AtomicLong states = new AtomicLong();
    AtomicLong events = new AtomicLong();
    MqttClient watcher = new MqttClient(brokerUrl, "fleet-watcher", new MemoryPersistence());
    MqttConnectionOptions o = new MqttConnectionOptions();
    o.setCleanStart(true);
    o.setReceiveMaximum(1000);
    watcher.setCallback(
        new MqttCallback() {
          @Override
          public void disconnected(MqttDisconnectResponse response) {}

          @Override
          public void mqttErrorOccurred(MqttException exception) {}

          @Override
          public void messageArrived(String topic, MqttMessage m) {
            long now = System.nanoTime();
            if (topic.endsWith("/state")) {
              states.incrementAndGet();
              String device =
                  topic.substring(Topics.ROOT.length() + 1, topic.length() - "/state".length());
              Long at =
                  queued.remove(device + "\n" + new String(m.getPayload(), StandardCharsets.UTF_8));
              if (at != null) {
                latencies.add(now - at);
              }
            } else if (topic.endsWith("/event")) {
              events.incrementAndGet();
            }
          }

          @Override
          public void deliveryComplete(IMqttToken token) {}

          @Override
          public void connectComplete(boolean reconnect, String serverUri) {}

          @Override
          public void authPacketArrived(int reasonCode, MqttProperties properties) {}
        });
    watcher.connect(o);
    watcher.subscribe(new String[] {"toaster/+/state", "toaster/+/event"}, new int[] {1, 1});

    List<MqttRemote> remotes = new ArrayList<>();
    MqttRemote.StateProbe probe =
        (device, payload, at) ->
            queued.put(device + "\n" + new String(payload, StandardCharsets.UTF_8), at);
    long[] broker = new long[2];
    long mqttCpu =
        fleetCpu(
            toasters,
            seconds,
            i -> {
              String id = "fleet-" + i;
              Topics t = new Topics(id, "homeassistant");
              MqttTransport tr =
                  new PahoTransport(
                      new PahoTransport.Settings(
                          brokerUrl,
                          "toaster-" + id,
                          null,
                          null,
                          null,
                          20,
                          10,
                          t.status(),
                          "offline".getBytes(StandardCharsets.US_ASCII)));
              MqttRemote r =
                  RemoteFactory.create(
                      new MqttRemote.Options(id, "homeassistant", 2, 10, 60),
                      tr,
                      new InMemoryCycleHistory(100),
                      new InMemoryEventOutbox(1000),
                      List.of());
              remotes.add(r);
              return r;
            },
            () -> {
              for (MqttRemote r : remotes) {
                try {
                  if (!r.awaitConnected(Duration.ofSeconds(20))) {
                    throw new IllegalStateException("a toaster could not connect to " + brokerUrl);
                  }
                } catch (InterruptedException e) {
                  Thread.currentThread().interrupt();
                }
              }
              states.set(0);
              events.set(0);
              remotes.forEach(r -> r.probe(probe));
              broker[0] = brokerCpuNanos == null ? -1 : brokerCpuNanos.getAsLong();
            },
            () -> broker[1] = brokerCpuNanos == null ? -1 : brokerCpuNanos.getAsLong());
    long received = states.get() + events.get();
    watcher.disconnect();
    watcher.close();

    long[] sorted;
    synchronized (latencies) {
      sorted = latencies.stream().mapToLong(Long::longValue).sorted().toArray();
    }
    double[] pct =
        sorted.length == 0
            ? new double[] {Double.NaN, Double.NaN, Double.NaN, Double.NaN}
            : new double[] {
              ms(sorted, 0.50), ms(sorted, 0.90), ms(sorted, 0.99), sorted[sorted.length - 1] / 1e6
            };
    double wallNanos = seconds * 1e9;
    return new Result(
        toasters,
        seconds,
        states.get(),
        events.get(),
        received / seconds,
        baselineCpu / wallNanos / toasters,
        mqttCpu / wallNanos / toasters,
        brokerCpuNanos == null ? Double.NaN : (broker[1] - broker[0]) / wallNanos,
        pct,
        sorted.length);
  }

  private static double ms(long[] sorted, double q) {
    return sorted[Math.min(sorted.length - 1, (int) Math.floor(q * sorted.length))] / 1e6;
  }

  /**
   * Runs the fleet in real time; returns the process CPU time spent during the measured seconds.
   */
  private static long fleetCpu(
      int n,
      double seconds,
      java.util.function.IntFunction<ApplianceRemote> remoteFor,
      Runnable beforeMeasuring)
      throws Exception {
    return fleetCpu(n, seconds, remoteFor, beforeMeasuring, null);
  }

  private static long fleetCpu(
      int n,
      double seconds,
      java.util.function.IntFunction<ApplianceRemote> remoteFor,
      Runnable beforeMeasuring,
      Runnable afterMeasuring)
      throws Exception {
    List<FleetToaster> fleet = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      fleet.add(new FleetToaster(remoteFor.apply(i), i, 1 + i % 7));
    }
    if (beforeMeasuring != null) {
      beforeMeasuring.run();
    }
    ScheduledExecutorService pool =
        Executors.newScheduledThreadPool(
            2,
            r -> {
              Thread t = new Thread(r, "fleet");
              t.setDaemon(true);
              return t;
            });
    long periodMicros = 50_000;
    for (int i = 0; i < n; i++) {
      FleetToaster t = fleet.get(i);
      // Staggered, so that the fleet does not tick in lockstep.
      pool.scheduleAtFixedRate(t::tick, periodMicros * i / n, periodMicros, TimeUnit.MICROSECONDS);
    }
    long cpu0 = processCpuNanos();
    Thread.sleep((long) (seconds * 1000));
    long cpu = processCpuNanos() - cpu0;
    if (afterMeasuring != null) {
      afterMeasuring.run();
    }
    pool.shutdownNow();
    pool.awaitTermination(5, TimeUnit.SECONDS);
    for (FleetToaster t : fleet) {
      t.close();
    }
    return cpu;
  }

  static long processCpuNanos() {
    var os = ManagementFactory.getOperatingSystemMXBean();
    if (os instanceof com.sun.management.OperatingSystemMXBean sun) {
      return sun.getProcessCpuTime();
    }
    return 0;
  }

  /** p50/p90/p99/max as text. */
  public static String latencies(double[] ms) {
    return String.format(
        java.util.Locale.ROOT,
        "p50 %.1f ms, p90 %.1f ms, p99 %.1f ms, max %.1f ms",
        ms[0],
        ms[1],
        ms[2],
        ms[3]);
  }

  static String describe(double[] a) {
    return Arrays.toString(a);
  }
}
