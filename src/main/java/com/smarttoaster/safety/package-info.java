/**
 * The safety supervisor: small, boring, non-ML code that decides whether heat may flow at all.
 *
 * <p>The rule this package holds: only {@link com.smarttoaster.safety.SafetySupervisor} turns the
 * heater on ({@link com.smarttoaster.hal.HeaterSwitch#set}), holds or releases the carriage ({@link
 * com.smarttoaster.hal.CarriageLatch}) and feeds the hardware dead-man. It receives those outputs
 * once, in the appliance's port bundle, and no other class calls them; the only other switching is
 * the off of named fail-safe paths (a closing Pi appliance). {@code ArchitectureTest} checks it on
 * every build.
 *
 * <p>Each check ({@code SafetyCheck}) only looks at one tick's facts and names a fault; the
 * supervisor alone acts. It reads ports and vetoes; it never takes advice from the model, and
 * depends on nothing but {@code hal}'s ports and {@code toast}'s values.
 */
package com.smarttoaster.safety;
