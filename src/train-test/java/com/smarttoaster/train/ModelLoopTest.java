package com.smarttoaster.train;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.smarttoaster.cli.Main;
import com.smarttoaster.config.HistoryConfig;
import com.smarttoaster.config.ToasterConfig;
import com.smarttoaster.dataset.DatasetCsv;
import com.smarttoaster.dataset.DatasetRow;
import com.smarttoaster.dataset.RowSource;
import com.smarttoaster.dataset.Split;
import com.smarttoaster.hal.sim.ApplianceConditions;
import com.smarttoaster.history.CycleRecord;
import com.smarttoaster.history.CycleRecordCsv;
import com.smarttoaster.history.HistoryDatabase;
import com.smarttoaster.history.Rating;
import com.smarttoaster.model.ModelCard;
import com.smarttoaster.modellife.ActiveModel;
import com.smarttoaster.modellife.BundleVerifier;
import com.smarttoaster.modellife.CycleModelWatcher;
import com.smarttoaster.modellife.ModelStore;
import com.smarttoaster.modellife.ShadowModel;
import com.smarttoaster.modellife.TestBundles;
import com.smarttoaster.modellife.VerifiedBundle;
import com.smarttoaster.predict.FallbackTimeTable;
import com.smarttoaster.predict.SimulatedTimePredictorRunner;
import com.smarttoaster.predict.ToastTimePredictor;
import com.smarttoaster.remote.ApplianceRemote;
import com.smarttoaster.remote.RemoteFactory;
import com.smarttoaster.safety.SafetyLimits;
import com.smarttoaster.testkit.CliRun;
import com.smarttoaster.testkit.SimToaster;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/**
 * The model's whole loop on the simulated appliance (issue 14, item 7): rated cycles recorded in
 * the history → training rows (none lost) → a (tiny) retrain → signed bundle → {@code model
 * install} → the new model in shadow → {@code model promote} → cycles recorded with the new version
 * → {@code model rollback}. Only with -Ptrain, which .ci/run's last step runs.
 */
class ModelLoopTest {
  private static final int RATED = 12;

  @TempDir Path dir;

  private static CliRun cli(String... args) {
    return CliRun.of(args);
  }

  private static ApplianceRemote historyOnly(Path db) {
    ToasterConfig d = ToasterConfig.defaults();
    return RemoteFactory.fromConfig(
        new ToasterConfig(
            d.appliance(),
            d.safety(),
            d.controller(),
            d.simulation(),
            d.logging(),
            null,
            null,
            new HistoryConfig(db, 1000, 1000)),
        Optional.empty());
  }

  /** Runs {@code cycles} cycles of white bread with {@code active}, watched by {@code watcher}. */
  private static void toast(
      Path db, ToastTimePredictor active, CycleModelWatcher watcher, int cycles) {
    ApplianceRemote remote = historyOnly(db);
    try (remote;
        SimToaster toaster =
            new SimToaster(
                ApplianceConditions.typical(),
                SimToaster.WHITE_4,
                SafetyLimits.defaults(),
                1,
                remote,
                false,
                t -> active)) {
      if (watcher != null) {
        remote.watchModels(watcher);
      }
      for (int i = 0; i < cycles; i++) {
        toaster.lever().runUntil("done", 400);
        assertEquals("done", toaster.phase(), "cycle " + i);
        toaster.run(120); // cools a while: the next one is a second batch, not a fault
      }
      toaster.run(1);
    }
  }

