package com.smarttoaster.fleet.offer;

import com.smarttoaster.modellife.BundleException;
import com.smarttoaster.modellife.ModelPromotion;
import com.smarttoaster.modellife.ModelStore;
import com.smarttoaster.modellife.ModelVersion;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The device's side of a model offer: gathers the bundle's parts, installs it through {@link
 * ModelStore} (which verifies the Ed25519 signature with the configured key, the fleet key, before
 * anything in it is parsed) as a candidate, and makes it active only through {@link
 * ModelPromotion#activateAfterPromotionCheck}. A revert activates an installed version (or the
 * factory model) again, verified again. Every outcome, refusals included, is a {@link Result} the
 * device reports as a {@code model} event.
 *
 * <p>It touches nothing but the model store: no heater, no latch, no command. A bad offer changes
 * nothing and costs one line. Not thread-safe: the device calls it from one thread (its MQTT
 * worker).
 */
public final class OfferHandler {
  private static final Logger log = LoggerFactory.getLogger(OfferHandler.class);

  /**
   * @param active the active version after the offer was handled
   * @param candidate an installed version not (yet) active, or null
   * @param result what happened, in words
   */
  public record Result(String active, @Nullable String candidate, String result) {}

  private final ModelStore store;
  private final ModelPromotion.Check check;
  private final Path scratch;

  /** The install offer whose bundle parts are being gathered, or null. */
  private @Nullable BundleParts pending;

  private @Nullable String lastHandled;

  /**
   * @param store the device's model store, whose verifier holds the fleet's public key
   * @param check the promotion check a candidate must pass to become active
   * @param scratch a directory for the assembled bundle before it is installed
   */
  public OfferHandler(ModelStore store, ModelPromotion.Check check, Path scratch) {
    this.store = store;
    this.check = check;
    this.scratch = scratch;
  }

  /**
   * A message on the device's offer topic.
   *
   * @return the topic filter of the bundle's parts to subscribe to (install offers), or empty
   */
  public Optional<String> onOffer(
      byte[] payload, Instant now, java.util.function.Consumer<Result> report) {
    ModelOffer offer;
    try {
      offer = ModelOffer.parse(payload);
    } catch (IllegalArgumentException e) {
      log.warn("Refused a model offer: {}", e.getMessage());
      report.accept(result("refused an offer: " + e.getMessage()));
      return Optional.empty();
    }
    String key = offer.rollout() + "/" + offer.action() + "/" + offer.version();
    if (key.equals(lastHandled)) {
      return Optional.empty(); // the retained offer again after a reconnect: already done
    }
    if (ModelOffer.REVERT.equals(offer.action())) {
      pending = null;
      lastHandled = key;
      report.accept(revert(offer.version()));
      return Optional.empty();
    }
    if (alreadyActive(offer.version())) {
      // The retained offer seen again after a restart (lastHandled is gone): taken already, and
      // installing it again would only be refused as "not newer".
      pending = null;
      lastHandled = key;
      return Optional.empty();
    }
    pending = new BundleParts(offer);
    return Optional.of(ModelOffer.BUNDLE_PREFIX + offer.version() + "/+");
  }

  /**
   * A message on a bundle part topic; installs and promotes once the offer's bundle is complete.
   */
  public void onPart(
      String topic, byte[] payload, Instant now, java.util.function.Consumer<Result> report) {
    BundleParts p = pending;
    if (p == null || !topic.startsWith(ModelOffer.BUNDLE_PREFIX + p.offer().version() + "/")) {
      return; // a part of another offer
    }
    int index;
    try {
      index = Integer.parseInt(topic.substring(topic.lastIndexOf('/') + 1));
    } catch (NumberFormatException e) {
      return;
    }
    if (!p.add(index, payload)) {
      return;
    }
    Optional<byte[]> bundle = p.complete();
    if (bundle.isEmpty()) {
      return;
    }
    pending = null;
    lastHandled = p.offer().rollout() + "/" + p.offer().action() + "/" + p.offer().version();
    report.accept(install(p.offer(), bundle.get(), now));
  }

  private boolean alreadyActive(String version) {
    try {
      return version.equals(store.active().active());
    } catch (BundleException e) {
      return false;
    }
  }

  private Result install(ModelOffer offer, byte[] bundle, Instant now) {
    Path tmp = null;
    try {
      Files.createDirectories(scratch);
      tmp = Files.createTempFile(scratch, "offer-", ".toastmodel");
      Files.write(tmp, bundle);
      ModelVersion v = store.install(tmp, false, now);
      if (!v.text().equals(offer.version())) {
        return result(
            "refused offer "
                + offer.rollout()
                + ": the bundle is version "
                + v
                + ", the offer says "
                + offer.version());
      }
      ModelPromotion.Outcome o = ModelPromotion.activateAfterPromotionCheck(store, v.text(), check);
      log.info(
          "Model offer {}: installed {}{}",
          offer.rollout(),
          v,
          o.activated() ? " and activated it" : "; not activated: " + o.reason());
      return new Result(
          o.active(),
          o.activated() ? null : v.text(),
          o.activated()
              ? "installed and activated " + v
              : "installed " + v + ", not activated: " + o.reason());
    } catch (BundleException e) {
      log.warn("Refused model offer {}: {}", offer.rollout(), e.getMessage());
      return result("refused offer " + offer.rollout() + ": " + e.getMessage());
    } catch (IOException e) {
      return result("cannot take offer " + offer.rollout() + ": " + e.getMessage());
    } finally {
      if (tmp != null) {
        try {
          Files.deleteIfExists(tmp);
        } catch (IOException ignored) {
          // a scratch file; the next offer's directory listing does not care
        }
      }
    }
  }

  private Result revert(String version) {
    try {
      // A real toaster reports the jar's model by its card's version; the store calls it "factory".
      String target =
          version.equals(store.factoryVersion().text()) ? ModelVersion.FACTORY : version;
      String active = store.activate(target).active();
      log.info("Model offer: reverted to {}", active);
      return new Result(active, null, "reverted to " + active);
    } catch (BundleException e) {
      log.warn("Refused a revert to {}: {}", version, e.getMessage());
      return result("refused a revert to " + version + ": " + e.getMessage());
    }
  }

  private Result result(String text) {
    String active;
    try {
      active = store.active().active();
    } catch (BundleException e) {
      active = ModelVersion.FACTORY;
    }
    return new Result(active, null, text);
  }
}
