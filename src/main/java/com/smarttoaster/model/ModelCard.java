package com.smarttoaster.model;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * The model card that travels beside the {@code .tflite} file: what the model sees, in which units
 * and ranges, how inputs and output are scaled, how good it was, and the SHA-256 of the exact file
 * it describes. Serialised as JSON with Jackson.
 *
 * @param version card format version (1)
 * @param modelVersion the model's own version, e.g. "2026.11.27-1"
 * @param created ISO-8601 date and time of training
 * @param modelFile file name of the .tflite beside the card
 * @param tfliteSha256 lower-case hex SHA-256 of that file; a mismatch means tampering or a mix-up
 * @param dataSha256 SHA-256 of the training CSV
 * @param dataRows rows in the dataset
 * @param dataSeed seed the dataset was generated from
 * @param features input features in vector order (must equal {@code predict.ModelFeatures.NAMES})
 * @param target what the network predicts and how its output is scaled
 * @param metrics test-set metrics, e.g. maeS, p95AbsErrS, shadeMae, shadeP95
 * @param notes free text: training set-up, known limits
 * @param checkerBand the largest relative disagreement the guard accepts between the model and the
 *     non-ML fallback, e.g. 0.25 for 25 % (see {@code predict.CheckerBand}): measured on the test
 *     split at training time, plus a margin; null on cards from before issue 11 (the guard then
 *     uses its default). Applies to start predictions
 * @param checkerBandProgress the same for re-predictions (inputs with the heating progress),
 *     measured on those inputs alone: the two estimators disagree more there (frozen bread, low
 *     mains) than at the start, and one band for both let a start answer 20 % off through; null on
 *     cards before it (the guard then uses {@code checkerBand})
 * @param checkerBandAtRest the band for any answer (start or re-prediction) on a toaster at rest
 *     ({@code predict.ToasterAtRest}), measured on those inputs alone: there the two estimators see
 *     the same, and agree within a few per cent, so the general bands, set by the warm toasters,
 *     would let an answer 3 shades off through; null on cards before it (the guard then uses the
 *     other two)
 * @param checkerBandJustUsed the band for any answer on a toaster just used or warm with no known
 *     cycle ({@code predict.ToasterJustUsed}), measured on those inputs alone: there the table
 *     knows least, and the general bands refused answers closer to the oracle than the table; null
 *     on cards before it (the guard then uses the general bands), and then left out of the card's
 *     JSON and its seal, so that older cards keep their hash
 * @param integritySha256 lower-case hex SHA-256 over the model bytes followed by this card's
 *     canonical JSON with this field empty (see {@code predict.ModelCardChecks#seal}); covers every
 *     field, so an edited card is refused like an edited model
 */
public record ModelCard(
    int version,
    String modelVersion,
    String created,
    String modelFile,
    @Nullable String tfliteSha256,
    String dataSha256,
    long dataRows,
    long dataSeed,
    List<Feature> features,
    Target target,
    Map<String, Double> metrics,
    String notes,
    @Nullable Double checkerBand,
    @Nullable Double checkerBandProgress,
    @Nullable Double checkerBandAtRest,
    @JsonInclude(JsonInclude.Include.NON_NULL) @Nullable Double checkerBandJustUsed,
    @Nullable String integritySha256) {

  /** A card without a checker band, not yet sealed (as the trainer writes it before sealing). */
  public ModelCard(
      int version,
      String modelVersion,
      String created,
      String modelFile,
      @Nullable String tfliteSha256,
      String dataSha256,
      long dataRows,
      long dataSeed,
      List<Feature> features,
      Target target,
      Map<String, Double> metrics,
      String notes) {
    this(
        version,
        modelVersion,
        created,
        modelFile,
        tfliteSha256,
        dataSha256,
        dataRows,
        dataSeed,
        features,
        target,
        metrics,
        notes,
        null,
        null,
        null,
        null,
        null);
  }

  /** This card with another start checker band, the others kept (seal again). */
  public ModelCard withCheckerBand(@Nullable Double band) {
    return withCheckerBands(band, checkerBandProgress, checkerBandAtRest, checkerBandJustUsed);
  }

  /** This card with other start and re-prediction bands, the other two kept (seal again). */
  public ModelCard withCheckerBands(@Nullable Double start, @Nullable Double progress) {
    return withCheckerBands(start, progress, checkerBandAtRest, checkerBandJustUsed);
  }

  /** This card with other checker bands (the seal no longer matches: seal again). */
  public ModelCard withCheckerBands(
      @Nullable Double start,
      @Nullable Double progress,
      @Nullable Double atRest,
      @Nullable Double justUsed) {
    return new ModelCard(
        version,
        modelVersion,
        created,
        modelFile,
        tfliteSha256,
        dataSha256,
        dataRows,
        dataSeed,
        features,
        target,
        metrics,
        notes,
        start,
        progress,
        atRest,
        justUsed,
        integritySha256);
  }

  /** This card with another integrity hash. */
  public ModelCard withIntegritySha256(@Nullable String hash) {
    return new ModelCard(
        version,
        modelVersion,
        created,
        modelFile,
        tfliteSha256,
        dataSha256,
        dataRows,
        dataSeed,
        features,
        target,
        metrics,
        notes,
        checkerBand,
        checkerBandProgress,
        checkerBandAtRest,
        checkerBandJustUsed,
        hash);
  }

  /**
   * One input feature.
   *
   * @param name as in {@code predict.ModelFeatures.NAMES}
   * @param unit unit or "0/1"
   * @param min smallest value seen in training (inputs outside [min, max] are refused)
   * @param max largest value seen in training
   * @param mean mean used to standardise the input
   * @param std standard deviation used to standardise the input (1 when the feature is constant)
   */
  public record Feature(
      String name, String unit, double min, double max, double mean, double std) {}

  /**
   * The network's output.
   *
   * @param name "heaterOnS"
   * @param unit "s"
   * @param transform "log" when the network predicts the standardised natural log of seconds,
   *     "none" when it predicts standardised seconds
   * @param mean mean of the (transformed) target in training
   * @param std standard deviation of the (transformed) target in training
   */
  public record Target(String name, String unit, String transform, double mean, double std) {}

  /**
   * Standardises a raw feature vector (see {@code predict.ModelFeatures.encode}) for the network.
   */
  public float[] scale(float[] raw) {
    float[] z = new float[raw.length];
    for (int i = 0; i < raw.length; i++) {
      Feature f = features.get(i);
      z[i] = (float) ((raw[i] - f.mean()) / f.std());
    }
    return z;
  }

  /** Turns the network's output back into seconds. */
  public double seconds(float networkOutput) {
    double y = networkOutput * target.std() + target.mean();
    return "log".equals(target.transform()) ? Math.exp(y) : y;
  }
}
