package com.smarttoaster.config;

import com.smarttoaster.monitoring.HealthThresholds;
import org.jspecify.annotations.Nullable;

/**
 * The optional {@code model} section: how installed model bundles are trusted, and when the model's
 * rolling figures raise a {@code model-health} event.
 *
 * @param bundlePublicKey the Ed25519 public key (base64 of its X.509 form, one line) that model
 *     bundles must be signed for; null when not set, and then only the factory model runs
 * @param health the thresholds of the model's rolling figures ({@code model.health})
 */
public record ModelConfig(@Nullable String bundlePublicKey, HealthThresholds health) {
  public ModelConfig {
    health = health == null ? HealthThresholds.defaults() : health;
  }

  /** A key and the default thresholds. */
  public ModelConfig(@Nullable String bundlePublicKey) {
    this(bundlePublicKey, HealthThresholds.defaults());
  }

  public static ModelConfig none() {
    return new ModelConfig(null);
  }
}
