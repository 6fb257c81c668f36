package com.smarttoaster.modellife;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.smarttoaster.predict.ModelPredictor;
import com.smarttoaster.predict.Predictors;
import com.smarttoaster.predict.ToastTimePredictor;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.security.PublicKey;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The model the service runs: the active installed version when it verifies, else the factory model
 * in the jar. A missing, refused or unverifiable installed model never crashes the service and
 * never runs: it is logged once, loudly ({@code MODEL REFUSED}), and the factory model takes over
 * (behind which the guard's non-ML table still answers every cycle the model cannot).
 */
public final class ActiveModel {
  private static final Logger log = LoggerFactory.getLogger(ActiveModel.class);
  private static final ObjectMapper JSON = new ObjectMapper();

  private ActiveModel() {}

  /**
   * What was loaded and why.
   *
   * @param refusal why the active installed model was refused (the factory model runs instead), or
   *     null
   */
  public record Loaded(ToastTimePredictor predictor, String pointer, String note, String refusal) {
    public Loaded(ToastTimePredictor predictor, String pointer, String note) {
      this(predictor, pointer, note, null);
    }
  }

  /** The factory model (loaded once per process and shared). */
  public static ToastTimePredictor factory() {
    return Predictors.named("model", null, null);
  }

  /**
   * @param store the installed models, or null when the service has no state directory
   * @param key the configured public key, or null when the config has none
   */
  public static Loaded load(@Nullable ModelStore store, @Nullable PublicKey key) {
    if (store == null) {
      return new Loaded(factory(), ModelVersion.FACTORY, "no state directory: the factory model");
    }
    String active;
    try {
      active = store.active().active();
    } catch (BundleException e) {
      return refused(ModelVersion.FACTORY, e.getMessage());
    }
    if (ModelVersion.FACTORY.equals(active)) {
      return new Loaded(factory(), active, "the factory model is active");
    }
    if (key == null) {
      return refused(
          active,
          "installed model "
              + active
              + " is active but the config has no model.bundlePublicKey"
              + " to verify it with");
    }
    try {
      ModelVersion.parse(active);
      byte[] bytes = Files.readAllBytes(store.bundleFile(active));
      VerifiedBundle v = new BundleVerifier(key).verify(bytes, active + ModelBundle.EXTENSION);
      log.info(
          "Model {} loaded from {} (installed, active)", v.version(), store.bundleFile(active));
      return new Loaded(v.predictor(), active, "installed model " + active);
    } catch (BundleException e) {
      return refused(active, e.getMessage());
    } catch (IOException e) {
      return refused(active, "installed model " + active + " cannot be read: " + e);
    }
  }

  private static Loaded refused(String pointer, String reason) {
    log.warn(
        "MODEL REFUSED: {}. Using the factory model built into the jar instead; fix it with `model activate`"
            + " or `model rollback`.",
        reason);
    return new Loaded(
        factory(),
        pointer,
        "refused (" + reason + "); the factory model instead",
        "model " + pointer + " refused: " + reason + "; the factory model runs instead");
  }

  /** The factory model's version, read from its card without loading the model. */
  public static ModelVersion factoryVersion() {
    try (InputStream in =
        ActiveModel.class.getClassLoader().getResourceAsStream(ModelPredictor.CARD_RESOURCE)) {
      if (in != null) {
        JsonNode v = JSON.readTree(in).get("modelVersion");
        if (v != null && v.isTextual()) {
          return ModelVersion.parse(v.asText());
        }
      }
    } catch (IOException | BundleException e) {
      log.warn(
          "The factory model's card has no readable version ({}); every installed version counts as newer",
          e.getMessage());
    }
    return new ModelVersion(ModelVersion.FACTORY, 0);
  }
}
