/**
 * Watching the model on the device (issue 14, item 4): per-cycle figures ({@link
 * com.smarttoaster.monitoring.EnvelopeDistance}), rolling figures over the recent history ({@link
 * com.smarttoaster.monitoring.RollingFigures}: fallback rate, out-of-envelope rate, rating mix,
 * input drift against the model card's training distribution) and the thresholds whose crossing
 * raises a {@code model-health} event ({@link com.smarttoaster.monitoring.HealthThresholds}). Reads
 * history records and model cards; drives nothing.
 */
package com.smarttoaster.monitoring;
