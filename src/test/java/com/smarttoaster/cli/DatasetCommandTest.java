package com.smarttoaster.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.smarttoaster.dataset.DatasetCsv;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

class DatasetCommandTest {
  private final StringWriter out = new StringWriter();
  private final StringWriter err = new StringWriter();

  private int run(String... args) {
    CommandLine cmd = Main.commandLine();
    cmd.setOut(new PrintWriter(out, true));
    cmd.setErr(new PrintWriter(err, true));
    return cmd.execute(args);
  }

  @Test
  void writesTheCsvAndTheDataCard(@TempDir Path dir) throws Exception {
    Path outDir = dir.resolve("data");
    assertEquals(
        0,
        run("dataset", "--rows", "30", "--seed", "5", "--out", outDir.toString()),
        err.toString());
    Path csv = outDir.resolve("toast-dataset.csv");
    Path card = outDir.resolve("data-card.md");
    assertEquals(31, Files.readAllLines(csv).size(), "header and 30 rows");
    String sha = DatasetCsv.sha256Hex(Files.readAllBytes(csv));
    assertTrue(
        Files.readString(card).contains("| SHA-256 | `" + sha + "` |"),
        "the card names the CSV's hash");
    assertTrue(out.toString().contains("30 rows (seed 5)"), out.toString());

    Path again = dir.resolve("again");
    assertEquals(0, run("dataset", "--rows", "30", "--seed", "5", "--out", again.toString()));
    assertEquals(Files.readString(csv), Files.readString(again.resolve("toast-dataset.csv")));
    assertEquals(Files.readString(card), Files.readString(again.resolve("data-card.md")));
  }

  @Test
  void zeroRowsIsABadArgument(@TempDir Path dir) {
    assertEquals(2, run("dataset", "--rows", "0", "--out", dir.toString()));
    assertEquals("--rows: 0 is outside 1..1000000", err.toString().strip());
  }

  @Test
  void anOutputThatIsAFileIsABadArgument(@TempDir Path dir) throws Exception {
    Path file = Files.writeString(dir.resolve("f"), "x");
    assertEquals(2, run("dataset", "--rows", "3", "--out", file.toString()));
    assertEquals("--out: " + file + " exists and is not a directory", err.toString().strip());
  }
}
