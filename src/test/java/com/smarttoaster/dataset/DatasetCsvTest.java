package com.smarttoaster.dataset;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DatasetCsvTest {
  private static final List<DatasetRow> ROWS = DatasetGenerator.generate(21, 40);

  @Test
  void rowsReadBackExactly(@TempDir Path dir) throws Exception {
    Path file = dir.resolve(DatasetCsv.FILE_NAME);
    String sha = DatasetCsv.write(ROWS, file);
    assertEquals(ROWS, DatasetCsv.read(file));
    assertEquals(DatasetCsv.sha256Hex(Files.readAllBytes(file)), sha);
    assertEquals(64, sha.length());
  }

  @Test
  void aFeatureThatIsNotWhatEncodeGivesIsRefused() {
    String text = DatasetCsv.format(ROWS.subList(0, 2));
    String[] lines = text.split("\n");
    String[] c = lines[1].split(",");
    int shadeColumn = DatasetCsv.HEADER.indexOf("shade");
    c[shadeColumn] = "4.5";
    String bad = lines[0] + "\n" + String.join(",", c) + "\n";
    IllegalArgumentException e =
        assertThrows(IllegalArgumentException.class, () -> DatasetCsv.parse(bad));
    assertEquals(
        "<text>: line 2: column shade = 4.5 is not what ModelFeatures.encode gives for this row (5.0)",
        e.getMessage());
  }

  @Test
  void twoBreadTypesInOneRowAreRefused() {
    String text = DatasetCsv.format(ROWS.subList(0, 1));
    String[] lines = text.split("\n");
    String[] c = lines[1].split(",");
    for (String b : List.of("bread_white", "bread_rye")) {
      c[DatasetCsv.HEADER.indexOf(b)] = "1.0";
    }
    String bad = lines[0] + "\n" + String.join(",", c) + "\n";
    IllegalArgumentException e =
        assertThrows(IllegalArgumentException.class, () -> DatasetCsv.parse(bad));
    assertTrue(e.getMessage().contains("line 2: more than one bread_ column is 1"), e.getMessage());
  }

  @Test
  void theSecondRePredictionsRisesWithoutTheFirstsAreRefused() {
    String text = DatasetCsv.format(ROWS.subList(0, 1));
    String[] lines = text.split("\n");
    String[] c = lines[1].split(",");
    c[DatasetCsv.HEADER.indexOf("progressKnown")] = "0.0";
    String bad = lines[0] + "\n" + String.join(",", c) + "\n";
    IllegalArgumentException e =
        assertThrows(IllegalArgumentException.class, () -> DatasetCsv.parse(bad));
    assertTrue(
        e.getMessage()
            .contains(
                "line 2: lateProgressKnown is 1.0 (progressKnown 0.0): it must be 0, or 1 when"
                    + " progressKnown is 1"),
        e.getMessage());
  }

  @Test
  void aWrongHeaderIsRefused() {
    IllegalArgumentException e =
        assertThrows(IllegalArgumentException.class, () -> DatasetCsv.parse("id,shade\nx,1\n"));
    assertTrue(
        e.getMessage().startsWith("<text>: line 1 is not the dataset header"), e.getMessage());
  }
}
