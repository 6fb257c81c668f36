package com.smarttoaster.modellife;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.smarttoaster.appliance.RunningModel;
import com.smarttoaster.config.HistoryConfig;
import com.smarttoaster.config.ToasterConfig;
import com.smarttoaster.hal.sim.ApplianceConditions;
import com.smarttoaster.history.CycleRecord;
import com.smarttoaster.history.HistoryDatabase;
import com.smarttoaster.predict.FallbackTimeTable;
import com.smarttoaster.predict.PredictionInput;
import com.smarttoaster.predict.PredictorName;
import com.smarttoaster.predict.PredictorRunner;
import com.smarttoaster.predict.SimulatedTimePredictorRunner;
import com.smarttoaster.predict.ThreadPredictorRunner;
import com.smarttoaster.predict.ToastTimePredictor;
import com.smarttoaster.remote.ApplianceRemote;
import com.smarttoaster.remote.RemoteFactory;
import com.smarttoaster.safety.SafetyLimits;
import com.smarttoaster.testkit.SimToaster;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.function.Function;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The shadow candidate on the simulated appliance in stepped simulated time: which installed
 * version is the candidate, its answer recorded beside the active model's and never used, and a
 * candidate that hangs or throws cut off without touching the cycle.
 */
class ShadowModeTest {
  private static final String V1 = "2027.01.10.080000-data1-train1";
  private static final String V2 = "2027.02.20.120000-data1-train2";

  @TempDir Path dir;

  private ModelStore store() throws Exception {
    return TestBundles.storeWith(dir.resolve("state"), dir, V1, V2);
  }

  @Test
  void theCandidateIsTheNewestInstalledVersionNewerThanTheActiveOne() throws Exception {
    ModelStore store = store();
    assertEquals(Optional.of(V2), store.candidate(), "factory active: the newest installed");
    store.activate(V1);
    assertEquals(Optional.of(V2), store.candidate());
    store.activate(V2);
    assertEquals(Optional.empty(), store.candidate(), "nothing newer than the active model");
    store.rollback();
    assertEquals(Optional.of(V2), store.candidate(), "rolled back from: watched again");
    byte[] bytes = Files.readAllBytes(store.bundleFile(V2));
    TestBundles.flipInside(bytes, TestBundles.factoryModel(), 300);
    Files.write(store.bundleFile(V2), bytes);
    assertEquals(
        Optional.empty(), store.candidate(), "a version that no longer verifies is no candidate");
  }

  @Test
  void aSecondInstallWhileOneHoldsTheLockIsRefusedAndChangesNothing() throws Exception {
    ModelStore store = TestBundles.store(dir.resolve("state"));
    Path f = dir.resolve(V1 + ModelBundle.EXTENSION);
    Files.write(f, TestBundles.bundle(V1).toBytes());
    Files.createDirectories(store.directory());
    try (FileChannel ch =
            FileChannel.open(
                store.directory().resolve(ModelStore.INSTALL_LOCK),
                StandardOpenOption.CREATE,
                StandardOpenOption.WRITE);
        FileLock held = ch.lock()) {
      BundleException e =
          assertThrows(BundleException.class, () -> store.install(f, false, Instant.EPOCH));
      assertTrue(
          e.getMessage().startsWith("another `model install` is running on "), e.getMessage());
      assertEquals(List.of(), store.installedVersions());
    }
    assertEquals(
        V1,
        store.install(f, false, Instant.EPOCH).text(),
        "the lock released, the install goes through");
  }

  /** Runs one cycle with {@code shadow} watching and returns its record. */
  private CycleRecord oneCycle(ShadowModel shadow, ToastTimePredictor active) {
    Path db = dir.resolve("history-" + System.nanoTime() + ".db");
    ToasterConfig d = ToasterConfig.defaults();
    ApplianceRemote remote =
        RemoteFactory.fromConfig(
            new ToasterConfig(
                d.appliance(),
                d.safety(),
                d.controller(),
                d.simulation(),
                d.logging(),
                null,
                null,
                new HistoryConfig(db, 100, 100)),
            Optional.empty());
    CycleModelWatcher watcher = new CycleModelWatcher(new FallbackTimeTable());
    watcher.active(active);
    Function<FallbackTimeTable, ToastTimePredictor> primary = t -> active;
    try (remote;
        watcher;
        SimToaster toaster =
            new SimToaster(
                ApplianceConditions.typical(),
                SimToaster.WHITE_4,
                SafetyLimits.defaults(),
                1,
                remote,
                false,
                primary)) {
      remote.watchModels(watcher);
      watcher.shadow(shadow);
      toaster.lever().runUntil("done", 400);
      assertEquals("done", toaster.phase(), "the cycle ends whatever the candidate does");
      toaster.run(1);
    }
    try (HistoryDatabase h = HistoryDatabase.openExisting(db)) {
      List<CycleRecord> all = h.cycles().all();
      assertEquals(1, all.size());
      return all.get(0);
    }
  }

