package com.smarttoaster.dataset;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.EnumMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

class SplitTest {
  @Test
  void splitsDoNotOverlapAndAddUpToTheDataset() {
    List<DatasetRow> rows = DatasetGenerator.generate(11, 200);
    Map<Split, Set<String>> ids = new EnumMap<>(Split.class);
    for (Split s : Split.values()) {
      ids.put(
          s,
          rows.stream()
              .filter(r -> r.split() == s)
              .map(DatasetRow::id)
              .collect(Collectors.toSet()));
    }
    Set<String> union = new HashSet<>();
    int total = 0;
    for (Set<String> part : ids.values()) {
      total += part.size();
      union.addAll(part);
    }
    assertEquals(rows.size(), total, "split sizes do not add up to the dataset");
    assertEquals(rows.size(), union.size(), "a row is in two splits, or two rows share an id");
    Set<Long> seeds = rows.stream().map(DatasetRow::rowSeed).collect(Collectors.toSet());
    assertEquals(rows.size(), seeds.size(), "two rows share a seed: not independent draws");
  }

  @Test
  void theSplitDependsOnTheRowsOwnSeedOnly() {
    for (DatasetRow r : DatasetGenerator.generate(11, 40)) {
      assertEquals(Split.forRowSeed(r.rowSeed()), r.split(), r.id());
    }
  }

  @Test
  void theSplitIsAbout80By10By10() {
    Map<Split, Integer> n = new EnumMap<>(Split.class);
    int rows = 50_000;
    for (int i = 0; i < rows; i++) {
      n.merge(Split.forRowSeed(SeedMix.rowSeed(3, i)), 1, Integer::sum);
    }
    assertEquals(0.8, n.get(Split.TRAIN) / (double) rows, 0.01, "train share " + n);
    assertEquals(0.1, n.get(Split.VALIDATION) / (double) rows, 0.01, "validation share " + n);
    assertEquals(0.1, n.get(Split.TEST) / (double) rows, 0.01, "test share " + n);
  }

  @Test
  void theSplitIsIndependentOfTheLabelOrder() {
    // The split of a row does not move when rows around it change: the first 30 rows of two
    // datasets of different sizes from one seed are in the same splits.
    List<DatasetRow> a = DatasetGenerator.generate(5, 30);
    List<DatasetRow> b = DatasetGenerator.generate(5, 60).subList(0, 30);
    for (int i = 0; i < a.size(); i++) {
      assertEquals(a.get(i).split(), b.get(i).split());
    }
    assertTrue(
        a.stream().map(DatasetRow::split).distinct().count() >= 2, "30 rows all in one split");
  }
}
