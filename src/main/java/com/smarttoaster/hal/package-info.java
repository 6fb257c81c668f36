/**
 * The hardware ports: small interfaces for what the software needs from an appliance (heater relay,
 * carriage latch and lever, thermocouple, current sensor, dead-man, user controls, indicators,
 * clock), and {@link com.smarttoaster.hal.AppliancePorts}, the one bundle an appliance hands over.
 *
 * <p>{@code hal.sim}, {@code hal.pi} and {@code hal.emulated} implement them. The package and its
 * subpackages import nothing above them: only these ports and {@code toast}'s values (a Pi's
 * wiring, {@code hal.pi.PiConfig}, lives beside the code it wires). The heater, the latch and the
 * dead-man are the safety supervisor's alone (see {@code com.smarttoaster.safety}).
 */
package com.smarttoaster.hal;
