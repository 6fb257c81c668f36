package com.smarttoaster.predict;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.smarttoaster.model.Mlp;
import com.smarttoaster.model.ModelCard;
import com.smarttoaster.model.RandomMlp;
import com.smarttoaster.model.TfliteMlpWriter;
import com.smarttoaster.toast.BreadType;
import com.smarttoaster.toast.ToastMode;
import com.smarttoaster.toast.ToastSettings;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The model predictor over a temporary random model and card written for each test. */
class ModelPredictorTest {
  private static final PredictionInput WHITE_MEDIUM =
      new PredictionInput(
          new ToastSettings(4, BreadType.WHITE, 12, 2, ToastMode.TOAST), 21, 21, 230);

  @TempDir Path dir;

  private final Mlp mlp = TestModels.network(11);

  @Test
  void aValidModelAnswersWhatTheCardScalingAndTheNetworkGiveByHand() throws Exception {
    Path model = TestModels.install(mlp, dir);
    ToastTimePredictor p = ModelPredictor.load(model, card());
    assertInstanceOf(ModelPredictor.class, p, "a valid model must load");
    ModelCard card = ((ModelPredictor) p).card();
    // The feature vectors written out by hand in the data card's order (not by
    // ModelFeatures.encode,
    // which is the code under test here): shade, thickness, slices, chamber, ambient, mains, six
    // bread
    // one-hots (white, wholegrain, sourdough, rye, brioche, bagel), defrost, bagel mode, nominal
    // mains,
    // mains ratio, s since the last cycle (1800 = rested), its heat s, progress known, three rises,
    // the stored heat in the fast and the slow part, bread reading known, the reading (without one:
    // the ambient reading).
    Map<PredictionInput, float[]> byHand = new LinkedHashMap<>();
    byHand.put(
        WHITE_MEDIUM,
        new float[] {
          4, 12, 2, 21, 21, 230, 1, 0, 0, 0, 0, 0, 0, 0, 230, 1f, 1800, 0, 0, 0, 0, 0, 0, 0, 0, 21,
          0, 0, 0, 0
        });
    // The second re-prediction: the first three rises where the first had them, the flag and the
    // three later rises last.
    byHand.put(
        WHITE_MEDIUM.withProgress(new HeatingProgress(new double[] {4, 10, 17, 23, 28, 33})),
        new float[] {
          4, 12, 2, 21, 21, 230, 1, 0, 0, 0, 0, 0, 0, 0, 230, 1f, 1800, 0, 1, 4, 10, 17, 0, 0, 0,
          21, 1, 23, 28, 33
        });
    // A second batch 30 s after a 110 s cycle at 230 V: the heat that one cycle left, τ 103 and
    // 294 s, filled for 110 s and emptied for 30 s, in steps of 1/64 s.
    float fast = step(103 * (1 - Math.exp(-110 / 103.0)) * Math.exp(-30 / 103.0));
    float slow = step(294 * (1 - Math.exp(-110 / 294.0)) * Math.exp(-30 / 294.0));
    byHand.put(
        new PredictionInput(WHITE_MEDIUM.settings(), 60, 21, 230, 230, 30, 110, null),
        new float[] {
          4, 12, 2, 60, 21, 230, 1, 0, 0, 0, 0, 0, 0, 0, 230, 1f, 30, 110, 0, 0, 0, 0, fast, slow,
          0, 21, 0, 0, 0, 0
        });
    byHand.put(
        new PredictionInput(
            new ToastSettings(7, BreadType.BAGEL, 30, 1, ToastMode.DEFROST), 150, 35, 207),
        new float[] {
          7, 30, 1, 150, 35, 207, 0, 0, 0, 0, 0, 1, 1, 0, 230, 0.9f, 1800, 0, 0, 0, 0, 0, 0, 0, 0,
          35, 0, 0, 0, 0
        });
    byHand.put(
        new PredictionInput(new ToastSettings(1, BreadType.RYE, 8, 2, ToastMode.BAGEL), 5, 5, 250)
            .withBreadReading(-17.5),
        new float[] {
          1,
          8,
          2,
          5,
          5,
          250,
          0,
          0,
          0,
          1,
          0,
          0,
          0,
          1,
          230,
          250f / 230f,
          1800,
          0,
          0,
          0,
          0,
          0,
          0,
          0,
          1,
          -17.5f,
          0,
          0,
          0,
          0
        });
    for (Map.Entry<PredictionInput, float[]> e : byHand.entrySet()) {
      float[] raw = e.getValue();
      float[] z = new float[raw.length];
      for (int i = 0; i < raw.length; i++) {
        ModelCard.Feature f = card.features().get(i);
        z[i] = (float) ((raw[i] - f.mean()) / f.std());
      }
      // Mlp.forward is plain Java arithmetic, independent of the TFLite runtime that answers here.
      double y = mlp.forward(z)[0] * card.target().std() + card.target().mean();
      double expected = "log".equals(card.target().transform()) ? Math.exp(y) : y;
      double actual = p.predictSeconds(e.getKey());
      assertEquals(expected, actual, expected * 1e-5, "seconds for " + e.getKey());
      assertTrue(
          actual > 50 && actual < 250, "the test network answers plausible times: " + actual);
    }
    ((ModelPredictor) p).close();
  }

