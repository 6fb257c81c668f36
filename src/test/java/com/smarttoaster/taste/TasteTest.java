package com.smarttoaster.taste;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.smarttoaster.history.Rating;
import com.smarttoaster.toast.BreadType;
import com.smarttoaster.toast.ToastMode;
import com.smarttoaster.toast.ToastSettings;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The taste rule, its bounds and its file. */
class TasteTest {
  @TempDir Path dir;

  private static TasteEntry after(Rating... ratings) {
    TasteEntry e = TasteEntry.NEUTRAL;
    for (Rating r : ratings) {
      e = e.after(r);
    }
    return e;
  }

  @Test
  void threeNetRatingsOneWayMakeOneStepAndNeverMoreThanOne() {
    assertEquals(new TasteEntry(0, 2), after(Rating.TOO_LIGHT, Rating.TOO_LIGHT));
    assertEquals(new TasteEntry(1, 0), after(Rating.TOO_LIGHT, Rating.TOO_LIGHT, Rating.TOO_LIGHT));
    assertEquals(
        new TasteEntry(1, 0),
        after(
            Rating.TOO_LIGHT,
            Rating.TOO_LIGHT,
            Rating.TOO_LIGHT,
            Rating.TOO_LIGHT,
            Rating.TOO_LIGHT,
            Rating.TOO_LIGHT),
        "clamped at +1 shade");
    assertEquals(
        new TasteEntry(-1, 0),
        after(
            Rating.TOO_DARK,
            Rating.TOO_DARK,
            Rating.TOO_DARK,
            Rating.TOO_DARK,
            Rating.TOO_DARK,
            Rating.TOO_DARK),
        "clamped at -1 shade");
    assertEquals(
        new TasteEntry(0, 0),
        after(
            Rating.TOO_LIGHT,
            Rating.TOO_LIGHT,
            Rating.TOO_LIGHT,
            Rating.TOO_DARK,
            Rating.TOO_DARK,
            Rating.TOO_DARK),
        "back down after three the other way");
    assertEquals(
        new TasteEntry(0, 0),
        after(Rating.TOO_LIGHT, Rating.TOO_LIGHT, Rating.JUST_RIGHT),
        "'just right' says the offset in force is right");
  }

  @Test
  void theAdjustedShadeStaysOnTheKnobsScaleAndReheatIsLeftAlone() {
    TasteBook book = TasteBook.inMemory();
    for (int i = 0; i < 3; i++) {
      book.learn(BreadType.WHITE, Rating.TOO_LIGHT);
    }
    ToastSettings white4 = new ToastSettings(4, BreadType.WHITE, 12, 2, ToastMode.TOAST);
    assertEquals(5, book.forPrediction(white4).shade());
    assertEquals(
        7, book.forPrediction(white4.withShade(7)).shade(), "never past the darkest shade");
    assertEquals(4, book.forPrediction(white4.withBread(BreadType.RYE)).shade(), "per bread type");
    ToastSettings reheat = white4.withMode(ToastMode.REHEAT);
    assertSame(reheat, book.forPrediction(reheat));
  }

  @Test
  void theTasteSurvivesARestartAndAResetByAnotherProcessIsSeenBeforeTheNextCycle()
      throws Exception {
    TasteFile file = TasteFile.in(dir);
    TasteBook running = TasteBook.stored(file);
    for (int i = 0; i < 3; i++) {
      running.learn(BreadType.SOURDOUGH, Rating.TOO_DARK);
    }
    running.learn(BreadType.SOURDOUGH, Rating.TOO_DARK);

    assertEquals(Map.of(BreadType.SOURDOUGH, new TasteEntry(-1, -1)), TasteBook.stored(file).all());

    Thread.sleep(20); // a later modification time, as a command run by hand has
    TasteBook.stored(file).reset(); // `taste reset` in another process
    ToastSettings s = new ToastSettings(4, BreadType.SOURDOUGH, 12, 2, ToastMode.TOAST);
    assertEquals(4, running.forPrediction(s).shade());
    assertEquals(Map.of(), running.all());
  }

  @Test
  void aBrokenFileIsNamedAndStartsNeutral() throws Exception {
    TasteFile file = TasteFile.in(dir);
    Files.writeString(
        file.path(), "{\"version\": 1, \"breads\": {\"white\": {\"offset\": 4, \"votes\": 0}}}");
    TasteFileException e = assertThrows(TasteFileException.class, file::read);
    assertEquals(
        file.path() + ": breads.white.offset = 4 must be a whole number from -1 to 1",
        e.getMessage());
    assertEquals(Map.of(), TasteBook.stored(file).all());

    Files.writeString(
        file.path(), "{\"version\": 1, \"breads\": {\"toast\": {\"offset\": 1, \"votes\": 0}}}");
    assertEquals(
        file.path() + ": breads.toast is not a bread type",
        assertThrows(TasteFileException.class, file::read).getMessage());
    Files.writeString(file.path(), "not json");
    assertTrue(
        assertThrows(TasteFileException.class, file::read).getMessage().contains("is not JSON"));
  }
}
