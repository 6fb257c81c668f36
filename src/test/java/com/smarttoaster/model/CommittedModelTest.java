package com.smarttoaster.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.smarttoaster.dataset.EnvelopeSampler;
import com.smarttoaster.dataset.SeedMix;
import com.smarttoaster.dataset.Split;
import com.smarttoaster.hal.sim.ApplianceConditions;
import com.smarttoaster.hal.sim.ShadeOracle;
import com.smarttoaster.predict.PredictionInput;
import com.smarttoaster.predict.tflite.TfliteRuntime;
import com.smarttoaster.predict.tflite.TfliteRuntimes;
import com.smarttoaster.toast.BreadType;
import com.smarttoaster.toast.ToastMode;
import com.smarttoaster.toast.ToastSettings;
import java.io.InputStream;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The trained network and card committed in src/main/resources/model belong together and are good. */
class CommittedModelTest {
  private static Mlp mlp;
  private static ModelCard card;

  @BeforeAll
  static void load() throws Exception {
    ObjectMapper json = new ObjectMapper();
    try (InputStream m = CommittedModelTest.class.getResourceAsStream("/model/toast-time.mlp.json");
        InputStream c = CommittedModelTest.class.getResourceAsStream("/model/toast-time.card.json")) {
      mlp = json.readValue(m, Mlp.class);
      card = json.readValue(c, ModelCard.class);
    }
  }

  @Test
  void theCardDescribesThisNetworksInputsAndOutput() {
    assertEquals(ModelFeatures.NAMES, card.features().stream().map(ModelCard.Feature::name).collect(Collectors.toList()));
    assertEquals(ModelFeatures.UNITS, card.features().stream().map(ModelCard.Feature::unit).collect(Collectors.toList()));
    assertEquals(ModelFeatures.COUNT, mlp.inputs());
    assertEquals(1, mlp.outputs());
    assertEquals("heaterOnS", card.target().name());
    assertEquals("log", card.target().transform());
    assertEquals("toast-time.tflite", card.modelFile());
    assertEquals(64, card.dataSha256().length());
    for (ModelCard.Feature f : card.features()) {
      assertTrue(f.min() <= f.mean() && f.mean() <= f.max() && f.std() > 0, f.toString());
    }
  }

  @Test
  void theRecordedTestMetricsMeetTheQualityTargets() {
    assertTrue(card.metrics().get("shadeMae") <= 0.25, "shadeMae " + card.metrics().get("shadeMae"));
    assertTrue(card.metrics().get("shadeP95") <= 0.6, "shadeP95 " + card.metrics().get("shadeP95"));
    assertTrue(card.metrics().get("shadeMae") <= 0.5 * card.metrics().get("fixedTimerShadeMae"));
    assertTrue(card.metrics().get("mlpVsDjlMaxAbsDiffS") <= 1e-4);
  }

  /**
   * The exported .tflite in the real interpreters (DJL's and bytedeco's) against the trained network
   * over the inputs of the dataset's test split (the card's seed, rows whose split is TEST).
   */
  @Test
  void theExportedTfliteMatchesTheTrainedNetworkOnTheTestSplit() throws Exception {
    byte[] tflite;
    try (InputStream in = CommittedModelTest.class.getResourceAsStream("/model/toast-time.tflite")) {
      tflite = in.readAllBytes();
    }
    assertEquals(card.tfliteSha256(), com.smarttoaster.dataset.DatasetCsv.sha256Hex(tflite), "card checksum");
    for (TfliteRuntimes.Kind kind : TfliteRuntimes.Kind.values()) {
      try (TfliteRuntime runtime = TfliteRuntimes.open(kind, tflite)) {
        double worst = 0;
        int rows = 0;
        for (int i = 0; i < (int) card.dataRows(); i++) {
          long rowSeed = SeedMix.rowSeed(card.dataSeed(), i);
          if (Split.forRowSeed(rowSeed) != Split.TEST) {
            continue;
          }
          PredictionInput in = EnvelopeSampler.sample(rowSeed).input();
          float[] z = card.scale(ModelFeatures.encode(in));
          double viaTflite = card.seconds(runtime.run(z)[0]);
          double viaMlp = card.seconds(mlp.forward(z)[0]);
          worst = Math.max(worst, Math.abs(viaTflite - viaMlp));
          rows++;
        }
        assertTrue(rows > 3000, "test split rows: " + rows);
        assertTrue(worst <= 1e-4, kind + ": max |tflite - trained| = " + worst + " s over " + rows + " rows");
      }
    }
  }

  @Test
  void aMediumWhiteToastInAColdToasterGetsTheOraclesTime() {
    ApplianceConditions c = ApplianceConditions.typical();
    PredictionInput in = new PredictionInput(new ToastSettings(4, BreadType.WHITE, c.thicknessMm(), c.slices(),
        ToastMode.TOAST), c.chamberStartC(), c.ambientC(), c.mainsVolts());
    double predicted = card.seconds(mlp.forward(card.scale(ModelFeatures.encode(in)))[0]);
    double oracle = ShadeOracle.bestHeatSeconds(c, 4, 285);
    assertEquals(oracle, predicted, 0.02 * oracle, "predicted " + predicted + " s, oracle " + oracle + " s");
    assertEquals(4.0, ShadeOracle.shadeAfter(c, predicted), 0.3, "shade reached with the model's time");
  }
}
