package com.smarttoaster.fleet;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.smarttoaster.dataset.DatasetCsv;
import com.smarttoaster.fleet.collect.FleetCollector;
import com.smarttoaster.fleet.dataset.FieldDataset;
import com.smarttoaster.fleet.rollout.FleetStatus;
import com.smarttoaster.fleet.rollout.MqttOfferPublisher;
import com.smarttoaster.fleet.rollout.Rollout;
import com.smarttoaster.fleet.rollout.RolloutPolicy;
import com.smarttoaster.fleet.sim.FieldToaster;
import com.smarttoaster.fleet.store.FleetDatabase;
import com.smarttoaster.history.CycleRecordCsv;
import com.smarttoaster.modellife.BundleVerifier;
import com.smarttoaster.modellife.ModelVersion;
import com.smarttoaster.modellife.TestBundles;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The "done means" for the rollout, on one fleet of 100 field toasters, the shipped broker
 * and a real PostgreSQL, with a collector storing their events: a 10 % canary of a deliberately
 * worse model (the factory network with every time 15 % longer, inside the guard's checker band so
 * that much of it gets through) is rolled back automatically; then a good model (the factory
 * network under a newer version) is widened to every toaster. The decisions are taken by {@link
 * Rollout#evaluate} from the stored events only, exactly as {@code fleet rollout} does.
 */
class StagedRolloutTest {
  static final int TOASTERS = 100;
  static final int CYCLES_PER_STAGE = 6;
  static final String BAD = "2099.01.05.000000-slow15";
  static final String GOOD = "2099.01.06.000000-good";

  @TempDir Path dir;

  @Test
  void aWorseCanaryIsRolledBackAndAGoodOneIsWidenedToTheWholeFleet() throws Exception {
    try (FleetWorld world = new FleetWorld(dir, TOASTERS);
        FleetDatabase db = FleetDatabase.open(world.postgres.url(), world.postgres.user(), null);
        FleetDatabase collectorDb =
            FleetDatabase.open(world.postgres.url(), world.postgres.user(), null);
        MqttOfferPublisher offers = new MqttOfferPublisher(world.login("fleet-rollout"))) {
      FleetCollector collector =
          new FleetCollector(
              world.login("fleet-collector-1"),
              new FleetCollector.Settings("fleet", 200, 3600),
              collectorDb,
              null);
      collector.start();
      try {
        AtomicLong published = new AtomicLong();
        runCycles(world.toasters, 1, published);
        awaitStored(db, collector, published);

        Rollout rollout = new Rollout(db, offers, RolloutPolicy.DEFAULT);
        BundleVerifier fleetKey = new BundleVerifier(TestBundles.publicKey());

        // A worse model to 10 %.
        Rollout.State bad =
            rollout.start(
                TestBundles.bundle(BAD, 1.15).toBytes(),
                "bad.toastmodel",
                fleetKey,
                0.10,
                Instant.now());
        assertEquals(10, bad.canary().size(), "10 % of 100 toasters");
        assertEquals(ModelVersion.FACTORY, bad.baseline());
        awaitActive(world, bad.canary(), BAD);
        runCycles(world.toasters, CYCLES_PER_STAGE, published);
        awaitStored(db, collector, published);
        RolloutPolicy.Verdict v1 = rollout.evaluate(bad.id(), Instant.now());
        assertEquals(RolloutPolicy.Verdict.Kind.ROLL_BACK, v1.kind(), v1.reason());
        awaitActive(world, bad.canary(), ModelVersion.FACTORY);
        assertEquals(Rollout.ROLLED_BACK, rollout.state(bad.id()).state());
        for (FieldToaster t : world.toasters) {
          if (!bad.canary().contains(t.deviceId())) {
            assertEquals(
                ModelVersion.FACTORY,
                t.activeVersion(),
                t.deviceId() + " outside the canary was never offered");
          }
        }

        // A good model to 10 %, then to all.
        Rollout.State good =
            rollout.start(
                TestBundles.bundle(GOOD).toBytes(),
                "good.toastmodel",
                fleetKey,
                0.10,
                Instant.now());
        awaitActive(world, good.canary(), GOOD);
        runCycles(world.toasters, CYCLES_PER_STAGE, published);
        awaitStored(db, collector, published);
        RolloutPolicy.Verdict v2 = rollout.evaluate(good.id(), Instant.now());
        assertEquals(RolloutPolicy.Verdict.Kind.WIDEN, v2.kind(), v2.reason());
        List<String> all = world.toasters.stream().map(FieldToaster::deviceId).toList();
        awaitActive(world, all, GOOD);

        // fleet status: every device on the good version (from their model reports), and both
        // decisions.
        awaitStored(db, collector, published);
        runCycles(world.toasters, 1, published);
        awaitStored(db, collector, published);
        FleetStatus status = FleetStatus.of(db);
        assertEquals(
            List.of(GOOD), new ArrayList<>(status.devicesByVersion().keySet()), status.text());
        assertEquals(TOASTERS, status.devicesByVersion().get(GOOD).size(), status.text());
        String text = status.text();
        System.out.println(text); // the decisions and their figures, for the record
        assertTrue(
            text.contains("roll-back: canary") && text.contains("widen: the canary is no worse"),
            text);

        // The field data of all of it as training rows, with its card.
        FieldDataset.Summary data = FieldDataset.export(db, dir.resolve("field-data"));
        int cycles = TOASTERS * (2 + 2 * CYCLES_PER_STAGE);
        assertEquals(cycles, data.ratedEvents());
        assertEquals(cycles, data.cycles());
        assertTrue(
            data.rows() > cycles * 9 / 10,
            data.card()); // all done, toast mode; only very short ones excluded
        assertEquals(
            DatasetCsv.sha256Hex(
                Files.readAllBytes(dir.resolve("field-data").resolve(FieldDataset.ROWS_FILE))),
            data.rowsSha256());
        assertEquals(
            data.rows(),
            DatasetCsv.read(dir.resolve("field-data").resolve(FieldDataset.ROWS_FILE)).size());
        assertTrue(
            data.card().contains("| devices | 100 |") && data.card().contains(data.rowsSha256()),
            data.card());
        assertEquals(
            cycles,
            CycleRecordCsv.read(dir.resolve("field-data").resolve(FieldDataset.CYCLES_FILE))
                .size());
      } finally {
        collector.close();
      }
    }
  }

  /** Every toaster runs {@code n} cycles (four at a time). */
  private static void runCycles(List<FieldToaster> toasters, int n, AtomicLong published)
      throws Exception {
    ExecutorService pool = Executors.newFixedThreadPool(4);
    try {
      List<Future<?>> runs = new ArrayList<>();
      for (FieldToaster t : toasters) {
        runs.add(
            pool.submit(
                () -> {
                  for (int i = 0; i < n; i++) {
                    t.cycle();
                  }
                  return null;
                }));
      }
      for (Future<?> f : runs) {
        f.get();
      }
    } finally {
      pool.shutdown();
    }
    long events = 0;
    for (FieldToaster t : toasters) {
      events += t.lastSeq();
    }
    published.set(events);
  }

  private static void awaitStored(FleetDatabase db, FleetCollector collector, AtomicLong published)
      throws Exception {
    long expected = published.get();
    Awaiting.until(
        Duration.ofSeconds(60),
        () -> db.countEvents() >= expected,
        () -> db.countEvents() + " of " + expected + " events stored (" + collector.counts() + ")");
  }

  private static void awaitActive(FleetWorld world, List<String> devices, String version)
      throws Exception {
    for (FieldToaster t : world.toasters) {
      if (devices.contains(t.deviceId())) {
        Awaiting.until(
            Duration.ofSeconds(60),
            () -> version.equals(t.activeVersion()),
            () -> t.deviceId() + " runs " + t.activeVersion() + ", not " + version);
      }
    }
  }
}