  private ShadowModel shadowOf(
      ToastTimePredictor candidate,
      String version,
      PredictorRunner runner,
      SimToasterClockHolder clock) {
    return new ShadowModel(candidate, version, runner, clock, 1.0);
  }

  /** The shadow's clock: any nanosecond source; the cut-off is decided at the cycle's end. */
  private static final class SimToasterClockHolder implements com.smarttoaster.hal.Clock {
    private long nanos;

    @Override
    public long nanos() {
      return nanos += 1_000_000_000L; // each look is a simulated second later
    }
  }

  @Test
  void theCandidatesAnswerIsRecordedBesideTheActiveModelsAndNeverUsed() throws Exception {
    ModelStore store = store();
    ToastTimePredictor active = ActiveModel.factory();
    VerifiedBundle v2 =
        new BundleVerifier(TestBundles.publicKey())
            .verify(Files.readAllBytes(store.bundleFile(V2)), V2);
    // The candidate answers twice the active model's time: were it used, the cycle would heat far
    // longer.
    ToastTimePredictor doubled =
        new ToastTimePredictor() {
          @Override
          public PredictorName name() {
            return PredictorName.MODEL;
          }

          @Override
          public double predictSeconds(PredictionInput input) throws Exception {
            return 2 * v2.predictor().predictSeconds(input);
          }
        };
    SimToasterClockHolder clock = new SimToasterClockHolder();
    CycleRecord r =
        oneCycle(
            shadowOf(doubled, V2, new SimulatedTimePredictorRunner(clock, () -> 0.0), clock),
            active);
    assertEquals(V2, r.watch().candidateVersion());
    assertNotNull(r.watch().candidateS());
    assertNull(r.watch().candidateNote());
    assertEquals(
        PredictorName.MODEL, r.prediction().predictor(), "the active model's answer heats");
    assertTrue(
        r.watch().candidateS() > 1.8 * r.prediction().seconds(),
        "recorded, not used: candidate "
            + r.watch().candidateS()
            + " s, heated for "
            + r.prediction().seconds()
            + " s");
    assertTrue(
        r.heaterOnS() < 1.2 * r.prediction().seconds(),
        "the heater ran about the active model's time (a"
            + " re-prediction may trim it), not the candidate's: "
            + r.heaterOnS()
            + " s");
    assertNotNull(
        r.watch().checkerDisagreement(), "the active model answered, so its disagreement is known");
    assertTrue(r.watch().checkerDisagreement() < 0.3, "typical kitchen: model and table agree");
    assertEquals(0.0, r.watch().envelopeDistance(), "typical kitchen: inside the envelope");
  }

  @Test
  void aHangingCandidateIsCutOffAtTheCycleEndAndTheCycleIsUntouched() throws Exception {
    CountDownLatch never = new CountDownLatch(1);
    ToastTimePredictor hangs =
        new ToastTimePredictor() {
          @Override
          public PredictorName name() {
            return PredictorName.MODEL;
          }

          @Override
          public double predictSeconds(PredictionInput input) throws Exception {
            never.await();
            return 100;
          }
        };
    SimToasterClockHolder clock = new SimToasterClockHolder();
    CycleRecord r =
        oneCycle(shadowOf(hangs, V2, new ThreadPredictorRunner(), clock), ActiveModel.factory());
    assertEquals(V2, r.watch().candidateVersion());
    assertNull(r.watch().candidateS());
    assertTrue(
        r.watch().candidateNote().startsWith("cut off: no answer after "),
        r.watch().candidateNote());
    assertEquals(PredictorName.MODEL, r.prediction().predictor());
    assertNull(r.prediction().fallbackReason());
  }

