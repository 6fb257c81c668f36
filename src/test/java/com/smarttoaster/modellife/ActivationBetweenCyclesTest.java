package com.smarttoaster.modellife;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.smarttoaster.appliance.RunningModel;
import com.smarttoaster.cli.Main;
import com.smarttoaster.config.HistoryConfig;
import com.smarttoaster.config.ToasterConfig;
import com.smarttoaster.hal.sim.ApplianceConditions;
import com.smarttoaster.history.CycleRecord;
import com.smarttoaster.history.CycleRecordCsv;
import com.smarttoaster.predict.PredictorName;
import com.smarttoaster.predict.SimulatedTimePredictorRunner;
import com.smarttoaster.remote.ApplianceRemote;
import com.smarttoaster.remote.RemoteFactory;
import com.smarttoaster.safety.SafetyLimits;
import com.smarttoaster.testkit.SimToaster;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/**
 * The running service and the active pointer, on the simulated appliance in stepped simulated time:
 * an activation during a cycle takes effect after it, the history records each cycle's model
 * version, and a refused or missing installed model gives the factory model.
 */
class ActivationBetweenCyclesTest {
  private static final String V1 = "2027.01.10.080000-data1-train1";
  private static final String V2 = "2027.02.20.120000-data1-train2";

  @TempDir Path dir;

  private ModelStore store() throws Exception {
    return TestBundles.storeWith(dir.resolve("state"), dir, V1, V2);
  }

  @Test
  void anActivationDuringACycleTakesEffectAfterItAndTheHistoryRecordsEachCyclesVersion()
      throws Exception {
    ModelStore store = store();
    store.activate(V1);
    ActiveModel.Loaded loaded = ActiveModel.load(store, TestBundles.publicKey());
    assertEquals(V1, loaded.predictor().modelVersion());

    Path db = dir.resolve("history.db");
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
    try (remote;
        SimToaster toaster =
            new SimToaster(
                ApplianceConditions.typical(),
                SimToaster.WHITE_4,
                SafetyLimits.defaults(),
                1,
                remote,
                false,
                table -> loaded.predictor())) {
      ModelFollower follower =
          new ModelFollower(
              store,
              TestBundles.publicKey(),
              loaded.pointer(),
              p ->
                  toaster
                      .assembly()
                      .offerPrimary(p, new SimulatedTimePredictorRunner(toaster.clock, () -> 0.0)));
      assertFalse(follower.check(), "nothing changed yet");

      toaster.lever().runUntil("toasting", 5).run(10);
      assertEquals("toasting", toaster.phase());
      store.activate(V2);
      assertTrue(follower.check(), "the follower sees the new pointer and offers the model");
      toaster.run(20);
      assertEquals("toasting", toaster.phase());
      assertEquals(
          V1,
          toaster.controller.modelVersion(),
          "never switched during a cycle (re-prediction at 30 s included)");
      toaster.runUntil("done", 300);
      assertEquals("done", toaster.phase());
      toaster.run(0.1);
      assertEquals(
          V2, toaster.controller.modelVersion(), "switched on the first tick after the cycle");

      toaster.run(30).lever().runUntil("toasting", 5).runUntil("done", 300);
      assertEquals("done", toaster.phase());
      toaster.run(1);
    }

    Path csv = dir.resolve("cycles.csv");
    CommandLine cl = Main.commandLine();
    StringWriter err = new StringWriter();
    cl.setErr(new PrintWriter(err));
    assertEquals(
        0,
        cl.execute("history", "export", "--db", db.toString(), "--out", csv.toString()),
        err.toString());
    assertTrue(Files.readString(csv).lines().findFirst().orElseThrow().contains(",modelVersion,"));
    List<CycleRecord> cycles = CycleRecordCsv.read(csv);
    assertEquals(
        List.of(V1, V2),
        cycles.stream().map(CycleRecord::modelVersion).toList(),
        "one version per cycle");
    assertEquals(
        List.of(PredictorName.MODEL, PredictorName.MODEL),
        cycles.stream().map(r -> r.prediction().predictor()).toList());
  }

  @Test
  void aTamperedActiveModelGivesTheFactoryModelAndTheFollowerOffersIt() throws Exception {
    ModelStore store = store();
    store.activate(V2);
    byte[] bytes = Files.readAllBytes(store.bundleFile(V2));
    TestBundles.flipInside(bytes, TestBundles.factoryModel(), 300);
    Files.write(store.bundleFile(V2), bytes);

    ActiveModel.Loaded loaded = ActiveModel.load(store, TestBundles.publicKey());
    assertSame(ActiveModel.factory(), loaded.predictor(), "never a model that does not verify");
    assertTrue(
        loaded.note().startsWith("refused (") && loaded.note().contains("toast-time.tflite"),
        loaded.note());
  }

  @Test
  void aMissingActiveModelOrKeyGivesTheFactoryModel() throws Exception {
    ModelStore store = store();
    store.activate(V1);
    assertSame(
        ActiveModel.factory(),
        ActiveModel.load(store, null).predictor(),
        "no key: nothing installed runs");
    Files.delete(store.bundleFile(V1));
    ActiveModel.Loaded loaded = ActiveModel.load(store, TestBundles.publicKey());
    assertSame(ActiveModel.factory(), loaded.predictor());
    assertTrue(loaded.note().contains("cannot be read"), loaded.note());
    assertSame(
        ActiveModel.factory(), ActiveModel.load(null, null).predictor(), "no state directory");
  }

  @Test
  void theServiceStartsWithTheActiveInstalledModelOnlyForTheModelPredictor() throws Exception {
    ModelStore store = store();
    store.activate(V1);
    com.smarttoaster.predict.FallbackTimeTable table =
        new com.smarttoaster.predict.FallbackTimeTable();
    Optional<Path> state = Optional.of(dir.resolve("state"));
    com.smarttoaster.config.ModelConfig keyed =
        new com.smarttoaster.config.ModelConfig(TestBundles.publicKeyBase64());
    try (RunningModel m = RunningModel.open("model", keyed, state)) {
      assertEquals(V1, m.primary(table).modelVersion());
    }
    try (RunningModel m = RunningModel.open("fallback", keyed, state)) {
      assertSame(table, m.primary(table));
    }
    try (RunningModel m =
        RunningModel.open("model", com.smarttoaster.config.ModelConfig.none(), state)) {
      assertSame(ActiveModel.factory(), m.primary(table), "no key configured: the factory model");
    }
  }
}