  @Test
  void reheatUsesTheFixedReheatRuleLikeEveryPredictor() throws Exception {
    try (ModelPredictor p =
        (ModelPredictor) ModelPredictor.load(TestModels.install(mlp, dir), card())) {
      PredictionInput reheat =
          new PredictionInput(WHITE_MEDIUM.settings().withMode(ToastMode.REHEAT), 80, 21, 230);
      assertEquals(ReheatTime.seconds(reheat), p.predictSeconds(reheat));
      assertEquals(new FallbackTimeTable().predictSeconds(reheat), p.predictSeconds(reheat));
    }
  }

  @Test
  void aTamperedModelIsRefusedWithTheChecksumsInTheReason() throws Exception {
    Path model = TestModels.install(mlp, dir);
    byte[] bytes = Files.readAllBytes(model);
    String cardSha = ModelCardChecks.sha256(bytes);
    bytes[bytes.length / 2] ^= 0x01;
    Files.write(model, bytes);
    String fileSha = ModelCardChecks.sha256(bytes);

    ToastTimePredictor p = ModelPredictor.load(model, card());
    assertEquals(PredictorName.MODEL, p.name());
    String expected =
        "model file toast-time.tflite SHA-256 "
            + fileSha.substring(0, 12)
            + "… does not match its card ("
            + cardSha.substring(0, 12)
            + "…); refusing a tampered or mismatched model";
    PredictorUnavailableException e =
        assertThrows(PredictorUnavailableException.class, () -> p.predictSeconds(WHITE_MEDIUM));
    assertEquals(expected, e.getMessage());
    assertThrows(
        PredictorUnavailableException.class,
        () -> p.predictSeconds(WHITE_MEDIUM),
        "every call declines");
    try (GuardedPredictor g = new GuardedPredictor(p, new FallbackTimeTable(), 0.5, 5, 285)) {
      Prediction pr = g.predict(WHITE_MEDIUM);
      assertEquals(PredictorName.FALLBACK, pr.predictor());
      assertEquals(expected, pr.fallbackReason(), "the reason reaches the cycle verbatim");
    }
  }

  @Test
  void aCardForOtherFeaturesIsRefused() throws Exception {
    byte[] model = TfliteMlpWriter.write(mlp);
    List<ModelCard.Feature> swapped = new ArrayList<>(TestModels.features());
    Collections.swap(swapped, 3, 4);
    ToastTimePredictor p =
        ModelPredictor.load(write(model), writeCard(TestModels.card(model, swapped)));
    PredictorUnavailableException e =
        assertThrows(PredictorUnavailableException.class, () -> p.predictSeconds(WHITE_MEDIUM));
    assertTrue(
        e.getMessage()
            .startsWith(
                "model card toast-time.card.json lists features [shade, thicknessMm, slices, "
                    + "ambientC, chamberStartC,"),
        e.getMessage());
    assertTrue(
        e.getMessage().endsWith("refusing a model trained for different inputs"), e.getMessage());
  }

  @Test
  void aCardWithAZeroStdIsRefused() throws Exception {
    byte[] model = TfliteMlpWriter.write(mlp);
    List<ModelCard.Feature> f = new ArrayList<>(TestModels.features());
    f.set(0, new ModelCard.Feature("shade", "1-7", 1, 7, 4, 0));
    ToastTimePredictor p = ModelPredictor.load(write(model), writeCard(TestModels.card(model, f)));
    PredictorUnavailableException e =
        assertThrows(PredictorUnavailableException.class, () -> p.predictSeconds(WHITE_MEDIUM));
    assertEquals(
        "model card toast-time.card.json gives feature shade mean 4.0 and std 0.0; std must be a positive "
            + "number",
        e.getMessage());
  }

  @Test
  void aNetworkForAnotherNumberOfInputsIsRefused() throws Exception {
    byte[] model = TfliteMlpWriter.write(RandomMlp.of(1, 0.1f, 13, 8, 1));
    ToastTimePredictor p =
        ModelPredictor.load(write(model), writeCard(TestModels.card(model, TestModels.features())));
    PredictorUnavailableException e =
        assertThrows(PredictorUnavailableException.class, () -> p.predictSeconds(WHITE_MEDIUM));
    assertEquals(
        "model file toast-time.tflite takes 13 inputs and gives 1 outputs; this build needs 30 and 1",
        e.getMessage());
  }

