package com.smarttoaster.dataset;

import com.smarttoaster.hal.sim.ToasterPhysics;
import com.smarttoaster.predict.ModelFeatures;
import com.smarttoaster.predict.PredictionInput;
import com.smarttoaster.toast.ToastSettings;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * One training row: what the appliance knew (the model sees only {@link #features()} and {@link
 * #startFeatures()}, made from {@link #input()}), the label, the hidden truth and bookkeeping.
 *
 * <p>A simulated row's input carries the heating progress of its cycle, so it teaches the network
 * twice: {@link #startFeatures()} (the prediction at the start, progress unknown) and {@link
 * #features()} (the re-prediction at 30 s of heating), both with the same label, the whole cycle's
 * heater-on time. A recorded row has no progress and teaches the start only.
 *
 * @param id unique row id: {@code sim-<seed>-<index>} for simulated rows, the cycle id for recorded
 *     ones
 * @param rowSeed the row's own seed; its hash alone decides the split, and a simulated row can be
 *     regenerated from it
 * @param split train, validation or test
 * @param source simulated or recorded
 * @param input what the appliance knew (mode is never reheat), with the heating progress if known
 * @param breadStartC NOT a feature: the bread's true start temperature, °C, known only in
 *     simulation (null for recorded rows)
 * @param breadStorage NOT a feature: where the bread came from, known only in simulation (null for
 *     recorded rows)
 * @param actualMainsVolts NOT a feature: the real supply voltage, V (null for recorded rows)
 * @param earlierCycles NOT a feature: cycles the simulated toaster ran before this one (null for
 *     recorded rows)
 * @param heaterOnS the label: heater-on time that gives the target shade, s
 */
public record DatasetRow(
    String id,
    long rowSeed,
    Split split,
    RowSource source,
    PredictionInput input,
    @Nullable Double breadStartC,
    @Nullable BreadStorage breadStorage,
    @Nullable Double actualMainsVolts,
    @Nullable Integer earlierCycles,
    double heaterOnS) {

  public DatasetRow {
    Objects.requireNonNull(id, "id");
    if (id.isEmpty()
        || id.chars().anyMatch(ch -> ch == ',' || ch == '"' || ch == '\n' || ch == '\r')) {
      throw new IllegalArgumentException(
          "row id '" + id + "' must be non-empty, without commas, quotes or line breaks");
    }
    Objects.requireNonNull(split, "split");
    Objects.requireNonNull(source, "source");
    Objects.requireNonNull(input, "input");
    ModelFeatures.encode(input); // refuses reheat, which is not modelled
    if (!(heaterOnS > 0) || Double.isInfinite(heaterOnS)) {
      throw new IllegalArgumentException(
          "row " + id + ": label heaterOnS " + heaterOnS + " must be a positive time");
    }
  }

  /** The model's raw input vector, exactly {@link ModelFeatures#encode} of {@link #input()}. */
  public float[] features() {
    return ModelFeatures.encode(input);
  }

  /**
   * The raw input vector at the start of the cycle: {@link #input()} without the heating progress.
   */
  public float[] startFeatures() {
    return ModelFeatures.encode(input.withProgress(null));
  }

  /** True when the row also teaches the re-predictions (its input has the heating progress). */
  public boolean hasProgress() {
    return input.progress() != null;
  }

  public ToastSettings settings() {
    return input.settings();
  }

  /**
   * The actual mains relative to the configured one, e.g. −0.04; 0 when unknown (recorded rows).
   */
  public double mainsDeviation() {
    return actualMainsVolts == null ? 0.0 : actualMainsVolts / input.mainsVolts() - 1.0;
  }

  /**
   * The simulated toaster as this row's cycle begins (earlier cycles run, bread loaded, element
   * off), regenerated from the row's seed, for replaying a predicted time on the simulator.
   *
   * @throws IllegalStateException for a recorded row, whose physics nobody knows, or a simulated
   *     row that this build's generator does not reproduce (another generator version)
   */
  public ToasterPhysics startPhysics() {
    if (source != RowSource.SIMULATED || breadStartC == null) {
      throw new IllegalStateException(
          "row " + id + " is a " + source.id() + " row, so it cannot be replayed on the simulator");
    }
    EnvelopeSampler.Draw d = EnvelopeSampler.sample(rowSeed);
    if (!d.input().equals(input) || d.breadStartC() != breadStartC) {
      throw new IllegalStateException(
          "row "
              + id
              + " is not what generator version "
              + DatasetGenerator.VERSION
              + " makes from its seed "
              + rowSeed
              + "; regenerate the dataset to replay it");
    }
    return d.start();
  }
}
