package com.smarttoaster.dataset;

import com.smarttoaster.hal.sim.ApplianceConditions;
import com.smarttoaster.model.ModelFeatures;
import com.smarttoaster.predict.PredictionInput;
import com.smarttoaster.toast.ToastSettings;
import java.util.Objects;

/**
 * One training row: what the appliance knew at the start (the model sees only {@link #features()},
 * made from {@link #input()}), the label, and bookkeeping.
 *
 * @param id unique row id: {@code sim-<seed>-<index>} for simulated rows, the cycle id for
 *     recorded ones
 * @param rowSeed the row's own seed; its hash alone decides the split
 * @param split train, validation or test
 * @param source simulated or recorded
 * @param input what the appliance knew when the cycle started (mode is never reheat)
 * @param breadStartC NOT a feature: the bread's true start temperature, °C, known only in
 *     simulation (null for recorded rows)
 * @param breadStorage NOT a feature: where the bread came from, known only in simulation (null
 *     for recorded rows)
 * @param heaterOnS the label: heater-on time that gives the target shade, s
 */
public record DatasetRow(
    String id,
    long rowSeed,
    Split split,
    RowSource source,
    PredictionInput input,
    Double breadStartC,
    BreadStorage breadStorage,
    double heaterOnS) {

  public DatasetRow {
    Objects.requireNonNull(id, "id");
    if (id.isEmpty() || id.chars().anyMatch(ch -> ch == ',' || ch == '"' || ch == '\n' || ch == '\r')) {
      throw new IllegalArgumentException("row id '" + id + "' must be non-empty, without commas, quotes or line breaks");
    }
    Objects.requireNonNull(split, "split");
    Objects.requireNonNull(source, "source");
    Objects.requireNonNull(input, "input");
    ModelFeatures.encode(input); // refuses reheat, which is not modelled
    if (!(heaterOnS > 0) || Double.isInfinite(heaterOnS)) {
      throw new IllegalArgumentException("row " + id + ": label heaterOnS " + heaterOnS + " must be a positive time");
    }
  }

  /** The model's raw input vector, exactly {@link ModelFeatures#encode} of {@link #input()}. */
  public float[] features() {
    return ModelFeatures.encode(input);
  }

  public ToastSettings settings() {
    return input.settings();
  }

  /**
   * The full physical situation, for evaluating a predicted time on the simulator.
   *
   * @throws IllegalStateException for a recorded row, whose bread temperature nobody knows
   */
  public ApplianceConditions conditions() {
    if (breadStartC == null) {
      throw new IllegalStateException("row " + id + " has no bread start temperature (a " + source.id()
          + " row), so it cannot be replayed on the simulator");
    }
    ToastSettings s = input.settings();
    return new ApplianceConditions(input.ambientC(), input.mainsVolts(), input.chamberStartC(), s.slices(),
        s.bread(), s.thicknessMm(), breadStartC);
  }
}