  @Test
  void aMissingCardOrGarbageCardIsRefused() throws Exception {
    Path model = write(TfliteMlpWriter.write(mlp));
    ToastTimePredictor missing = ModelPredictor.load(model, dir.resolve("nope.card.json"));
    Exception e =
        assertThrows(
            PredictorUnavailableException.class, () -> missing.predictSeconds(WHITE_MEDIUM));
    assertTrue(e.getMessage().startsWith("cannot read the model or its card"), e.getMessage());

    Path garbage =
        Files.writeString(dir.resolve(TestModels.CARD_FILE), "{\"version\": 1, \"features\": 3");
    ToastTimePredictor bad = ModelPredictor.load(model, garbage);
    e = assertThrows(PredictorUnavailableException.class, () -> bad.predictSeconds(WHITE_MEDIUM));
    assertTrue(
        e.getMessage().startsWith("model card toast-time.card.json is not a valid card: "),
        e.getMessage());
  }

  @Test
  void anInputOutsideTheTrainingRangeIsDeclinedNamingInputValueAndRange() throws Exception {
    try (ModelPredictor p =
        (ModelPredictor) ModelPredictor.load(TestModels.install(mlp, dir), card())) {
      PredictionInput hot = new PredictionInput(WHITE_MEDIUM.settings(), 230, 21, 230);
      PredictorUnavailableException e =
          assertThrows(PredictorUnavailableException.class, () -> p.predictSeconds(hot));
      assertEquals(
          "chamberStartC = 230.0 °C is outside the training range 5.0..200.0 °C", e.getMessage());

      PredictionInput lowMains = new PredictionInput(WHITE_MEDIUM.settings(), 21, 21, 199.96);
      e = assertThrows(PredictorUnavailableException.class, () -> p.predictSeconds(lowMains));
      assertEquals(
          "mainsVolts = 199.96 V is outside the training range 200..250 V", e.getMessage());

      PredictionInput thick =
          new PredictionInput(
              new ToastSettings(4, BreadType.WHITE, 40, 2, ToastMode.TOAST), 21, 21, 230);
      e = assertThrows(PredictorUnavailableException.class, () -> p.predictSeconds(thick));
      assertEquals(
          "thicknessMm = 40.0 mm is outside the training range 8.0..35.0 mm", e.getMessage());

      PredictionInput nan = new PredictionInput(WHITE_MEDIUM.settings(), 21, Double.NaN, 230);
      e = assertThrows(PredictorUnavailableException.class, () -> p.predictSeconds(nan));
      assertEquals("ambientC = NaN °C is outside the training range 5.0..40.0 °C", e.getMessage());

      PredictionInput on120 =
          new PredictionInput(WHITE_MEDIUM.settings(), 21, 21, 230, 120, 1800, 0, null);
      e = assertThrows(PredictorUnavailableException.class, () -> p.predictSeconds(on120));
      assertTrue(
          e.getMessage().startsWith("nominalMainsVolts = 120.0 V is outside the training range"),
          e.getMessage());

      PredictionInput atTheEdges = new PredictionInput(WHITE_MEDIUM.settings(), 200, 5, 250);
      assertTrue(p.predictSeconds(atTheEdges) > 0, "the range includes its bounds");
    }
  }

  @Test
  void withoutAnInstalledModelTheDefaultDeclinesSayingSo() {
    assumeTrue(
        getClass().getClassLoader().getResource(ModelPredictor.MODEL_RESOURCE) == null,
        "a model is installed in this build");
    ToastTimePredictor p = ModelPredictor.loadDefault();
    Exception e =
        assertThrows(PredictorUnavailableException.class, () -> p.predictSeconds(WHITE_MEDIUM));
    assertEquals(
        "no model installed: model/toast-time.tflite is not in this build", e.getMessage());
  }

  @Test
  void theInstalledModelIsLoadedOnceAndShared() {
    FallbackTimeTable table = new FallbackTimeTable();
    assertSame(Predictors.named("model", table, null), Predictors.named("model", table, null));
  }

  @Test
  void aLoadedModelReportsItsRuntime() throws Exception {
    try (ModelPredictor p =
        (ModelPredictor) ModelPredictor.load(TestModels.install(mlp, dir), card())) {
      assertTrue(
          p.runtimeName().startsWith("djl-tflite ")
              || p.runtimeName().startsWith("bytedeco-tflite "),
          p.runtimeName());
    }
  }

  private Path card() {
    return dir.resolve(TestModels.CARD_FILE);
  }

  private Path write(byte[] model) throws Exception {
    return Files.write(dir.resolve(TestModels.MODEL_FILE), model);
  }

  private Path writeCard(ModelCard card) throws Exception {
    return Files.write(dir.resolve(TestModels.CARD_FILE), TestModels.json(card));
  }

  private static float step(double seconds) {
    return (float) (Math.round(seconds * 64) / 64.0);
  }
}
