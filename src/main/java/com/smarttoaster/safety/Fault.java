package com.smarttoaster.safety;

/**
 * A latched safety fault.
 *
 * @param code stable code
 * @param message what happened, the measured value, the limit and what to do next
 * @param measured the measured value that tripped the check (units depend on the check)
 * @param limit the configured limit it was compared with
 * @param atNanos clock time the fault latched
 */
public record Fault(FaultCode code, String message, double measured, double limit, long atNanos) {}
