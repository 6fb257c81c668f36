package com.smarttoaster.modellife;

import com.smarttoaster.predict.ModelPredictor;
import com.smarttoaster.predict.PredictorUnavailableException;
import java.security.GeneralSecurityException;
import java.security.PublicKey;
import java.security.Signature;
import org.jspecify.annotations.Nullable;

/**
 * Decides whether a bundle may run, in an order that trusts nothing before the signature: the
 * container's structure (entry names and sizes only), then the Ed25519 signature over the manifest
 * with the configured public key, and only then the manifest, the SHA-256 of model and card against
 * it, the version, and last the card and network checks of {@link ModelPredictor#open} (card
 * fields, seal, TFLite load and a first run). No byte of the card is parsed and no TFLite code runs
 * on an unsigned or altered bundle.
 */
public final class BundleVerifier {
  private final @Nullable PublicKey key;

  /**
   * @param key the configured public key; null when none is, and then every bundle is refused
   */
  public BundleVerifier(@Nullable PublicKey key) {
    this.key = key;
  }

  /**
   * @param name the bundle's file name, for messages
   * @return the verified bundle with its model loaded (the caller closes it)
   * @throws BundleException with one line naming what failed
   */
  public VerifiedBundle verify(byte[] bytes, String name) throws BundleException {
    if (key == null) {
      throw new BundleException(
          "bundle "
              + name
              + " cannot be verified: no public key is configured"
              + " (model.bundlePublicKey)");
    }
    ModelBundle b = ModelBundle.read(bytes, name);
    if (!signatureHolds(b)) {
      throw new BundleException(
          "bundle "
              + name
              + ": signature "
              + ModelBundle.SIGNATURE
              + " does not verify with"
              + " the configured public key (model.bundlePublicKey): the manifest was changed after signing, the"
              + " signature is damaged, or another key signed it");
    }
    BundleManifest m = BundleManifest.parse(b.manifest());
    checkHash(name, "model " + ModelBundle.MODEL, b.model(), m.modelSha256());
    checkHash(name, "card " + ModelBundle.CARD, b.card(), m.cardSha256());
    ModelVersion version = ModelVersion.parse(m.modelVersion());
    ModelPredictor p;
    try {
      p = ModelPredictor.open(b.model(), ModelBundle.MODEL, b.card(), ModelBundle.CARD);
    } catch (PredictorUnavailableException e) {
      throw new BundleException(
          "bundle " + name + " is signed but its model is refused: " + e.getMessage());
    }
    if (!m.modelVersion().equals(p.card().modelVersion())) {
      p.close();
      throw new BundleException(
          "bundle "
              + name
              + ": the manifest says version "
              + m.modelVersion()
              + " but the card says "
              + p.card().modelVersion());
    }
    return new VerifiedBundle(version, b, p);
  }

  /** Verifies and closes the model again: the verdict only. */
  public ModelVersion check(byte[] bytes, String name) throws BundleException {
    VerifiedBundle v = verify(bytes, name);
    v.predictor().close();
    return v.version();
  }

  private boolean signatureHolds(ModelBundle b) throws BundleException {
    try {
      Signature s = Signature.getInstance(BundleKeys.ALGORITHM);
      s.initVerify(key);
      s.update(b.manifest());
      return s.verify(b.signature());
    } catch (java.security.SignatureException e) {
      return false; // a malformed signature is a bad signature
    } catch (GeneralSecurityException e) {
      throw new BundleException(
          "the configured public key cannot verify Ed25519 signatures: " + e.getMessage());
    }
  }

  private static void checkHash(String name, String part, byte[] data, String signed)
      throws BundleException {
    String actual = BundleSigner.sha256(data);
    if (!actual.equalsIgnoreCase(signed)) {
      throw new BundleException(
          "bundle "
              + name
              + ": "
              + part
              + " was changed after signing (SHA-256 "
              + actual.substring(0, 12)
              + "…, the signed manifest says "
              + abbreviate(signed)
              + ")");
    }
  }

  private static String abbreviate(String hex) {
    return hex.length() > 12 ? hex.substring(0, 12) + "…" : hex;
  }
}
