package com.smarttoaster.control;

import com.smarttoaster.predict.Prediction;
import com.smarttoaster.toast.ToastSettings;
import org.jspecify.annotations.Nullable;

/**
 * What the controller shows: the phase, the settings the next (or current) cycle uses, and the
 * current cycle's prediction and remaining time.
 *
 * @param phase current phase
 * @param settings current settings
 * @param prediction current or last cycle's prediction, null before the first cycle
 * @param remainingS heater time left in the current cycle, s; 0 when not toasting
 * @param remoteArmPending the remote-start button was pressed and the next lever press arms
 */
public record ControllerSnapshot(
    CyclePhase phase,
    ToastSettings settings,
    @Nullable Prediction prediction,
    double remainingS,
    boolean remoteArmPending) {}
