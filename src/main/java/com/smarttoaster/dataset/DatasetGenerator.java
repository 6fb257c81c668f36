package com.smarttoaster.dataset;

import com.smarttoaster.hal.sim.ShadeOracle;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

/**
 * Makes the simulated training set: row {@code i} of a dataset with seed {@code S} is drawn by
 * {@link EnvelopeSampler} from its own seed (a mix of S and i), simulated by {@link
 * BackToBackCycles} (earlier cycles, the start reading, the heating progress) and labelled with the
 * oracle's heating time for the target shade from that same toaster state ({@link
 * ShadeOracle#bestHeatSeconds(com.smarttoaster.hal.sim.ToasterPhysics, int, double)}, at most
 * {@link #MAX_HEAT_S}). Rows are computed in parallel but each depends only on its own seed, so the
 * result is the same for the same seed, whatever the number of cores.
 */
public final class DatasetGenerator {
  /** Bumped whenever the sampling or labelling changes; recorded in the data card. */
  public static final String VERSION = "10";

  /**
   * Longest heating time the oracle may return (the predictor guard's upper bound: 0.95 × 300 s).
   */
  public static final double MAX_HEAT_S = 285.0;

  private DatasetGenerator() {}

  /** {@code rows} rows from {@code seed}, in index order. */
  public static List<DatasetRow> generate(long seed, int rows) {
    if (rows < 1) {
      throw new IllegalArgumentException("rows " + rows + " must be at least 1");
    }
    return IntStream.range(0, rows)
        .parallel()
        .mapToObj(i -> row(seed, i))
        .collect(Collectors.toList());
  }

  /** Row {@code index} of the dataset with seed {@code seed}. */
  public static DatasetRow row(long seed, int index) {
    long rowSeed = SeedMix.rowSeed(seed, index);
    EnvelopeSampler.Draw d = EnvelopeSampler.sample(rowSeed);
    double label = ShadeOracle.bestHeatSeconds(d.start(), d.input().settings().shade(), MAX_HEAT_S);
    return new DatasetRow(
        "sim-" + seed + "-" + index,
        rowSeed,
        Split.forRowSeed(rowSeed),
        RowSource.SIMULATED,
        d.input(),
        d.breadStartC(),
        d.storage(),
        d.actualMainsVolts(),
        d.earlierCycles(),
        label);
  }
}
