package com.smarttoaster.predict;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.smarttoaster.model.Mlp;
import com.smarttoaster.model.ModelCard;
import com.smarttoaster.model.RandomMlp;
import com.smarttoaster.model.TfliteMlpWriter;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Temporary models for tests (never the trained one): a seeded random network written as {@code
 * toast-time.tflite} with a matching {@code toast-time.card.json} over the realistic envelope of
 * DESIGN.md §5. The network's output is scaled down, so with the card's log-seconds target it
 * answers plausible times around 110 s.
 */
public final class TestModels {
  static final String MODEL_FILE = "toast-time.tflite";
  static final String CARD_FILE = "toast-time.card.json";
  private static final ObjectMapper JSON = new ObjectMapper();

  private TestModels() {}

  /** A plausible random network for the toaster's features. */
  public static Mlp network(long seed) {
    return RandomMlp.of(seed, 0.1f, ModelFeatures.COUNT, 16, 16, 1);
  }

  /**
   * Training ranges of the realistic envelope: chamber 5..200 °C, ambient 5..40 °C, mains 200..250
   * V (230 V appliances only), any time since the last cycle, rises −20..150 °C, bread thermometer
   * readings −40..60 °C.
   */
  public static List<ModelCard.Feature> features() {
    List<ModelCard.Feature> f = new ArrayList<>();
    f.add(feature("shade", 1, 7, 4, 2));
    f.add(feature("thicknessMm", 8, 35, 20, 7.5));
    f.add(feature("slices", 1, 2, 1.5, 0.5));
    f.add(feature("chamberStartC", 5, 200, 60, 45));
    f.add(feature("ambientC", 5, 40, 22, 10));
    f.add(feature("mainsVolts", 200, 250, 228, 14));
    for (int i = 6; i < 14; i++) {
      f.add(feature(ModelFeatures.NAMES.get(i), 0, 1, 0.17, 0.37));
    }
    f.add(feature("nominalMainsVolts", 230, 230, 230, 1));
    f.add(feature("mainsRatio", 200.0 / 230, 250.0 / 230, 1.0, 0.06));
    f.add(feature("sinceLastCycleS", 0, 1800, 1200, 700));
    f.add(feature("lastHeatS", 0, 285, 50, 60));
    f.add(feature("progressKnown", 0, 1, 0.5, 0.5));
    for (String rise : List.of("rise6to10C", "rise16to20C", "rise26to30C")) {
      f.add(feature(rise, -20, 150, 30, 20));
    }
    f.add(feature("storedHeatFastS", 0, 130, 20, 30));
    f.add(feature("storedHeatSlowS", 0, 372, 60, 80));
    f.add(feature("breadReadKnown", 0, 1, 0.6, 0.49));
    f.add(feature("breadReadC", -40, 60, 18, 12));
    f.add(feature("lateProgressKnown", 0, 1, 0.33, 0.47));
    for (String rise : List.of("rise36to40C", "rise46to50C", "rise56to60C")) {
      f.add(feature(rise, -20, 200, 30, 25));
    }
    return f;
  }

  private static ModelCard.Feature feature(
      String name, double min, double max, double mean, double std) {
    return new ModelCard.Feature(
        name, ModelFeatures.UNITS.get(ModelFeatures.NAMES.indexOf(name)), min, max, mean, std);
  }

  /** A sealed card for {@code model} (see {@link ModelCardChecks#seal}). */
  public static ModelCard card(byte[] model, List<ModelCard.Feature> features) {
    return ModelCardChecks.seal(unsealedCard(model, features), model);
  }

  /** The same card before sealing. */
  public static ModelCard unsealedCard(byte[] model, List<ModelCard.Feature> features) {
    return new ModelCard(
        1,
        "test-" + ModelCardChecks.sha256(model).substring(0, 8),
        "2026-11-27T00:00:00Z",
        MODEL_FILE,
        ModelCardChecks.sha256(model),
        "0".repeat(64),
        1000,
        7,
        features,
        new ModelCard.Target("heaterOnS", "s", "log", Math.log(110.0), 0.2),
        Map.of("maeS", 0.0),
        "random test network, not trained");
  }

  public static byte[] json(ModelCard card) throws IOException {
    return JSON.writerWithDefaultPrettyPrinter().writeValueAsBytes(card);
  }

  /** Writes the network and a matching card into {@code dir}; returns the model file. */
  public static Path install(Mlp mlp, Path dir) throws IOException {
    byte[] model = TfliteMlpWriter.write(mlp);
    Files.createDirectories(dir);
    Path modelFile = dir.resolve(MODEL_FILE);
    Files.write(modelFile, model);
    Files.write(dir.resolve(CARD_FILE), json(card(model, features())));
    return modelFile;
  }
}
