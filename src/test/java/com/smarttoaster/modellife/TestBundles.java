package com.smarttoaster.modellife;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.smarttoaster.model.ModelCard;
import com.smarttoaster.predict.ModelCardChecks;
import com.smarttoaster.predict.ModelPredictor;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.PrivateKey;
import java.security.PublicKey;

/**
 * Bundles for tests: the committed (factory) network with its card re-versioned and re-sealed,
 * signed with the TEST-ONLY key in src/test/resources/model-bundle (see its README).
 */
public final class TestBundles {
  private static final ObjectMapper JSON =
      new ObjectMapper().configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false);

  private TestBundles() {}

  public static Path keyDirectory() {
    return Path.of("src/test/resources/model-bundle");
  }

  public static PrivateKey privateKey() {
    try {
      return BundleKeys.privateKey(keyDirectory().resolve("test-signing-key.pem"));
    } catch (BundleException e) {
      throw new IllegalStateException(e.getMessage(), e);
    }
  }

  public static String publicKeyBase64() {
    return new String(resource("model-bundle/test-public-key.txt"), StandardCharsets.US_ASCII)
        .trim();
  }

  public static PublicKey publicKey() {
    try {
      return BundleKeys.publicKey(publicKeyBase64());
    } catch (BundleException e) {
      throw new IllegalStateException(e.getMessage(), e);
    }
  }

  public static byte[] factoryModel() {
    return resource(ModelPredictor.MODEL_RESOURCE);
  }

  /** The factory card with another model version, sealed again for the factory network. */
  public static byte[] card(String version) {
    return card(version, 1.0);
  }

  /**
   * The factory card with another version whose target scaling makes every time {@code timeFactor}
   * times the factory model's (the card's target is the log of seconds): a deliberately worse model
   * on the same network, for rollout tests.
   */
  public static byte[] card(String version, double timeFactor) {
    try {
      ModelCard c = JSON.readValue(resource(ModelPredictor.CARD_RESOURCE), ModelCard.class);
      ModelCard.Target t = c.target();
      if (timeFactor != 1.0 && !"log".equals(t.transform())) {
        throw new IllegalStateException(
            "the factory card's target is not a log; cannot scale its times");
      }
      ModelCard.Target scaled =
          new ModelCard.Target(
              t.name(), t.unit(), t.transform(), t.mean() + Math.log(timeFactor), t.std());
      ModelCard v =
          new ModelCard(
              c.version(),
              version,
              c.created(),
              c.modelFile(),
              c.tfliteSha256(),
              c.dataSha256(),
              c.dataRows(),
              c.dataSeed(),
              c.features(),
              scaled,
              c.metrics(),
              c.notes(),
              c.checkerBand(),
              c.checkerBandProgress(),
              c.checkerBandAtRest(),
              c.checkerBandJustUsed(),
              null);
      return JSON.writerWithDefaultPrettyPrinter()
          .writeValueAsBytes(ModelCardChecks.seal(v, factoryModel()));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * A model store in {@code stateDir} that trusts the test key, the factory model active until told
   * otherwise.
   */
  public static ModelStore store(Path stateDir) {
    return new ModelStore(stateDir, new BundleVerifier(publicKey()), ActiveModel.factoryVersion());
  }

  /**
   * {@link #store} with a signed bundle of each version installed (written to {@code scratch}
   * first, as a user would download it), none activated.
   */
  public static ModelStore storeWith(Path stateDir, Path scratch, String... versions)
      throws Exception {
    ModelStore store = store(stateDir);
    for (String v : versions) {
      Path f = scratch.resolve(v + ModelBundle.EXTENSION);
      java.nio.file.Files.write(f, bundle(v).toBytes());
      store.install(f, false, java.time.Instant.parse("2027-03-01T08:00:00Z"));
    }
    return store;
  }

  /** A signed bundle of the factory network as {@code version}. */
  public static ModelBundle bundle(String version) {
    return bundle(version, 1.0);
  }

  /**
   * A signed bundle whose times are {@code timeFactor} times the factory model's ({@link
   * #card(String, double)}).
   */
  public static ModelBundle bundle(String version, double timeFactor) {
    try {
      return BundleSigner.sign(factoryModel(), card(version, timeFactor), privateKey());
    } catch (BundleException e) {
      throw new IllegalStateException(e.getMessage(), e);
    }
  }

  private static byte[] resource(String name) {
    try (InputStream in = TestBundles.class.getClassLoader().getResourceAsStream(name)) {
      if (in == null) {
        throw new IllegalStateException(name + " is not on the test classpath");
      }
      return in.readAllBytes();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Flips one byte of {@code part} where it sits, stored, inside the bundle file. */
  public static void flipInside(byte[] file, byte[] part, int offsetInPart) {
    int at = indexOf(file, part);
    if (at < 0) {
      throw new IllegalStateException("the part is not stored uncompressed in the bundle");
    }
    file[at + offsetInPart] ^= 0x01;
  }

  private static int indexOf(byte[] hay, byte[] needle) {
    outer:
    for (int i = 0; i + needle.length <= hay.length; i++) {
      for (int j = 0; j < needle.length; j++) {
        if (hay[i + j] != needle[j]) {
          continue outer;
        }
      }
      return i;
    }
    return -1;
  }
}
