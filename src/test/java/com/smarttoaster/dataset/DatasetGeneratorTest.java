package com.smarttoaster.dataset;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.smarttoaster.hal.sim.ShadeOracle;
import com.smarttoaster.model.ModelFeatures;
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
    assertFalse(Arrays.equals(DatasetCsv.bytes(rows.subList(0, 20)), DatasetCsv.bytes(DatasetGenerator.generate(8, 20))),
        "seeds 7 and 8 gave the same rows");
  }

  @Test
  void aRowDependsOnlyOnTheSeedAndItsIndex() {
    assertEquals(rows.subList(0, 25), DatasetGenerator.generate(7, 25), "a smaller dataset is not a prefix");
    assertEquals(rows.get(123), DatasetGenerator.row(7, 123));
  }

  @Test
  void everyRowsFeatureColumnsAreExactlyModelFeaturesEncodeOfItsInput() {
    String[] lines = DatasetCsv.format(rows).split("\n");
    List<String> header = Arrays.asList(lines[0].split(","));
    int first = header.indexOf(ModelFeatures.NAMES.get(0));
    assertEquals(ModelFeatures.NAMES, header.subList(first, first + ModelFeatures.COUNT),
        "feature columns are not ModelFeatures.NAMES in order");
    for (int i = 0; i < rows.size(); i++) {
      String[] c = lines[i + 1].split(",");
      float[] expected = ModelFeatures.encode(rows.get(i).input());
      for (int k = 0; k < ModelFeatures.COUNT; k++) {
        assertEquals(Float.floatToIntBits(expected[k]), Float.floatToIntBits(Float.parseFloat(c[first + k])),
            "row " + i + ", column " + ModelFeatures.NAMES.get(k));
      }
    }
  }

  @Test
  void noHiddenTruthIsAFeatureColumn() {
    for (String column : DatasetCsv.HEADER) {
      if (column.startsWith(DatasetCsv.NOT_A_FEATURE_PREFIX)) {
        assertFalse(ModelFeatures.NAMES.contains(column), column + " is hidden truth but a feature");
        assertFalse(ModelFeatures.NAMES.contains(column.substring(DatasetCsv.NOT_A_FEATURE_PREFIX.length())), column);
      }
    }
    assertTrue(DatasetCsv.HEADER.contains("truth_breadStartC"));
  }

  @Test
  void rowsStayInsideTheRealisticEnvelope() {
    for (DatasetRow r : rows) {
      PredictionInput in = r.input();
      String id = r.id();
      assertTrue(in.ambientC() >= 5 && in.ambientC() <= 40, id + " ambient " + in.ambientC());
      assertTrue(in.mainsVolts() >= 200 && in.mainsVolts() <= 250, id + " mains " + in.mainsVolts());
      assertTrue(in.chamberStartC() >= in.ambientC() - 0.25 && in.chamberStartC() <= 200, id + " chamber " + in.chamberStartC());
      assertTrue(r.settings().thicknessMm() >= 8 && r.settings().thicknessMm() <= 35, id + " thickness");
      assertTrue(r.heaterOnS() > 10 && r.heaterOnS() < DatasetGenerator.MAX_HEAT_S, id + " label " + r.heaterOnS());
      assertFalse(r.settings().mode() == ToastMode.REHEAT, id + " reheat is not modelled");
      if (r.settings().mode() == ToastMode.DEFROST) {
        assertEquals(BreadStorage.FREEZER, r.breadStorage(), id);
        assertTrue(r.breadStartC() >= -25 && r.breadStartC() <= -12, id + " frozen bread at " + r.breadStartC());
      } else if (r.breadStorage() == BreadStorage.FRIDGE) {
        assertTrue(r.breadStartC() >= 3 && r.breadStartC() <= 6, id + " fridge bread at " + r.breadStartC());
      } else {
        assertEquals(BreadStorage.ROOM, r.breadStorage(), id);
        assertTrue(Math.abs(r.breadStartC() - in.ambientC()) <= 4.04, id + " room bread at " + r.breadStartC());
      }
    }
  }

  @Test
  void theEnvelopeIsCovered() {
    assertTrue(rows.stream().anyMatch(Segment::isWarm), "no warm toaster");
    assertTrue(rows.stream().anyMatch(r -> !Segment.isWarm(r)), "no cold toaster");
    for (ToastMode m : List.of(ToastMode.TOAST, ToastMode.DEFROST, ToastMode.BAGEL)) {
      assertTrue(rows.stream().anyMatch(r -> r.settings().mode() == m), "no " + m);
    }
    assertTrue(rows.stream().anyMatch(r -> r.settings().slices() == 1));
    assertTrue(rows.stream().anyMatch(r -> r.input().mainsVolts() < Segment.LOW_MAINS_V));
  }

  @Test
  void theLabelIsTheOraclesTimeForTheTrueConditions() {
    for (DatasetRow r : rows.subList(0, 5)) {
      assertEquals(ShadeOracle.bestHeatSeconds(r.conditions(), r.settings().shade(), DatasetGenerator.MAX_HEAT_S),
          r.heaterOnS(), 0.0, r.id());
      assertEquals(RowSource.SIMULATED, r.source());
    }
  }

  @Test
  void theNominalBreadTemperatureIsAmbientOrTheMiddleOfTheFreezer() {
    DatasetRow toast = rows.stream().filter(r -> r.settings().mode() == ToastMode.TOAST).findFirst().orElseThrow();
    DatasetRow frozen = rows.stream().filter(r -> r.settings().mode() == ToastMode.DEFROST).findFirst().orElseThrow();
    assertEquals(toast.input().ambientC(), EnvelopeSampler.nominalBreadC(toast.input()));
    assertEquals(-18.5, EnvelopeSampler.nominalBreadC(frozen.input()));
  }
}
