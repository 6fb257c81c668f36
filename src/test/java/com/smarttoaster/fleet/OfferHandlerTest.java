package com.smarttoaster.fleet;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.smarttoaster.fleet.offer.BundleParts;
import com.smarttoaster.fleet.offer.ModelOffer;
import com.smarttoaster.fleet.offer.OfferHandler;
import com.smarttoaster.modellife.BundleKeys;
import com.smarttoaster.modellife.BundleSigner;
import com.smarttoaster.modellife.BundleVerifier;
import com.smarttoaster.modellife.ModelPromotion;
import com.smarttoaster.modellife.ModelStore;
import com.smarttoaster.modellife.ModelVersion;
import com.smarttoaster.modellife.TestBundles;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The device's offer handler: only bundles signed with the fleet key get in, and bad offers change
 * nothing.
 */
class OfferHandlerTest {
  static final String V = "2099.01.05.000000-offer";
  @TempDir Path dir;
  final List<OfferHandler.Result> reports = new ArrayList<>();

  private ModelStore store() {
    return new ModelStore(
        dir,
        new BundleVerifier(TestBundles.publicKey()),
        new ModelVersion("2026.12.04-data1-train1", 20261204000000L));
  }

  /** Offers the bundle and hands over its parts, as the broker would. */
  private void deliver(OfferHandler h, String rollout, byte[] bundle, String version) {
    List<byte[]> parts = BundleParts.split(bundle);
    byte[] offer =
        ModelOffer.install(
                rollout, version, BundleParts.sha256(bundle), bundle.length, parts.size())
            .toJson();
    Optional<String> filter = h.onOffer(offer, Instant.now(), reports::add);
    assertEquals(Optional.of("fleet/bundle/" + version + "/+"), filter);
    for (int i = 0; i < parts.size(); i++) {
      h.onPart(ModelOffer.partTopic(version, i), parts.get(i), Instant.now(), reports::add);
    }
  }

  @Test
  void aBundleSignedWithTheFleetKeyIsInstalledAndActivated() throws Exception {
    ModelStore store = store();
    OfferHandler h =
        new OfferHandler(store, ModelPromotion.VERIFIES_AND_LOADS, dir.resolve("scratch"));
    deliver(h, "r1", TestBundles.bundle(V).toBytes(), V);
    assertEquals(V, store.active().active());
    assertEquals("installed and activated " + V, reports.get(reports.size() - 1).result());
    h.onOffer(ModelOffer.revert("r1", ModelVersion.FACTORY).toJson(), Instant.now(), reports::add);
    assertEquals(ModelVersion.FACTORY, store.active().active(), "a revert goes back");
    deliver(
        h,
        "r2",
        TestBundles.bundle("2099.01.06.000000-again").toBytes(),
        "2099.01.06.000000-again");
    h.onOffer(
        ModelOffer.revert("r2", "2026.12.04-data1-train1").toJson(), Instant.now(), reports::add);
    assertEquals(
        ModelVersion.FACTORY,
        store.active().active(),
        "a revert to the jar's model by its card's version (as real toasters report it) goes to the factory model");
  }

  @Test
  void theRetainedOfferOfTheActiveModelSeenAgainAfterARestartChangesNothingAndReportsNothing()
      throws Exception {
    ModelStore store = store();
    deliver(
        new OfferHandler(store, ModelPromotion.VERIFIES_AND_LOADS, dir.resolve("scratch")),
        "r1",
        TestBundles.bundle(V).toBytes(),
        V);
    assertEquals(1, reports.size());
    byte[] bundle = TestBundles.bundle(V).toBytes();
    byte[] offer =
        ModelOffer.install(
                "r1",
                V,
                BundleParts.sha256(bundle),
                bundle.length,
                BundleParts.split(bundle).size())
            .toJson();
    OfferHandler afterRestart =
        new OfferHandler(store, ModelPromotion.VERIFIES_AND_LOADS, dir.resolve("scratch"));
    assertEquals(Optional.empty(), afterRestart.onOffer(offer, Instant.now(), reports::add));
    assertEquals(1, reports.size(), "no second report: " + reports);
    assertEquals(V, store.active().active());
  }

