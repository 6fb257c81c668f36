package com.smarttoaster.modellife;

import java.util.Optional;

/**
 * The one way a candidate (an installed, not yet active model) becomes active on the device:
 * {@link #activateAfterPromotionCheck}. The fleet's offer handler installs an offered bundle as a
 * candidate and then calls it; whatever the check decides, the model the device runs changes only
 * here or through {@code model activate|rollback}.
 *
 * <p>The rule today ({@link #VERIFIES_AND_LOADS}): a candidate is promoted when it verifies again
 * with the configured key and its network loads and runs once ({@link ModelStore#activate} does
 * both before it moves the pointer). That is a floor, not a judgement of quality: the fleet's
 * staged rollout is what judges quality today (a canary, rolled back on worse figures). The
 * device-side shadow comparison (issue 14: the candidate predicts beside the active model on real
 * cycles and must agree well enough) plugs in as another {@link Check}.
 */
public final class ModelPromotion {
  /** Decides whether a candidate may become active. */
  @FunctionalInterface
  public interface Check {
    /** Why {@code candidate} may not be promoted yet, or empty when it may. */
    Optional<String> refusal(String candidate);
  }

  /** The floor: no refusal of its own; {@link ModelStore#activate} still verifies and loads the candidate. */
  public static final Check VERIFIES_AND_LOADS = candidate -> Optional.empty();

  /**
   * @param activated true when {@code active} is the candidate now
   * @param active the version active after the call
   * @param reason why it was not promoted, or null
   */
  public record Outcome(boolean activated, String active, String reason) {}

  private ModelPromotion() {}

  /**
   * Activates {@code candidate} if {@code check} has no refusal and it verifies again; otherwise
   * changes nothing.
   */
  public static Outcome activateAfterPromotionCheck(ModelStore store, String candidate, Check check)
      throws BundleException {
    Optional<String> refusal = check.refusal(candidate);
    if (refusal.isPresent()) {
      return new Outcome(false, store.active().active(), refusal.get());
    }
    ActivePointer p = store.activate(candidate);
    return new Outcome(true, p.active(), null);
  }
}
