package com.smarttoaster.dataset;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.smarttoaster.hal.sim.ShadeOracle;
import com.smarttoaster.hal.sim.ToasterPhysics;
import com.smarttoaster.predict.ModelFeatures;
import com.smarttoaster.predict.PredictionInput;
import com.smarttoaster.toast.ToastMode;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class DatasetGeneratorTest {
  private static List<DatasetRow> rows;

  @BeforeAll
  static void generate() {
    rows = DatasetGenerator.generate(7, 300);
  }

  @Test
  void theSameSeedGivesTheSameBytes() {
    byte[] again = DatasetCsv.bytes(DatasetGenerator.generate(7, 300));
    assertArrayEquals(DatasetCsv.bytes(rows), again, "two runs with seed 7 differ");
  }

  @Test
  void anotherSeedGivesOtherRows() {
    assertFalse(
        Arrays.equals(
            DatasetCsv.bytes(rows.subList(0, 20)),
            DatasetCsv.bytes(DatasetGenerator.generate(8, 20))),
        "seeds 7 and 8 gave the same rows");
  }

  @Test
  void aRowDependsOnlyOnTheSeedAndItsIndex() {
    assertEquals(
        rows.subList(0, 25), DatasetGenerator.generate(7, 25), "a smaller dataset is not a prefix");
    assertEquals(rows.get(123), DatasetGenerator.row(7, 123));
  }

  @Test
  void everyRowsFeatureColumnsAreExactlyModelFeaturesEncodeOfItsInput() {
    String[] lines = DatasetCsv.format(rows).split("\n");
    List<String> header = Arrays.asList(lines[0].split(","));
    int first = header.indexOf(ModelFeatures.NAMES.get(0));
    assertEquals(
        ModelFeatures.NAMES,
        header.subList(first, first + ModelFeatures.COUNT),
        "feature columns are not ModelFeatures.NAMES in order");
    for (int i = 0; i < rows.size(); i++) {
      String[] c = lines[i + 1].split(",");
      float[] expected = ModelFeatures.encode(rows.get(i).input());
      for (int k = 0; k < ModelFeatures.COUNT; k++) {
        assertEquals(
            Float.floatToIntBits(expected[k]),
            Float.floatToIntBits(Float.parseFloat(c[first + k])),
            "row " + i + ", column " + ModelFeatures.NAMES.get(k));
      }
    }
  }

  @Test
  void noHiddenTruthIsAFeatureColumn() {
    for (String column : DatasetCsv.HEADER) {
      if (column.startsWith(DatasetCsv.NOT_A_FEATURE_PREFIX)) {
        assertFalse(
            ModelFeatures.NAMES.contains(column), column + " is hidden truth but a feature");
        assertFalse(
            ModelFeatures.NAMES.contains(
                column.substring(DatasetCsv.NOT_A_FEATURE_PREFIX.length())),
            column);
      }
    }
    assertTrue(DatasetCsv.HEADER.contains("truth_breadStartC"));
  }

  @Test
  void rowsStayInsideTheSamplingEnvelope() {
    int evenlyWarm = 0;
    for (DatasetRow r : rows) {
      PredictionInput in = r.input();
      String id = r.id();
      assertTrue(in.ambientC() >= 0 && in.ambientC() <= 45, id + " ambient " + in.ambientC());
      if (in.nominalMainsVolts() == 230) {
        assertTrue(
            in.mainsVolts() >= 195 && in.mainsVolts() <= 260, id + " mains " + in.mainsVolts());
      } else {
        assertEquals(120.0, in.nominalMainsVolts(), id);
        assertTrue(
            in.mainsVolts() >= 100 && in.mainsVolts() <= 135, id + " mains " + in.mainsVolts());
      }
      assertTrue(
          Math.abs(r.mainsDeviation()) <= 0.10 + 1e-9, id + " deviation " + r.mainsDeviation());
      assertTrue(
          in.chamberStartC() >= in.ambientC() - 1.5,
          id + " chamber " + in.chamberStartC() + " (noise σ 0.3 °C)");
      assertTrue(
          r.settings().thicknessMm() >= 6 && r.settings().thicknessMm() <= 40, id + " thickness");
      assertTrue(
          r.heaterOnS() > 1 && r.heaterOnS() <= DatasetGenerator.MAX_HEAT_S,
          id + " label " + r.heaterOnS());
      assertFalse(r.settings().mode() == ToastMode.REHEAT, id + " reheat is not modelled");
      assertTrue(r.hasProgress(), id + " has no heating progress");
      float[] start = r.startFeatures();
      assertEquals(0f, start[ModelFeatures.PROGRESS_KNOWN], id);
      assertEquals(1f, r.features()[ModelFeatures.PROGRESS_KNOWN], id);
      List<PredictionInput> taught = r.input().askedInACycle();
      assertEquals(3, taught.size(), id + ": the start and both re-predictions");
      assertEquals(0f, ModelFeatures.encode(taught.get(1))[ModelFeatures.LATE_PROGRESS_KNOWN], id);
      assertEquals(1f, ModelFeatures.encode(taught.get(1))[ModelFeatures.PROGRESS_KNOWN], id);
      assertEquals(1f, r.features()[ModelFeatures.LATE_PROGRESS_KNOWN], id);
      if (in.hasRecentCycle()) {
        assertTrue(r.earlierCycles() > 0, id + " reports a recent cycle that did not happen");
        assertTrue(in.lastHeatS() > 0 && in.sinceLastCycleS() >= 0, id);
      } else {
        assertEquals(0.0, in.lastHeatS(), id);
      }
      if (r.earlierCycles() == 0 && in.chamberStartC() > in.ambientC() + 1.5) {
        evenlyWarm++;
        assertFalse(
            in.hasRecentCycle(), id + " an evenly warm toaster has no known previous cycle");
      }
      switch (r.breadStorage()) {
        case FREEZER:
          assertTrue(
              r.breadStartC() >= -25 && r.breadStartC() <= -12,
              id + " frozen bread at " + r.breadStartC());
          break;
        case FRIDGE:
          assertTrue(r.settings().mode() != ToastMode.DEFROST, id);
          assertTrue(
              r.breadStartC() >= 3 && r.breadStartC() <= 6,
              id + " fridge bread at " + r.breadStartC());
          break;
        default:
          assertTrue(
              Math.abs(r.breadStartC() - in.ambientC()) <= 4.04,
              id + " room bread at " + r.breadStartC());
      }
    }
    assertTrue(
        evenlyWarm > 0 && evenlyWarm < 0.12 * rows.size(),
        "evenly warm starts are rare: " + evenlyWarm);
  }

  @Test
  void theEnvelopeIsCovered() {
    assertTrue(rows.stream().anyMatch(Segment::isWarm), "no warm toaster");
    assertTrue(rows.stream().anyMatch(r -> !Segment.isWarm(r)), "no cold toaster");
    for (ToastMode m : List.of(ToastMode.TOAST, ToastMode.DEFROST, ToastMode.BAGEL)) {
      assertTrue(rows.stream().anyMatch(r -> r.settings().mode() == m), "no " + m);
    }
    assertTrue(rows.stream().anyMatch(r -> r.settings().slices() == 1));
    for (String name :
        List.of(
            "second batch (≤ 300 s since the last cycle)",
            "frozen in toast/bagel mode (defrost forgotten)",
            "room bread in defrost mode",
            "mains deviation (actual off the configured by > 2 %)",
            "120 V appliance",
            "low mains (< 215 V of 230, < 112 V of 120)")) {
      Segment seg = Segment.named(name);
      assertTrue(rows.stream().filter(seg::contains).count() >= 3, "fewer than 3 rows in " + name);
    }
  }

  @Test
  void theLabelIsTheOraclesTimeFromTheRowsOwnToasterState() {
    for (DatasetRow r : rows.subList(0, 5)) {
      assertEquals(
          ShadeOracle.bestHeatSeconds(
              r.startPhysics(), r.settings().shade(), DatasetGenerator.MAX_HEAT_S),
          r.heaterOnS(),
          0.0,
          r.id());
      assertEquals(
          r.settings().shade(),
          BackToBackCycles.shadeAfter(r.startPhysics(), r.heaterOnS()),
          0.05,
          r.id());
      assertEquals(RowSource.SIMULATED, r.source());
    }
  }

  @Test
  void aSecondBatchSoonAfterTheFirstNeedsLessHeatThanTheSameBreadInARestedToaster() {
    DatasetRow soon =
        rows.stream()
            .filter(Segment::isSecondBatch)
            .filter(r -> r.input().sinceLastCycleS() < 60)
            .findFirst()
            .orElseThrow();
    ToasterPhysics rested =
        new ToasterPhysics(
            new com.smarttoaster.hal.sim.ApplianceConditions(
                soon.input().ambientC(),
                soon.actualMainsVolts(),
                soon.input().ambientC(),
                soon.settings().slices(),
                soon.settings().bread(),
                soon.settings().thicknessMm(),
                soon.breadStartC(),
                soon.input().nominalMainsVolts()));
    double restedS =
        ShadeOracle.bestHeatSeconds(rested, soon.settings().shade(), DatasetGenerator.MAX_HEAT_S);
    assertTrue(
        soon.heaterOnS() < 0.9 * restedS,
        soon.id()
            + ": "
            + soon.heaterOnS()
            + " s after "
            + soon.input().sinceLastCycleS()
            + " s, "
            + restedS
            + " s rested");
    assertTrue(soon.input().progress().riseC()[2] != 0, "the chamber moves in the first 30 s");
  }

  @Test
  void theNominalBreadTemperatureIsAmbientOrTheMiddleOfTheFreezer() {
    DatasetRow toast =
        rows.stream().filter(r -> r.settings().mode() == ToastMode.TOAST).findFirst().orElseThrow();
    DatasetRow frozen =
        rows.stream()
            .filter(r -> r.settings().mode() == ToastMode.DEFROST)
            .findFirst()
            .orElseThrow();
    assertEquals(toast.input().ambientC(), EnvelopeSampler.nominalBreadC(toast.input()));
    assertEquals(-18.5, EnvelopeSampler.nominalBreadC(frozen.input()));
  }
}