  @Test
  void aBundleSignedWithAnotherKeyIsRefusedAndNothingIsInstalled() throws Exception {
    ModelStore store = store();
    OfferHandler h =
        new OfferHandler(store, ModelPromotion.VERIFIES_AND_LOADS, dir.resolve("scratch"));
    byte[] foreign =
        BundleSigner.sign(
                TestBundles.factoryModel(), TestBundles.card(V), BundleKeys.generate().getPrivate())
            .toBytes();
    deliver(h, "r1", foreign, V);
    assertEquals(ModelVersion.FACTORY, store.active().active());
    assertEquals(List.of(), store.installedVersions());
    String result = reports.get(reports.size() - 1).result();
    assertTrue(
        result.startsWith("refused offer r1: bundle ")
            && result.contains("does not verify with the configured" + " public key"),
        result);
  }

  @Test
  void aPromotionCheckThatRefusesLeavesTheCandidateInstalledButNotActive() throws Exception {
    ModelStore store = store();
    OfferHandler h =
        new OfferHandler(
            store, v -> Optional.of("shadow agreement 80 %, below 95 %"), dir.resolve("s"));
    deliver(h, "r1", TestBundles.bundle(V).toBytes(), V);
    assertEquals(ModelVersion.FACTORY, store.active().active());
    assertEquals(List.of(V), store.installedVersions());
    OfferHandler.Result r = reports.get(reports.size() - 1);
    assertEquals(V, r.candidate());
    assertEquals(
        "installed " + V + ", not activated: shadow agreement 80 %, below 95 %", r.result());
  }

  @Test
  void partsThatDoNotMatchTheOfferNeverInstall() throws Exception {
    ModelStore store = store();
    OfferHandler h =
        new OfferHandler(store, ModelPromotion.VERIFIES_AND_LOADS, dir.resolve("scratch"));
    byte[] bundle = TestBundles.bundle(V).toBytes();
    List<byte[]> parts = BundleParts.split(bundle);
    byte[] offer =
        ModelOffer.install("r1", V, BundleParts.sha256(bundle), bundle.length, parts.size())
            .toJson();
    h.onOffer(offer, Instant.now(), reports::add);
    byte[] tampered = parts.get(0).clone();
    tampered[100] ^= 1;
    h.onPart(ModelOffer.partTopic(V, 0), tampered, Instant.now(), reports::add);
    for (int i = 1; i < parts.size(); i++) {
      h.onPart(ModelOffer.partTopic(V, i), parts.get(i), Instant.now(), reports::add);
    }
    h.onPart(ModelOffer.partTopic(V, 99), new byte[10], Instant.now(), reports::add);
    assertEquals(List.of(), reports, "nothing happened yet");
    assertEquals(List.of(), store.installedVersions());
    h.onPart(
        ModelOffer.partTopic(V, 0),
        parts.get(0),
        Instant.now(),
        reports::add); // the right part arrives
    assertEquals(V, store.active().active());
  }

  @Test
  void malformedOffersAreRefusedInOneLineAndChangeNothing() throws Exception {
    ModelStore store = store();
    OfferHandler h =
        new OfferHandler(store, ModelPromotion.VERIFIES_AND_LOADS, dir.resolve("scratch"));
    for (String bad :
        List.of(
            "",
            "not json",
            "[]",
            "{\"rollout\":\"r\",\"action\":\"heat\",\"version\":\"v\"}",
            "{\"rollout\":\"r\",\"action\":\"install\",\"version\":\"../../etc\"}",
            "{\"rollout\":\"r\",\"action\":\"install\",\"version\":\"v\",\"sha256\":\"00\",\"bytes\":1,\"parts\":1}",
            "{\"rollout\":\"r\",\"action\":\"install\",\"version\":\"v\",\"sha256\":\""
                + "a".repeat(64)
                + "\",\"bytes\":99999999999,\"parts\":1}")) {
      assertEquals(
          Optional.empty(),
          h.onOffer(bad.getBytes(StandardCharsets.UTF_8), Instant.now(), reports::add),
          bad);
    }
    assertEquals(7, reports.size());
    assertEquals(
        "refused an offer: offer action 'heat' is neither install nor revert",
        reports.get(3).result());
    assertEquals(
        "refused an offer: offer version '../../etc' is not 1-80 of A-Z a-z 0-9 . _ -",
        reports.get(4).result());
    assertEquals(
        "refused an offer: offer bytes 99999999999 is not a whole number within 1..16777216",
        reports.get(6).result());
    for (OfferHandler.Result r : reports) {
      assertTrue(!r.result().contains("\n") && !r.result().contains("Exception"), r.result());
      assertEquals(ModelVersion.FACTORY, r.active());
    }
    assertEquals(ModelVersion.FACTORY, store.active().active());
  }
}
