package com.smarttoaster.modellife;

import com.smarttoaster.predict.ToastTimePredictor;
import java.security.PublicKey;
import java.util.Objects;
import java.util.function.Consumer;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Follows the active pointer for the running service: when {@code model activate} or {@code model
 * rollback} changed it, loads (and verifies) the newly active model off the controller thread and
 * offers it; the controller takes it between cycles only ({@link
 * com.smarttoaster.control.ToastController#offerPredictor}). A refused model is offered as the
 * factory model, as at start-up. Who calls {@link #check()} and how often is the caller's business
 * (the service every few seconds; tests in simulated time).
 */
public final class ModelFollower {
  private static final Logger log = LoggerFactory.getLogger(ModelFollower.class);

  private final ModelStore store;
  private final @Nullable PublicKey key;
  private final Consumer<ToastTimePredictor> offer;
  private final Consumer<String> refusals;
  private String followed;

  /**
   * @param loadedPointer the pointer the running model was loaded for ({@link
   *     ActiveModel.Loaded#pointer()})
   * @param offer hands a newly loaded primary to the controller (e.g. {@code p ->
   *     assembly.offerPrimary(p, runner)})
   */
  public ModelFollower(
      ModelStore store,
      @Nullable PublicKey key,
      String loadedPointer,
      Consumer<ToastTimePredictor> offer) {
    this(store, key, loadedPointer, refusal -> {}, offer);
  }

  /**
   * @param refusals told when the newly active model is refused (the factory model is offered
   *     instead)
   */
  public ModelFollower(
      ModelStore store,
      @Nullable PublicKey key,
      String loadedPointer,
      Consumer<String> refusals,
      Consumer<ToastTimePredictor> offer) {
    this.refusals = refusals;
    this.store = Objects.requireNonNull(store, "store");
    this.key = key;
    this.followed = loadedPointer;
    this.offer = offer;
  }

  /**
   * Reads the pointer; if it names another model than the one followed, loads it and offers it.
   *
   * @return true when a model was offered
   */
  public synchronized boolean check() {
    String now;
    try {
      now = store.active().active();
    } catch (BundleException e) {
      return false; // the pointer is being rewritten or damaged; the running model stays
    }
    if (now.equals(followed)) {
      return false;
    }
    ActiveModel.Loaded loaded = ActiveModel.load(store, key);
    log.info(
        "Active model changed from {} to {}: {}; it takes over after the current cycle",
        followed,
        now,
        loaded.note());
    followed = now;
    offer.accept(loaded.predictor());
    if (loaded.refusal() != null) {
      refusals.accept(loaded.refusal());
    }
    return true;
  }
}