  @Test
  void aThrowingCandidateCostsOnlyItsOwnNote() throws Exception {
    ToastTimePredictor throwing =
        new ToastTimePredictor() {
          @Override
          public PredictorName name() {
            return PredictorName.MODEL;
          }

          @Override
          public double predictSeconds(PredictionInput input) {
            throw new IllegalStateException("tensor shape mismatch");
          }
        };
    SimToasterClockHolder clock = new SimToasterClockHolder();
    CycleRecord r =
        oneCycle(
            shadowOf(throwing, V2, new SimulatedTimePredictorRunner(clock, () -> 0.0), clock),
            ActiveModel.factory());
    assertEquals("candidate declined or failed: tensor shape mismatch", r.watch().candidateNote());
    assertEquals(PredictorName.MODEL, r.prediction().predictor());
  }

  @Test
  void theServiceLoadsTheCandidateInShadowFollowsItAndReportsARefusedActiveModel()
      throws Exception {
    ModelStore store = store();
    store.activate(V1);
    FallbackTimeTable table = new FallbackTimeTable();
    com.smarttoaster.config.ModelConfig keyed =
        new com.smarttoaster.config.ModelConfig(TestBundles.publicKeyBase64());
    SimToasterClockHolder clock = new SimToasterClockHolder();
    try (RunningModel m = RunningModel.open("model", keyed, Optional.of(dir.resolve("state")))) {
      assertEquals(V1, m.primary(table).modelVersion());
      CycleModelWatcher w = m.watcher(clock, 1.0);
      assertEquals(V2, w.candidateVersion(), "the newer installed version shadows the active one");
      assertEquals(V1, w.activeCard().modelVersion());
      store.activate(V2);
      m.refreshCandidate();
      assertNull(w.candidateVersion(), "promoted: nothing newer to shadow");
      List<String> refusals = new java.util.ArrayList<>();
      m.reportRefusalsTo(refusals::add);
      assertEquals(List.of(), refusals, "V1 verified at start: nothing to report");
    }
    byte[] bytes = Files.readAllBytes(store.bundleFile(V2));
    TestBundles.flipInside(bytes, TestBundles.factoryModel(), 300);
    Files.write(store.bundleFile(V2), bytes);
    try (RunningModel m = RunningModel.open("model", keyed, Optional.of(dir.resolve("state")))) {
      m.primary(table);
      List<String> refusals = new java.util.ArrayList<>();
      m.reportRefusalsTo(refusals::add);
      assertEquals(1, refusals.size());
      assertTrue(
          refusals.get(0).startsWith("model " + V2 + " refused: ")
              && refusals.get(0).endsWith("; the factory" + " model runs instead"),
          refusals.get(0));
    }
  }

  @Test
  void theModelTheServiceStartedWithIsClosedWithItsRunnerTheFactoryModelNever() throws Exception {
    ModelStore store = store();
    store.activate(V1);
    FallbackTimeTable table = new FallbackTimeTable();
    com.smarttoaster.config.ModelConfig keyed =
        new com.smarttoaster.config.ModelConfig(TestBundles.publicKeyBase64());
    PredictionInput in = new PredictionInput(SimToaster.WHITE_4, 21, 21, 230);
    try (RunningModel m = RunningModel.open("model", keyed, Optional.of(dir.resolve("state")))) {
      PredictorRunner runner = m.startRunner(new ThreadPredictorRunner());
      ToastTimePredictor started = m.primary(table);
      assertTrue(started.predictSeconds(in) > 0);
      runner.close(); // as the controller does when it switches to another model
      Exception e = assertThrows(Exception.class, () -> started.predictSeconds(in));
      assertTrue(e.getMessage().contains("closed"), e.getMessage());
    }
    store.activate(ModelVersion.FACTORY);
    try (RunningModel m = RunningModel.open("model", keyed, Optional.of(dir.resolve("state")))) {
      PredictorRunner runner = m.startRunner(new ThreadPredictorRunner());
      ToastTimePredictor started = m.primary(table);
      runner.close();
      assertTrue(started.predictSeconds(in) > 0, "the shared factory model keeps working");
    }
  }
}
