package com.smarttoaster.safety;

/**
 * Outcome of a reset attempt.
 *
 * @param cleared true when no fault is latched any more
 * @param message why the reset was refused, or what was cleared
 */
public record ResetResult(boolean cleared, String message) {}
