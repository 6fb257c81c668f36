package com.smarttoaster.fleet;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.smarttoaster.fleet.sim.FieldToaster;
import com.smarttoaster.fleet.store.FieldEvent;
import com.smarttoaster.fleet.store.FleetDatabase;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The "done means" for the collector: 100 field toasters publish cycles and ratings (QoS 1)
 * through the shipped broker to two {@code fleet collect} processes sharing one subscription group,
 * writing into a real PostgreSQL. One collector is killed with SIGKILL while the toasters are
 * publishing and started again (as systemd would) after they have finished. Every event must then
 * be stored exactly once: the stored keys are exactly the published ones.
 */
class CollectAtLeastOnceTest {
  static final int TOASTERS = 100;
  static final int CYCLES = 3;
  static final int EVENTS_PER_CYCLE = 2; // done and rated

  @TempDir Path dir;

  @Test
  void hundredToastersTwoCollectorsOneKilledMidRunEveryEventIsStoredExactlyOnce() throws Exception {
    try (FleetWorld world = new FleetWorld(dir, TOASTERS);
        FleetDatabase db = FleetDatabase.open(world.postgres.url(), world.postgres.user(), null);
        CollectorProcess second = world.collector("fleet-collector-2").start()) {
      CollectorProcess first = world.collector("fleet-collector-1").start();
      int total = TOASTERS * CYCLES;
      CountDownLatch thirdDone = new CountDownLatch(total / 3);
      ExecutorService pool = Executors.newFixedThreadPool(4);
      List<Future<?>> runs = new ArrayList<>();
      for (FieldToaster t : world.toasters) {
        runs.add(
            pool.submit(
                () -> {
                  for (int c = 0; c < CYCLES; c++) {
                    t.cycle();
                    thirdDone.countDown();
                  }
                  return null;
                }));
      }
      thirdDone.await();
      long storedBeforeKill = db.countEvents();
      first.kill(); // mid-run: toasters keep publishing, collector 1 had messages in hand
      for (Future<?> f : runs) {
        f.get();
      }
      pool.shutdown();
      java.time.Instant restartedAt = java.time.Instant.now();
      CollectorProcess restarted = world.collector("fleet-collector-1").start();
      try {
        long expected = (long) total * EVENTS_PER_CYCLE;
        Awaiting.until(
            Duration.ofSeconds(120),
            () -> db.countEvents() >= expected,
            () ->
                db.countEvents()
                    + " of "
                    + expected
                    + " events stored; collector 1 after restart: "
                    + restarted.log());
        Set<String> stored = new HashSet<>();
        for (FieldEvent e : db.events()) {
          assertTrue(
              stored.add(e.deviceId() + "/" + e.runId() + "/" + e.seq()), "stored twice: " + e);
        }
        Set<String> published = new TreeSet<>();
        for (FieldToaster t : world.toasters) {
          for (long s = 1; s <= t.lastSeq(); s++) {
            published.add(t.deviceId() + "/" + t.runId() + "/" + s);
          }
        }
        assertEquals(expected, published.size(), "every toaster published its cycles");
        assertEquals(
            published, new TreeSet<>(stored), "the stored events are exactly the published ones");
        assertTrue(
            storedBeforeKill > 0 && storedBeforeKill < expected,
            "the kill came mid-run: " + storedBeforeKill + " of " + expected + " stored before it");
        long fromSession =
            db.inTransaction(
                c -> {
                  try (var q =
                      c.prepareStatement(
                          "SELECT COUNT(*) FROM fleet_event WHERE collected_by = ? AND received_at > ?")) {
                    q.setString(1, "fleet-collector-1");
                    q.setString(2, restartedAt.toString());
                    try (var r = q.executeQuery()) {
                      r.next();
                      return r.getLong(1);
                    }
                  }
                });
        // All toasters had finished before the restart, so what collector 1 stored after it came
        // from its own session: sent to it before or while it was dead, and never acknowledged.
        assertTrue(
            fromSession > 0,
            "collector 1's session kept messages across the SIGKILL and delivered them after"
                + " the restart");
      } finally {
        restarted.close();
      }
    }
  }
}
