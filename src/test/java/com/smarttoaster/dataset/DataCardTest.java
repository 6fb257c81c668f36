package com.smarttoaster.dataset;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

class DataCardTest {
  private static final List<DatasetRow> ROWS = DatasetGenerator.generate(9, 120);

  @Test
  void countsMatchTheRows() {
    DataCard card = DataCard.of(9, ROWS, "abc");
    assertEquals(120, card.rows());
    int sum = 0;
    for (Split s : Split.values()) {
      long n = ROWS.stream().filter(r -> r.split() == s).count();
      assertEquals(n, (long) card.splitCounts().get(s), s.id());
      sum += card.splitCounts().get(s);
    }
    assertEquals(120, sum);
    for (Segment seg : Segment.all()) {
      assertEquals(
          ROWS.stream().filter(seg::contains).count(),
          (long) card.segmentCounts().get(seg.name()),
          seg.name());
    }
    assertEquals(120, (int) card.segmentCounts().get("all"));
    assertEquals(
        card.segmentCounts().get("cold toaster")
            + card.segmentCounts().get("warm toaster (chamber > ambient + 10 °C)"),
        120);
  }

  @Test
  void theMarkdownStatesSeedHashCountsAndRanges() {
    DataCard card = DataCard.of(9, ROWS, "0123abcd");
    String md = card.toMarkdown();
    assertTrue(md.contains("| SHA-256 | `0123abcd` |"), md);
    assertTrue(md.contains("| seed | 9 |"), md);
    assertTrue(md.contains("| generator version | " + DatasetGenerator.VERSION + " |"), md);
    for (Split s : Split.values()) {
      assertTrue(md.contains("| " + s.id() + " | " + card.splitCounts().get(s) + " |"), s.id());
    }
    assertTrue(
        md.contains(
            "| frozen in defrost mode | "
                + card.segmentCounts().get("frozen in defrost mode")
                + " |"));
    double[] shade = card.ranges().get("shade");
    assertEquals(1.0, shade[0]);
    assertEquals(7.0, shade[1]);
    assertTrue(md.contains("| truth_breadStartC |"), "the hidden column's range is missing");
    assertEquals(
        md,
        DataCard.of(9, DatasetGenerator.generate(9, 120), "0123abcd").toMarkdown(),
        "not deterministic");
  }
}
