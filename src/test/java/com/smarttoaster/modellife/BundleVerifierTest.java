package com.smarttoaster.modellife;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

/** Signed bundles: what passes, and that each altered part is refused with a line naming it. */
class BundleVerifierTest {
  private static final String V = "2027.01.15.093000-data1-train1";
  private final BundleVerifier verifier = new BundleVerifier(TestBundles.publicKey());

  @Test
  void aBundleSignedWithTheConfiguredKeyVerifiesAndLoads() throws Exception {
    VerifiedBundle v = verifier.verify(TestBundles.bundle(V).toBytes(), "b.toastmodel");
    try {
      assertEquals(V, v.version().text());
      assertEquals(V, v.predictor().modelVersion());
    } finally {
      v.predictor().close();
    }
  }

  @Test
  void theSameInputsGiveTheSameBundleFile() {
    ModelBundle b = TestBundles.bundle(V);
    assertTrue(
        Arrays.equals(
            b.toBytes(),
            new ModelBundle(b.manifest(), b.signature(), b.model(), b.card()).toBytes()));
  }

  @Test
  void aFlippedByteInTheModelIsRefusedNamingTheModel() {
    byte[] file = TestBundles.bundle(V).toBytes();
    TestBundles.flipInside(file, TestBundles.factoryModel(), 100);
    String msg = refusal(file);
    assertTrue(msg.contains("toast-time.tflite"), msg);
  }

  @Test
  void aFlippedByteInTheCardIsRefusedNamingTheCard() {
    byte[] file = TestBundles.bundle(V).toBytes();
    TestBundles.flipInside(file, TestBundles.card(V), 40);
    String msg = refusal(file);
    assertTrue(msg.contains("toast-time.card.json"), msg);
  }

  @Test
  void aFlippedByteInTheSignatureIsRefusedNamingTheSignature() {
    ModelBundle b = TestBundles.bundle(V);
    byte[] file = b.toBytes();
    TestBundles.flipInside(file, b.signature(), 10);
    String msg = refusal(file);
    assertTrue(msg.contains("manifest.sig"), msg);
  }

  /** An attacker who rewrites the zip (valid CRCs) is caught by the signed hashes instead. */
  @Test
  void aRepackedBundleWithAnotherCardIsRefusedAsChangedAfterSigning() {
    ModelBundle b = TestBundles.bundle(V);
    byte[] card = b.card().clone();
    String text = new String(card, StandardCharsets.UTF_8).replace("\"notes\"", "\"notes\" ");
    ModelBundle forged =
        new ModelBundle(
            b.manifest(), b.signature(), b.model(), text.getBytes(StandardCharsets.UTF_8));
    String msg = refusal(forged.toBytes());
    assertTrue(msg.contains("card toast-time.card.json was changed after signing"), msg);
  }

  @Test
  void aRepackedBundleWithAnotherModelIsRefusedAsChangedAfterSigning() {
    ModelBundle b = TestBundles.bundle(V);
    byte[] model = b.model().clone();
    model[model.length - 1] ^= 1;
    String msg = refusal(new ModelBundle(b.manifest(), b.signature(), model, b.card()).toBytes());
    assertTrue(msg.contains("model toast-time.tflite was changed after signing"), msg);
  }

  @Test
  void aBundleSignedWithAnotherKeyIsRefused() throws Exception {
    ModelBundle b =
        BundleSigner.sign(
            TestBundles.factoryModel(), TestBundles.card(V), BundleKeys.generate().getPrivate());
    String msg = refusal(b.toBytes());
    assertTrue(msg.contains("does not verify with the configured public key"), msg);
  }

  /**
   * Signed, but the card's seal does not hold: the model check still refuses it, after the
   * signature.
   */
  @Test
  void aSignedBundleWhoseCardIsNotSealedForItsModelIsRefused() throws Exception {
    byte[] card =
        new String(TestBundles.card(V), StandardCharsets.UTF_8)
            .replaceFirst("\"integritySha256\" : \"[0-9a-f]+\"", "\"integritySha256\" : \"00\"")
            .getBytes(StandardCharsets.UTF_8);
    ModelBundle b = BundleSigner.sign(TestBundles.factoryModel(), card, TestBundles.privateKey());
    String msg = refusal(b.toBytes());
    assertTrue(msg.contains("signed but its model is refused") && msg.contains("integrity"), msg);
  }

  @Test
  void garbageAndEmptyFilesAreRefusedInOneLine() {
    for (byte[] bytes :
        new byte[][] {new byte[0], "not a zip".getBytes(StandardCharsets.UTF_8), new byte[5000]}) {
      String msg = refusal(bytes);
      assertTrue(msg.startsWith("bundle b.toastmodel"), msg);
    }
  }

  @Test
  void versionsAreOrderedByDateAndTimeAndRefusedWhenMalformed() throws Exception {
    assertTrue(
        ModelVersion.parse("2026.12.04.153012-a")
            .isNewerThan(ModelVersion.parse("2026.12.04-data1-train1")));
    assertFalse(ModelVersion.parse("2026.12.04-b").isNewerThan(ModelVersion.parse("2026.12.04-a")));
    assertFalse(
        ModelVersion.parse("2026.12.03.235959").isNewerThan(ModelVersion.parse("2026.12.04")));
    for (String bad :
        new String[] {"../etc/passwd", "2026.13.01", "latest", "2026.12.04.250000", ""}) {
      assertThrows(BundleException.class, () -> ModelVersion.parse(bad), bad);
    }
  }

  private String refusal(byte[] bytes) {
    BundleException e =
        assertThrows(BundleException.class, () -> verifier.verify(bytes, "b.toastmodel"));
    assertFalse(e.getMessage().contains("\n"), "one line: " + e.getMessage());
    return e.getMessage();
  }
}
