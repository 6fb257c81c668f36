package com.smarttoaster.simulation;

/**
 * A running simulation as a live display shows it.
 *
 * @param phase the controller's phase id (idle, preparing, toasting, done, ...)
 * @param heating true while current flows through the elements
 * @param chamberC true chamber air temperature, °C
 * @param breadSurfaceC bread surface temperature, °C
 * @param achievedShade the browning so far on the 1–7 scale, unclamped as in the result (below 1 is
 *     paler than the lightest setting)
 * @param predictedS the cycle's heating time as predicted (or re-predicted), s; NaN before a
 *     prediction
 * @param heatedS heating time so far in this cycle, s
 */
public record LiveStatus(
    String phase,
    boolean heating,
    double chamberC,
    double breadSurfaceC,
    double achievedShade,
    double predictedS,
    double heatedS) {}
