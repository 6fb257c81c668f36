/**
 * The life of a model on the device after training: signed bundles ({@link
 * com.smarttoaster.modellife.ModelBundle}), their verification against the configured public key
 * before anything in them is parsed ({@link com.smarttoaster.modellife.BundleVerifier}), the
 * installed versions and the active pointer in the state directory ({@link
 * com.smarttoaster.modellife.ModelStore}), the predictor the service starts with ({@link
 * com.smarttoaster.modellife.ActiveModel}) and the switch to a newly activated model between cycles
 * ({@link com.smarttoaster.modellife.ModelFollower}). The factory model in the jar is never
 * touched: whatever goes wrong here, the device falls back to it, and below it to the non-ML table.
 */
package com.smarttoaster.modellife;
