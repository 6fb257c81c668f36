package com.smarttoaster.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.smarttoaster.dataset.EnvelopeSampler;
import com.smarttoaster.dataset.SeedMix;
import com.smarttoaster.dataset.Split;
import com.smarttoaster.hal.sim.ApplianceConditions;
import com.smarttoaster.hal.sim.ShadeOracle;
import com.smarttoaster.predict.ModelFeatures;
import com.smarttoaster.predict.PredictionInput;
import com.smarttoaster.predict.tflite.TfliteRuntime;
import com.smarttoaster.predict.tflite.TfliteRuntimes;
import com.smarttoaster.toast.BreadType;
import com.smarttoaster.toast.ToastMode;
import com.smarttoaster.toast.ToastSettings;
import java.io.InputStream;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * The trained network and card committed in src/main/resources/model belong together and are good.
 */
@Tag("slow")
class CommittedModelTest {
  private static Mlp mlp;
  private static ModelCard card;

  @BeforeAll
  static void load() throws Exception {
    ObjectMapper json = new ObjectMapper();
    try (InputStream m =
            CommittedModelTest.class.getResourceAsStream("/model/toast-time.mlp.json");
        InputStream c =
            CommittedModelTest.class.getResourceAsStream("/model/toast-time.card.json")) {
      mlp = json.readValue(m, Mlp.class);
      card = json.readValue(c, ModelCard.class);
    }
  }

  @Test
  void theCardDescribesThisNetworksInputsAndOutput() {
    assertEquals(
        ModelFeatures.NAMES,
        card.features().stream().map(ModelCard.Feature::name).collect(Collectors.toList()));
    assertEquals(
        ModelFeatures.UNITS,
        card.features().stream().map(ModelCard.Feature::unit).collect(Collectors.toList()));
    assertEquals(ModelFeatures.COUNT, mlp.inputs());
    assertEquals(1, mlp.outputs());
    assertEquals("heaterOnS", card.target().name());
    assertEquals("log", card.target().transform());
    assertEquals("toast-time.tflite", card.modelFile());
    assertEquals(64, card.dataSha256().length());
    for (ModelCard.Feature f : card.features()) {
      assertTrue(f.min() <= f.mean() && f.mean() <= f.max() && f.std() > 0, f.toString());
      double[] sampled = EnvelopeSampler.SAMPLED_RANGES.get(f.name());
      if (sampled != null) {
        assertEquals(
            sampled[0], f.min(), 1e-9, f.name() + ": the card's range is the sampling envelope");
        assertEquals(
            sampled[1], f.max(), 1e-9, f.name() + ": the card's range is the sampling envelope");
      }
    }
  }

  /**
   * The targets of issue 11: the hidden bread temperature and the hidden actual mains make the
   * issue 3 targets (0.25 / 0.6) unreachable from the start alone; the measure is the floor without
   * the bread temperature (the nominal-bread oracle, which also knows the actual mains and the
   * toaster state).
   */
  @Test
  void theRecordedTestMetricsMeetTheQualityTargets() {
    Map<String, Double> m = card.metrics();
    // 0.2: what the thermocouple's noise (σ 0.3 °C per sample) leaves in the rises; the floor knows
    // the supply.
    assertTrue(
        m.get("shadeMae") <= m.get("nominalBreadOracleShadeMae") + 0.2,
        "shadeMae "
            + m.get("shadeMae")
            + " vs the nominal-bread oracle's "
            + m.get("nominalBreadOracleShadeMae"));
    assertTrue(
        m.get("shadeMae") <= 0.25 * m.get("fixedTimerShadeMae"), "shadeMae " + m.get("shadeMae"));
    assertTrue(
        m.get("startOnlyShadeMae") <= 0.5 * m.get("fixedTimerShadeMae"),
        "start only " + m.get("startOnlyShadeMae"));
    assertTrue(m.get("shadeMae") < m.get("startOnlyShadeMae"), "the re-prediction helps");
    // The trainer's limit is a millionth of the time (TrainCommand.MAX_PARITY_SHARE): at most 0.3
    // ms.
    assertTrue(m.get("mlpVsDjlMaxAbsDiffS") <= 285 * 1e-6, "" + m.get("mlpVsDjlMaxAbsDiffS"));
  }

  /**
   * The exported .tflite in the real interpreters (DJL's and bytedeco's) against the trained
   * network over the inputs of the dataset's test split (the card's seed, rows whose split is
   * TEST).
   */
  @Test
  void theExportedTfliteMatchesTheTrainedNetworkOnTheTestSplit() throws Exception {
    byte[] tflite;
    try (InputStream in =
        CommittedModelTest.class.getResourceAsStream("/model/toast-time.tflite")) {
      tflite = in.readAllBytes();
    }
    assertEquals(
        card.tfliteSha256(),
        com.smarttoaster.dataset.DatasetCsv.sha256Hex(tflite),
        "card checksum");
    List<PredictionInput> inputs =
        IntStream.range(0, (int) card.dataRows())
            .parallel()
            .mapToObj(i -> SeedMix.rowSeed(card.dataSeed(), i))
            .filter(s -> Split.forRowSeed(s) == Split.TEST)
            .map(s -> EnvelopeSampler.sample(s).input())
            .collect(Collectors.toList());
    assertTrue(inputs.size() > 2500, "test split rows: " + inputs.size());
    for (TfliteRuntimes.Kind kind : TfliteRuntimes.Kind.values()) {
      try (TfliteRuntime runtime = TfliteRuntimes.open(kind, tflite)) {
        double worst = 0;
        for (PredictionInput in : inputs) {
          for (PredictionInput asked : List.of(in.withProgress(null), in)) {
            float[] z = card.scale(ModelFeatures.encode(asked));
            double viaTflite = card.seconds(runtime.run(z)[0]);
            double viaMlp = card.seconds(mlp.forward(z)[0]);
            worst = Math.max(worst, Math.abs(viaTflite - viaMlp) / viaMlp);
          }
        }
        // float32 sums in each runtime's own order: a millionth of the time, 0.3 ms at 285 s
        assertTrue(
            worst <= 1e-6,
            kind
                + ": max |tflite - trained| = "
                + worst
                + " of the time over "
                + inputs.size()
                + " rows");
      }
    }
  }

  @Test
  void aMediumWhiteToastInAColdToasterGetsTheOraclesTime() {
    ApplianceConditions c = ApplianceConditions.typical();
    PredictionInput in =
        new PredictionInput(
            new ToastSettings(4, BreadType.WHITE, c.thicknessMm(), c.slices(), ToastMode.TOAST),
            c.chamberStartC(),
            c.ambientC(),
            c.mainsVolts());
    double predicted = card.seconds(mlp.forward(card.scale(ModelFeatures.encode(in)))[0]);
    double oracle = ShadeOracle.bestHeatSeconds(c, 4, 285);
    assertEquals(
        oracle, predicted, 0.03 * oracle, "predicted " + predicted + " s, oracle " + oracle + " s");
    // 1 % of time is about 0.1 shade here, and the start prediction hedges for an unseen ±3 %
    // supply:
    // 4.69 with the generator-5 model (4.46 with generator 4's); the cycle's re-prediction at 30 s
    // corrects it (kitchen suites: cold toasters 0.2-0.3 mean).
    assertEquals(
        4.0, ShadeOracle.shadeAfter(c, predicted), 0.75, "shade reached with the model's time");
  }
}
