package com.smarttoaster.predict;

import com.smarttoaster.model.ModelCard;
import com.smarttoaster.predict.tflite.TfliteLoadException;
import com.smarttoaster.predict.tflite.TfliteRuntime;
import com.smarttoaster.predict.tflite.TfliteRuntimes;
import com.smarttoaster.toast.ToastMode;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The learned toasting time: a {@code .tflite} network run by the platform's TFLite runtime,
 * trusted only as far as its model card allows.
 *
 * <p>At load: the card must describe this build's features with usable scaling, the model file must
 * have the SHA-256 the card records, the network must take {@link ModelFeatures#COUNT} inputs and
 * give one output, and must answer a finite number for the training means. A model that fails any
 * of this is refused with one WARN log; {@link #load} then returns a predictor that declines every
 * cycle with the reason, so cycles use the fallback table and say why. It never crashes the
 * controller.
 *
 * <p>Per prediction: reheat is not modelled and uses the same fixed reheat rule as every predictor
 * (a normal answer, not a fallback: there is nothing better to fall back to). Any input outside the
 * card's training range makes the model decline, naming the input, its value and the range.
 * Otherwise the raw features are scaled with the card, run, and the output turned back into seconds
 * with the card. The guard around every predictor still checks the answer and the deadline.
 */
public final class ModelPredictor implements ToastTimePredictor, AutoCloseable {
  /** Where the installed model and its card live on the classpath (src/main/resources/model/). */
  public static final String MODEL_RESOURCE = "model/toast-time.tflite";

  public static final String CARD_RESOURCE = "model/toast-time.card.json";

  private static final Logger log = LoggerFactory.getLogger(ModelPredictor.class);

  private final TfliteRuntime runtime;
  private final ModelCard card;
  private final TrainingEnvelope envelope;

  private ModelPredictor(TfliteRuntime runtime, ModelCard card) {
    this.runtime = runtime;
    this.card = card;
    this.envelope = new TrainingEnvelope(card.features());
  }

  /**
   * Checks and loads a model strictly.
   *
   * @param model the bytes of the {@code .tflite} file
   * @param modelName its file name, for messages
   * @param cardJson the bytes of its model card (JSON)
   * @param cardName the card's file name, for messages
   * @throws PredictorUnavailableException saying why the model is refused
   */
  public static ModelPredictor open(
      byte[] model, String modelName, byte[] cardJson, String cardName)
      throws PredictorUnavailableException {
    ModelCard card = ModelCardChecks.read(cardJson, cardName);
    ModelCardChecks.checkCard(card, cardName);
    ModelCardChecks.checkChecksum(model, modelName, card);
    TfliteRuntime runtime;
    try {
      runtime = TfliteRuntimes.forThisPlatform(model);
    } catch (TfliteLoadException e) {
      throw new PredictorUnavailableException(
          "model file " + modelName + " could not be loaded: " + e.getMessage());
    }
    try {
      checkNetwork(runtime, modelName);
    } catch (PredictorUnavailableException | RuntimeException e) {
      runtime.close();
      throw e instanceof PredictorUnavailableException p
          ? p
          : new PredictorUnavailableException(
              "model file " + modelName + " failed its first run: " + e.getMessage());
    }
    return new ModelPredictor(runtime, card);
  }

  /**
   * Loads a model file and the card beside it. Never throws: a model that is missing, unreadable or
   * refused gives a predictor that declines with the reason (logged once, loudly).
   */
  public static ToastTimePredictor load(Path modelFile, Path cardFile) {
    String modelName = String.valueOf(modelFile.getFileName());
    String cardName = String.valueOf(cardFile.getFileName());
    byte[] model;
    byte[] card;
    try {
      model = Files.readAllBytes(modelFile);
      card = Files.readAllBytes(cardFile);
    } catch (IOException e) {
      return refused("cannot read the model or its card: " + e);
    }
    return openOrRefuse(model, modelName, card, cardName);
  }

  /**
   * The installed model: {@value #MODEL_RESOURCE} and {@value #CARD_RESOURCE} from the classpath.
   * Without a model, a predictor that declines with "no model installed: …".
   */
  public static ToastTimePredictor loadDefault() {
    byte[] model;
    byte[] card;
    try {
      model = resource(MODEL_RESOURCE);
      card = resource(CARD_RESOURCE);
    } catch (IOException e) {
      return refused("cannot read the installed model: " + e);
    }
    if (model == null) {
      String reason = "no model installed: " + MODEL_RESOURCE + " is not in this build";
      log.info("{}; the model predictor uses the fallback time table", reason);
      return new UnavailableModelPredictor(reason);
    }
    if (card == null) {
      return refused(
          "model "
              + MODEL_RESOURCE
              + " has no card "
              + CARD_RESOURCE
              + " beside it; refusing a model whose checksum and ranges cannot be checked");
    }
    return openOrRefuse(model, fileName(MODEL_RESOURCE), card, fileName(CARD_RESOURCE));
  }

  private static ToastTimePredictor openOrRefuse(
      byte[] model, String modelName, byte[] card, String cardName) {
    long start = System.nanoTime();
    try {
      ModelPredictor p = open(model, modelName, card, cardName);
      log.info(
          String.format(
              Locale.ROOT,
              "Model %s (version %s) loaded with %s in %.0f ms",
              modelName,
              p.card.modelVersion(),
              p.runtime.name(),
              (System.nanoTime() - start) / 1e6));
      return p;
    } catch (PredictorUnavailableException e) {
      return refused(e.getMessage());
    }
  }

  private static ToastTimePredictor refused(String reason) {
    log.warn(
        "MODEL REFUSED: {}. Every cycle uses the non-ML fallback time table until a model and a card "
            + "that match are installed.",
        reason);
    return new UnavailableModelPredictor(reason);
  }

  private static void checkNetwork(TfliteRuntime runtime, String modelName)
      throws PredictorUnavailableException {
    if (runtime.inputSize() != ModelFeatures.COUNT || runtime.outputSize() != 1) {
      throw new PredictorUnavailableException(
          "model file "
              + modelName
              + " takes "
              + runtime.inputSize()
              + " inputs and gives "
              + runtime.outputSize()
              + " outputs; this build needs "
              + ModelFeatures.COUNT
              + " and 1");
    }
    // Zeros are the training means once scaled: a sound network answers a number there.
    float y = runtime.run(new float[ModelFeatures.COUNT])[0];
    if (!Float.isFinite(y)) {
      throw new PredictorUnavailableException(
          "model file "
              + modelName
              + " answers "
              + y
              + " for the training means; refusing a broken network");
    }
  }

  @Override
  public PredictorName name() {
    return PredictorName.MODEL;
  }

  /** The card the model was checked against. */
  @Override
  public java.util.OptionalDouble cardCheckerBand() {
    return band(card.checkerBand());
  }

  @Override
  public java.util.OptionalDouble cardCheckerBandProgress() {
    return band(card.checkerBandProgress());
  }

  @Override
  public java.util.OptionalDouble cardCheckerBandAtRest() {
    return band(card.checkerBandAtRest());
  }

  @Override
  public java.util.OptionalDouble cardCheckerBandJustUsed() {
    return band(card.checkerBandJustUsed());
  }

  /** A card's band, empty when the card records none. */
  private static java.util.OptionalDouble band(@Nullable Double recorded) {
    return recorded == null
        ? java.util.OptionalDouble.empty()
        : java.util.OptionalDouble.of(recorded);
  }

  @Override
  public String modelVersion() {
    return card.modelVersion();
  }

  public ModelCard card() {
    return card;
  }

  /** The TFLite runtime running the model, e.g. "djl-tflite 2.6.2". */
  public String runtimeName() {
    return runtime.name();
  }

  @Override
  public double predictSeconds(PredictionInput input) throws PredictorUnavailableException {
    if (input.settings().mode() == ToastMode.REHEAT) {
      return ReheatTime.seconds(input);
    }
    float[] raw = ModelFeatures.encode(input);
    envelope.check(raw);
    float[] out = runtime.run(card.scale(raw));
    return card.seconds(out[0]);
  }

  @Override
  public void close() {
    runtime.close();
  }

  private static byte @Nullable [] resource(String name) throws IOException {
    try (InputStream in = ModelPredictor.class.getClassLoader().getResourceAsStream(name)) {
      return in == null ? null : in.readAllBytes();
    }
  }

  private static String fileName(String resource) {
    return resource.substring(resource.lastIndexOf('/') + 1);
  }
}
