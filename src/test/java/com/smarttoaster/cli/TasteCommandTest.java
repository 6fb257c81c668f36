package com.smarttoaster.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.smarttoaster.history.Rating;
import com.smarttoaster.taste.TasteBook;
import com.smarttoaster.taste.TasteFile;
import com.smarttoaster.testkit.CliRun;
import com.smarttoaster.toast.BreadType;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code taste show} and {@code taste reset} on a state directory's taste file. */
class TasteCommandTest {
  @TempDir Path dir;

  private static CliRun run(String... args) {
    return CliRun.of(args);
  }

  @Test
  void showPrintsEachBreadsOffsetAndResetForgetsThem() {
    TasteBook book = TasteBook.stored(TasteFile.in(dir));
    for (int i = 0; i < 3; i++) {
      book.learn(BreadType.WHITE, Rating.TOO_LIGHT);
    }
    book.learn(BreadType.RYE, Rating.TOO_DARK);

    CliRun shown = run("taste", "show", "--state-dir", dir.toString());
    assertEquals(0, shown.code(), shown.err());
    assertTrue(shown.out().contains("  white      +1 shade (darker)\n"), shown.out());
    assertTrue(
        shown.out().contains("  rye        no offset, 1 of 3 'too-dark' toward the next step\n"),
        shown.out());
    assertTrue(shown.out().contains("  bagel      no offset\n"), shown.out());

    CliRun reset = run("taste", "reset", "--state-dir", dir.toString());
    assertEquals(0, reset.code(), reset.err());
    assertTrue(TasteFile.in(dir).read().isEmpty());
    assertTrue(
        run("taste", "show", "--state-dir", dir.toString())
            .out()
            .contains("  white      no offset\n"));
  }

  @Test
  void aBrokenTasteFileIsOneLineAndExit2AndResetRepairsIt() throws Exception {
    Files.writeString(dir.resolve(TasteFile.FILE_NAME), "{\"version\": 2}");
    CliRun shown = run("taste", "show", "--state-dir", dir.toString());
    assertEquals(2, shown.code());
    assertEquals(
        dir.resolve(TasteFile.FILE_NAME) + ": version must be 1 (found {\"version\":2})\n",
        shown.err());
    assertEquals(0, run("taste", "reset", "--state-dir", dir.toString()).code());
    assertEquals(0, run("taste", "show", "--state-dir", dir.toString()).code());
  }
}