  @Test
  void ratedCyclesRetrainBundleInstallShadowPromoteRecordAndRollBack() throws Exception {
    TrainCommand.configureEngine();
    Path db = dir.resolve("history.db");
    String[] device = {
      "--state-dir", dir.resolve("state").toString(), "--public-key", TestBundles.publicKeyBase64()
    };

    // 1. Rated cycles in the history: the factory model toasts, the household finds every one too
    // light.
    toast(db, ActiveModel.factory(), null, RATED);
    try (HistoryDatabase h = HistoryDatabase.open(db, 1000, 1000)) {
      for (CycleRecord r : h.cycles().all()) {
        assertTrue(h.cycles().rate(r.cycleId(), Rating.TOO_LIGHT));
      }
    }
    Path cycles = dir.resolve("cycles.csv");
    CliRun export =
        cli("history", "export", "--db", db.toString(), "--rated-only", "--out", cycles.toString());
    assertEquals(0, export.code(), export.err());
    List<CycleRecord> rated = CycleRecordCsv.read(cycles);
    assertEquals(RATED, rated.size());
    rated.forEach(r -> assertEquals(ActiveModel.factory().modelVersion(), r.modelVersion()));

    // 2. Training rows and a retrain: every rated cycle becomes a row; none in the (replayed) test
    // split.
    Path out = dir.resolve("model");
    int code =
        new CommandLine(new TrainCommand())
            .execute(
                "--rows",
                "300",
                "--seed",
                "3",
                "--max-epochs",
                "3",
                "--hidden",
                "8,8",
                "--feedback",
                cycles.toString(),
                "--out",
                out.toString(),
                "--bundle-key",
                TestBundles.keyDirectory().resolve("test-signing-key.pem").toString());
    assertEquals(0, code);
    ModelCard card = MlpJson.readCard(out.resolve(MlpJson.CARD_FILE));
    assertEquals(300 + RATED, card.dataRows(), "no rated cycle lost on its way into the dataset");
    List<DatasetRow> recorded =
        DatasetCsv.read(out.resolve(DatasetCsv.FILE_NAME)).stream()
            .filter(r -> r.source() == RowSource.RECORDED)
            .toList();
    assertEquals(RATED, recorded.size());
    assertTrue(
        recorded.stream().noneMatch(r -> r.split() == Split.TEST), "test-split rows train instead");
    String version = card.modelVersion();

    // 3. Install the signed bundle; it is not active, it is the shadow candidate.
    Path bundle = out.resolve(TrainCommand.BUNDLE_FILE);
    CliRun install =
        cli("model", "install", bundle.toString(), device[0], device[1], device[2], device[3]);
    assertEquals(0, install.code(), install.err());
    ModelStore store = TestBundles.store(dir.resolve("state"));
    assertEquals(Optional.of(version), store.candidate());
    assertEquals("factory", store.active().active());

    // 4. Shadow: the candidate answers on every cycle, recorded, never used.
    VerifiedBundle v =
        new BundleVerifier(TestBundles.publicKey())
            .verify(Files.readAllBytes(store.bundleFile(version)), version);
    Path shadowDb = dir.resolve("shadow.db");
    try (CycleModelWatcher watcher = new CycleModelWatcher(new FallbackTimeTable())) {
      watcher.active(ActiveModel.factory());
      com.smarttoaster.hal.Clock clock = System::nanoTime;
      watcher.shadow(
          new ShadowModel(
              v.predictor(),
              version,
              new SimulatedTimePredictorRunner(clock, () -> 0.0),
              clock,
              1.0));
      toast(shadowDb, ActiveModel.factory(), watcher, 2);
    }
    try (HistoryDatabase h = HistoryDatabase.openExisting(shadowDb)) {
      for (CycleRecord r : h.cycles().all()) {
        assertEquals(version, r.watch().candidateVersion());
        assertNotNull(r.watch().candidateS(), r.watch().candidateNote());
        assertEquals(
            ActiveModel.factory().modelVersion(),
            r.modelVersion(),
            "the factory model still heats");
      }
    }

    // 5. Promote: the tiny CI model (3 epochs) is refused at the default margin, with the segment
    // table ...
    CliRun refused =
        cli("model", "promote", "--db", db.toString(), device[0], device[1], device[2], device[3]);
    assertEquals(Main.EXIT_BAD_INPUT, refused.code(), refused.out());
    assertTrue(
        refused.out().contains("WORSE")
            && refused.err().startsWith("REFUSED: candidate " + version + " is not promoted: "),
        refused.out() + refused.err());
    assertEquals("factory", store.active().active(), "a refused promotion changes nothing");
    // ... and goes through when the margins are opened wide on purpose (as a test may; a device
    // should not).
    CliRun promoted =
        cli(
            "model",
            "promote",
            "--db",
            db.toString(),
            "--margin",
            "10",
            "--rated-margin",
            "1",
            device[0],
            device[1],
            device[2],
            device[3]);
    assertEquals(0, promoted.code(), promoted.out() + promoted.err());
    assertTrue(promoted.out().contains("Promoted: active model " + version), promoted.out());
    assertEquals(Optional.empty(), store.candidate(), "promoted: no longer a candidate");

    // 6. Cycles are recorded with the new version.
    ActiveModel.Loaded loaded = ActiveModel.load(store, TestBundles.publicKey());
    assertNull(loaded.refusal());
    Path after = dir.resolve("after.db");
    toast(after, loaded.predictor(), null, 1);
    try (HistoryDatabase h = HistoryDatabase.openExisting(after)) {
      assertEquals(
          List.of(version), h.cycles().all().stream().map(CycleRecord::modelVersion).toList());
    }

    // 7. Roll back: the factory model is active again, and the new version is the candidate once
    // more.
    CliRun back = cli("model", "rollback", device[0], device[1], device[2], device[3]);
    assertEquals(0, back.code(), back.err());
    assertEquals("Rolled back: active model factory", back.out().strip());
    assertSame(ActiveModel.factory(), ActiveModel.load(store, TestBundles.publicKey()).predictor());
    assertEquals(Optional.of(version), store.candidate());
  }
}
