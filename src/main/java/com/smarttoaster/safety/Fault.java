package com.smarttoaster.safety;

/**
 * A latched safety fault.
 *
 * @param code stable code
 * @param message what happened, the measured value, the limit and what to do next
 * @param measured the measured value that tripped the check (units depend on the check)
 * @param limit the limit it was compared with: a configured one, or one the configuration gives for
 *     the situation (see {@link FaultCode})
 * @param atNanos clock time the fault latched
 */
public record Fault(FaultCode code, String message, double measured, double limit, long atNanos) {}
