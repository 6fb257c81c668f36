package com.smarttoaster.taste;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.smarttoaster.control.CyclePhase;
import com.smarttoaster.history.Rating;
import com.smarttoaster.predict.Prediction;
import com.smarttoaster.predict.PredictionInput;
import com.smarttoaster.predict.PredictorName;
import com.smarttoaster.safety.fakes.ManualClock;
import com.smarttoaster.toast.BreadType;
import com.smarttoaster.toast.ToastMode;
import com.smarttoaster.toast.ToastSettings;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The rating rules, driven as the controller drives them, on a clock the test moves. */
class RatingDeskTest {
  private static final ToastSettings RYE =
      new ToastSettings(4, BreadType.RYE, 12, 2, ToastMode.TOAST);

  private final ManualClock clock = new ManualClock();
  private final RatingDesk desk = new RatingDesk(clock, 600, TasteBook.inMemory());
  private final List<String> heard = new ArrayList<>();

  RatingDeskTest() {
    desk.addListener(
        (start, rating, previous) ->
            heard.add(
                start + " " + rating.id() + " was " + (previous == null ? "-" : previous.id())));
  }

  /** One cycle from lever to its end; returns its start key. */
  private long cycle(CyclePhase end) {
    desk.onPhaseChanged(CyclePhase.IDLE, CyclePhase.PREPARING, clock.nanos());
    long start = clock.nanos();
    desk.onCycleStarted(
        new PredictionInput(RYE, 21, 21, 230),
        new Prediction(120, PredictorName.MODEL, null),
        start);
    desk.onPhaseChanged(CyclePhase.PREPARING, CyclePhase.TOASTING, start);
    clock.advanceMillis(120_000);
    desk.onPhaseChanged(CyclePhase.TOASTING, end, clock.nanos());
    return start;
  }

  @Test
  void aFinishedCycleInvitesOneRatingThatCanBeChangedWithinTheWindow() {
    long start = cycle(CyclePhase.DONE);
    assertTrue(desk.invitation().isPresent(), "a finished cycle invites a rating");

    RatingAnswer first = desk.rate(Rating.TOO_LIGHT, "panel");
    clock.advanceMillis(60_000);
    RatingAnswer second = desk.rate(Rating.JUST_RIGHT, "mqtt");

    assertTrue(first.accepted(), first.message());
    assertTrue(
        second.changed(), "a second rating within the window is a change: " + second.message());
    assertEquals(Rating.TOO_LIGHT, second.previous());
    assertTrue(second.message().contains("(was too-light)"), second.message());
    assertEquals(List.of(start + " too-light was -", start + " just-right was too-light"), heard);
    assertEquals(Rating.JUST_RIGHT, desk.invitation().orElseThrow().rating());
    // The taste learned from the cycle once: the change replaced the 'too light' vote.
    assertEquals(TasteEntry.NEUTRAL, desk.taste().entry(BreadType.RYE));
  }

  @Test
  void theSameRatingAgainChangesNothing() {
    cycle(CyclePhase.DONE);
    desk.rate(Rating.TOO_DARK, "panel");
    RatingAnswer again = desk.rate(Rating.TOO_DARK, "panel");
    assertTrue(again.accepted());
    assertFalse(again.changed());
    assertEquals(1, heard.size(), "nothing new to keep");
    assertEquals(new TasteEntry(0, -1), desk.taste().entry(BreadType.RYE), "one cycle is one vote");
  }

  @Test
  void theWindowClosesOnTheClock() {
    cycle(CyclePhase.DONE);
    clock.advanceMillis(600_000);
    assertTrue(
        desk.rate(Rating.TOO_LIGHT, "panel").accepted(),
        "600 s after the end is still inside a 600 s window");
    clock.advanceMillis(1);
    RatingAnswer late = desk.rate(Rating.TOO_DARK, "panel");
    assertFalse(late.accepted());
    assertEquals(
        "the rating window has closed: the last cycle ended 10 min ago and can be rated for 10 min after its"
            + " end (ratings.windowS = 600 s)",
        late.message());
    assertTrue(desk.invitation().isEmpty());
  }

  @Test
  void cancelledAndFaultedCyclesAreNotRated() {
    cycle(CyclePhase.CANCELLED);
    RatingAnswer cancelled = desk.rate(Rating.TOO_LIGHT, "mqtt");
    cycle(CyclePhase.FAULT);
    RatingAnswer faulted = desk.rate(Rating.TOO_LIGHT, "mqtt");

    assertFalse(cancelled.accepted());
    assertTrue(
        cancelled
            .message()
            .startsWith("the last cycle was cancelled; only a cycle that ran to its end"),
        cancelled.message());
    assertFalse(faulted.accepted());
    assertTrue(faulted.message().startsWith("the last cycle ended in a fault;"), faulted.message());
    assertTrue(heard.isEmpty());
    assertTrue(desk.invitation().isEmpty());
  }

  @Test
  void aNewCycleClosesTheWindowOfTheOneBefore() {
    cycle(CyclePhase.DONE);
    desk.onPhaseChanged(CyclePhase.DONE, CyclePhase.PREPARING, clock.nanos());
    RatingAnswer running = desk.rate(Rating.TOO_LIGHT, "panel");
    assertEquals("a cycle is running; rate it once it has finished", running.message());
    desk.onPhaseChanged(CyclePhase.PREPARING, CyclePhase.CANCELLED, clock.nanos());
    assertFalse(
        desk.rate(Rating.TOO_LIGHT, "panel").accepted(), "the cancelled cycle is now the last one");
  }

  @Test
  void aStartThatNeverHeatedLeavesTheFinishedCycleRateable() {
    cycle(CyclePhase.DONE);
    desk.onPhaseChanged(CyclePhase.DONE, CyclePhase.ARMED, clock.nanos());
    desk.onPhaseChanged(
        CyclePhase.ARMED, CyclePhase.IDLE, clock.nanos()); // start refused: no reading
    assertTrue(desk.rate(Rating.TOO_LIGHT, "panel").accepted());
  }

  @Test
  void nothingToRateBeforeTheFirstCycle() {
    RatingAnswer a = desk.rate(Rating.JUST_RIGHT, "web");
    assertFalse(a.accepted());
    assertEquals("no cycle has finished since the toaster started", a.message());
    assertNull(a.previous());
  }

  @Test
  void aResetWithinTheWindowIsNotUndoneByAChangedRating() {
    cycle(CyclePhase.DONE);
    desk.taste().restore(BreadType.RYE, new TasteEntry(1, 2));
    desk.rate(Rating.TOO_DARK, "panel");
    desk.resetTaste();
    desk.rate(Rating.TOO_LIGHT, "panel");
    assertEquals(new TasteEntry(0, 1), desk.taste().entry(BreadType.RYE));
  }
}
