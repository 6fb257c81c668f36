package com.smarttoaster.history;

import org.jspecify.annotations.Nullable;

/**
 * What monitoring records about the model on one cycle, beside the time the cycle used (issue 14,
 * item 4). Every field may be null: the cycle had no candidate, no learned primary, or was recorded
 * before these fields existed.
 *
 * @param candidateVersion the shadow candidate that ran beside the active model, or null for none
 * @param candidateS the candidate's answer, s (recorded, never used for heat); null when it gave
 *     none
 * @param candidateNote why the candidate gave no usable answer (threw, declined, cut off at the
 *     deadline), or null
 * @param checkerDisagreement relative difference between the active model's answer and the non-ML
 *     estimate (0.25 = 25 %, as the checker measures it), whether or not the checker accepted it
 * @param envelopeDistance how far the cycle's inputs lie outside the active model's training
 *     envelope, in shares of each input's training range (the largest over the inputs); 0 inside
 */
public record ModelWatch(
    @Nullable String candidateVersion,
    @Nullable Double candidateS,
    @Nullable String candidateNote,
    @Nullable Double checkerDisagreement,
    @Nullable Double envelopeDistance) {

  /** Nothing watched. */
  public static final ModelWatch NONE = new ModelWatch(null, null, null, null, null);

  /** True when the cycle was out of the training envelope. */
  public boolean outOfEnvelope() {
    return envelopeDistance != null && envelopeDistance > 0;
  }
}
