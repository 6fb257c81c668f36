package com.smarttoaster.cli;

import com.smarttoaster.bench.ModelBench;
import com.smarttoaster.predict.ModelPredictor;
import com.smarttoaster.predict.PredictorUnavailableException;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import org.jspecify.annotations.Nullable;

/** {@code bench --model}: finds the model and card, runs {@link ModelBench}, prints the figures. */
final class ModelBenchOutput {
  private ModelBenchOutput() {}

  static int run(PrintWriter out, PrintWriter err, Path modelFile, Path cardFile, int predictions)
      throws IOException {
    double jvmReadyMs = ManagementFactory.getRuntimeMXBean().getUptime();
    byte[] model;
    byte[] card;
    String modelName;
    String cardName;
    if (modelFile != null) {
      Path cf =
          cardFile != null
              ? cardFile
              : modelFile.resolveSibling(
                  modelFile.getFileName().toString().replaceFirst("\\.tflite$", "") + ".card.json");
      if (!Files.isReadable(modelFile) || !Files.isReadable(cf)) {
        err.println("cannot read " + (Files.isReadable(modelFile) ? cf : modelFile));
        return Main.EXIT_BAD_INPUT;
      }
      model = Files.readAllBytes(modelFile);
      card = Files.readAllBytes(cf);
      modelName = modelFile.getFileName().toString();
      cardName = cf.getFileName().toString();
    } else {
      model = resource(ModelPredictor.MODEL_RESOURCE);
      card = resource(ModelPredictor.CARD_RESOURCE);
      if (model == null || card == null) {
        err.println(
            "no model installed ("
                + ModelPredictor.MODEL_RESOURCE
                + " and "
                + ModelPredictor.CARD_RESOURCE
                + " are not in this build); give --model-file FILE");
        return Main.EXIT_BAD_INPUT;
      }
      modelName = ModelPredictor.MODEL_RESOURCE;
      cardName = ModelPredictor.CARD_RESOURCE;
    }
    ModelBench.Result r;
    try {
      r =
          ModelBench.run(
              model, modelName, card, cardName, Math.min(5000, predictions), predictions);
    } catch (PredictorUnavailableException e) {
      err.println("model refused: " + e.getMessage());
      return Main.EXIT_BAD_INPUT;
    }
    out.printf(Locale.ROOT, "model: %s (%d bytes) on %s%n", modelName, model.length, r.runtime());
    out.printf(Locale.ROOT, "JVM up when the bench started: %.0f ms%n", jvmReadyMs);
    out.printf(
        Locale.ROOT,
        "load (checks, runtime, first run): first in process %.1f ms, again %.1f ms%n",
        r.firstLoadMs(),
        r.secondLoadMs());
    print(out, "predictSeconds (predictor API)", r.apiMicros());
    print(out, "GuardedPredictor.predict (+ worker hand-over)", r.guardedMicros());
    return 0;
  }

  private static void print(PrintWriter out, String what, double[] us) {
    out.printf(
        Locale.ROOT,
        "%-46s %d calls: p50 %.1f µs  p99 %.1f µs  max %.1f µs%n",
        what,
        us.length,
        ModelBench.percentile(us, 50),
        ModelBench.percentile(us, 99),
        ModelBench.percentile(us, 100));
  }

  private static byte @Nullable [] resource(String name) throws IOException {
    try (InputStream in = ModelBenchOutput.class.getClassLoader().getResourceAsStream(name)) {
      return in == null ? null : in.readAllBytes();
    }
  }
}
