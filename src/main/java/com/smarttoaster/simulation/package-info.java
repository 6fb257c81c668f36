/**
 * One scenario in simulated time on a simulated (or emulated Pi) appliance: fault injection, the
 * event log, the result JSON, and the simulator's {@link
 * com.smarttoaster.simulation.OraclePredictor} (for evaluation and training labels only; the
 * device's {@code predict} package must not know it).
 */
package com.smarttoaster.simulation;
