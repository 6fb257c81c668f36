/**
 * How long to toast: the guarded predictor (deadline, NaN and range checks, the checker band, the
 * fallback table), the TFLite model predictor with its features ({@link
 * com.smarttoaster.predict.ModelFeatures}), the fallback table and the fixed timer.
 *
 * <p>This is device code: it knows nothing of the simulator ({@code hal.sim}, {@code simulation}),
 * the config file, the controller or the supervisor. The simulator's oracle lives in {@code
 * simulation} for that reason. Checked by {@code ArchitectureTest}.
 */
package com.smarttoaster.predict;
