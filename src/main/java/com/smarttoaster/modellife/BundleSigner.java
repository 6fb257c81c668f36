package com.smarttoaster.modellife;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.PrivateKey;
import java.security.Signature;
import java.util.HexFormat;
import org.jspecify.annotations.Nullable;

/**
 * Makes a bundle from a model and its card: the manifest with both SHA-256s and the card's model
 * version, signed with the private key. Used by the trainer ({@code --bundle-key}) and by {@code
 * model bundle}. It refuses a card without a valid version, so every bundle has an ordered version.
 */
public final class BundleSigner {
  private static final ObjectMapper JSON =
      new ObjectMapper().configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false);

  private BundleSigner() {}

  /**
   * @throws BundleException when the card has no readable model version or the key cannot sign
   */
  public static ModelBundle sign(byte[] model, byte[] card, PrivateKey key) throws BundleException {
    @Nullable String version;
    try {
      JsonNode v = JSON.readTree(card).get("modelVersion");
      version = v == null || !v.isTextual() ? null : v.asText();
    } catch (IOException e) {
      throw new BundleException("the card is not JSON: " + e.getMessage());
    }
    version = ModelVersion.parse(version).text();
    byte[] manifest =
        new BundleManifest(
                BundleManifest.FORMAT,
                BundleManifest.FORMAT_VERSION,
                version,
                sha256(model),
                sha256(card))
            .toBytes();
    try {
      Signature s = Signature.getInstance(BundleKeys.ALGORITHM);
      s.initSign(key);
      s.update(manifest);
      return new ModelBundle(manifest, s.sign(), model, card);
    } catch (GeneralSecurityException e) {
      throw new BundleException(
          "cannot sign with this key (" + key.getAlgorithm() + "): " + e.getMessage());
    }
  }

  static String sha256(byte[] bytes) {
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("every Java runtime has SHA-256", e);
    }
  }
}
