package com.smarttoaster.config;

import com.smarttoaster.input.NumberRange;
import com.smarttoaster.input.ObjectFields;
import com.smarttoaster.modellife.BundleException;
import com.smarttoaster.modellife.BundleKeys;
import com.smarttoaster.monitoring.HealthThresholds;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

/** The optional {@code model} section (signed model bundles, README "The life of a model"). */
final class ModelSection {
  static final List<String> OPTIONS = List.of("bundlePublicKey", "health");

  /** The options of {@code model.health} (monitoring.HealthThresholds). */
  static final List<String> HEALTH_OPTIONS =
      List.of(
          "window",
          "minCycles",
          "maxFallbackRate",
          "maxOutOfEnvelopeRate",
          "maxInputDriftSd",
          "maxUnhappyRatingShare");

  /** Base64 characters, at most what a key could take (an Ed25519 X.509 key is 60). */
  static final Pattern BASE64 = Pattern.compile("[A-Za-z0-9+/=]{1,200}");

  private ModelSection() {}

  static ModelConfig read(ObjectFields f) {
    Optional<String> key =
        f.text(
            "bundlePublicKey",
            false,
            BASE64,
            "one base64 line of an Ed25519 public key (60 characters, from `model keygen`)");
    if (key.isPresent()) {
      try {
        BundleKeys.publicKey(key.get());
      } catch (BundleException e) {
        String shown = key.get().length() > 16 ? key.get().substring(0, 16) + "…" : key.get();
        f.problems()
            .add(
                f.path("bundlePublicKey"),
                f.path("bundlePublicKey") + " = \"" + shown + "\": " + e.getMessage());
        return ModelConfig.none();
      }
    }
    return new ModelConfig(key.orElse(null), health(f));
  }

  private static HealthThresholds health(ObjectFields model) {
    HealthThresholds d = HealthThresholds.defaults();
    Optional<ObjectFields> section = model.section("health");
    if (section.isEmpty()) {
      return d;
    }
    ObjectFields f = section.get();
    f.rejectUnknown(HEALTH_OPTIONS);
    int window = (int) f.integer("window", 5, 10_000).orElse(d.window());
    int minCycles = (int) f.integer("minCycles", 1, 10_000).orElse(d.minCycles());
    NumberRange share = NumberRange.closed(0, 1, "");
    double fallback = f.decimal("maxFallbackRate", share).orElse(d.maxFallbackRate());
    double envelope = f.decimal("maxOutOfEnvelopeRate", share).orElse(d.maxOutOfEnvelopeRate());
    double drift =
        f.decimal("maxInputDriftSd", NumberRange.aboveAndAtMost(0, 10, "σ"))
            .orElse(d.maxInputDriftSd());
    double unhappy = f.decimal("maxUnhappyRatingShare", share).orElse(d.maxUnhappyRatingShare());
    if (minCycles > window) {
      f.problems()
          .add(
              f.path("minCycles"),
              f.path("minCycles")
                  + " = "
                  + minCycles
                  + " is more than "
                  + f.path("window")
                  + " = "
                  + window
                  + "; the window could never hold enough cycles to judge");
      return d;
    }
    return new HealthThresholds(window, minCycles, fallback, envelope, drift, unhappy);
  }
}
