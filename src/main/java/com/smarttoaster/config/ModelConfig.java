package com.smarttoaster.config;

/**
 * The optional {@code model} section: how installed model bundles are trusted.
 *
 * @param bundlePublicKey the Ed25519 public key (base64 of its X.509 form, one line) that model
 *     bundles must be signed for; null when not set, and then only the factory model runs
 */
public record ModelConfig(String bundlePublicKey) {
  public static ModelConfig none() {
    return new ModelConfig(null);
  }
}
