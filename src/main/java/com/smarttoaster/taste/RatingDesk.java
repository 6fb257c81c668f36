package com.smarttoaster.taste;

import com.smarttoaster.control.ControllerListener;
import com.smarttoaster.control.CyclePhase;
import com.smarttoaster.hal.Clock;
import com.smarttoaster.history.Rating;
import com.smarttoaster.predict.Prediction;
import com.smarttoaster.predict.PredictionInput;
import com.smarttoaster.toast.BreadType;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The rating rules, in one place for every channel that takes a rating (the terminal panel's keys,
 * the cancel-button gesture, MQTT and Home Assistant, a web page): call {@link #rate} and report
 * its {@link RatingAnswer} back on the channel that asked.
 *
 * <ul>
 *   <li>Only the last cycle can be rated, and only if it ran to its end ({@code done}): a cancelled
 *       toast or one cut short by a fault says nothing about the time the toaster chose.
 *   <li>Only within {@link #windowS()} of its end, measured on the appliance's {@link Clock}, and
 *       not once another cycle has begun: the toast in the user's hand is that cycle's.
 *   <li>One rating per cycle; a new one within the window replaces it, reported as a change, and
 *       the taste learns from the new one instead of the old ({@link TasteBook} sees each cycle
 *       once).
 * </ul>
 *
 * <p>The desk hears the controller as a {@link ControllerListener} (controller thread) and takes
 * ratings from any thread; whoever keeps ratings (the history, MQTT events) hears accepted ones as
 * a {@link Listener}, called while the desk's lock is held, in order, so it must only hand work on.
 */
public final class RatingDesk implements ControllerListener {
  private static final Logger log = LoggerFactory.getLogger(RatingDesk.class);

  /** Default time to rate a finished cycle, s. */
  public static final double DEFAULT_WINDOW_S = 600;

  /** Hears each accepted rating that changed something. */
  public interface Listener {
    /**
     * @param cycleStartNanos the rated cycle's heat start on the controller's clock, as in {@link
     *     ControllerListener#onCycleStarted}: the key to the cycle's record
     * @param rating the cycle's rating now
     * @param previous its rating before (a change within the window), or null
     */
    void onRated(long cycleStartNanos, Rating rating, @Nullable Rating previous);
  }

  private final Clock clock;
  private final double windowS;
  private final TasteBook taste;
  private final List<Listener> listeners = new CopyOnWriteArrayList<>();

  // Guarded by this.
  private @Nullable LastCycle last;
  private @Nullable LastCycle beforeActive;
  private boolean active;

  /** One cycle as the desk needs it; mutable, guarded by the desk. */
  private static final class LastCycle {
    boolean heated;
    long startNanos;

    /** Set when the cycle starts heating. */
    @Nullable BreadType bread;

    /** How it ended; null while it runs. */
    @Nullable CyclePhase end;

    long endNanos;
    @Nullable Rating rating;

    /** The taste before this cycle's first rating, to undo it when the rating is changed. */
    @Nullable TasteEntry tasteBefore;

    /** Only for a cycle that whyNot() let be rated: it ran to its end, so it heated. */
    BreadType heatedBread() {
      return Objects.requireNonNull(bread, "a cycle that ran to its end was started, which set it");
    }
  }

  /**
   * @param windowS how long after a cycle's end it can be rated, s
   * @param taste what learns from the ratings
   */
  public RatingDesk(Clock clock, double windowS, TasteBook taste) {
    if (!(windowS > 0) || Double.isInfinite(windowS)) {
      throw new IllegalArgumentException("rating window " + windowS + " s must be a positive time");
    }
    this.clock = clock;
    this.windowS = windowS;
    this.taste = taste;
  }

  public double windowS() {
    return windowS;
  }

  public TasteBook taste() {
    return taste;
  }

  public void addListener(Listener l) {
    listeners.add(l);
  }

  // ---- the controller ---------------------------------------------------------------------------

  @Override
  public synchronized void onPhaseChanged(CyclePhase from, CyclePhase to, long atNanos) {
    if (to.isActive()) {
      if (!active) {
        active = true;
        beforeActive = last;
        last = new LastCycle();
      }
      return;
    }
    boolean wasActive = active;
    active = false;
    LastCycle c = last;
    if (!wasActive || c == null) {
      return;
    }
    if (to == CyclePhase.IDLE && !c.heated) {
      last =
          beforeActive; // a start that never happened (refused): the cycle before is still the last
      return;
    }
    c.end = to;
    c.endNanos = clock.nanos();
  }

  @Override
  public synchronized void onCycleStarted(
      PredictionInput input, Prediction prediction, long atNanos) {
    LastCycle c = last;
    if (c == null) {
      c = new LastCycle();
      last = c;
    }
    c.heated = true;
    c.startNanos = atNanos;
    c.bread = input.settings().bread();
  }

  // ---- ratings ----------------------------------------------------------------------------------

  /**
   * Rates the last cycle, or says why not. Any thread.
   *
   * @param channel who asks, for the log: "panel", "button", "mqtt", "web"
   */
  public RatingAnswer rate(Rating rating, String channel) {
    RatingAnswer a = decide(rating);
    if (a.accepted()) {
      log.info("Rating from {}: {}", channel, a.message());
    } else {
      log.info("Rating {} from {} refused: {}", rating.id(), channel, a.message());
    }
    return a;
  }

  private synchronized RatingAnswer decide(Rating rating) {
    String why = whyNot();
    if (why != null) {
      return RatingAnswer.rejected(rating, why);
    }
    LastCycle last = rateable();
    BreadType bread = last.heatedBread();
    Rating previous = last.rating;
    if (previous == rating) {
      return new RatingAnswer(
          true,
          rating,
          previous,
          "the last cycle is already rated " + rating.id() + "; nothing changed");
    }
    TasteEntry before = last.tasteBefore;
    if (previous == null || before == null) {
      last.tasteBefore = taste.entry(bread);
    } else {
      taste.restore(bread, before);
    }
    TasteEntry now = taste.learn(bread, rating);
    last.rating = rating;
    for (Listener l : listeners) {
      l.onRated(last.startNanos, rating, previous);
    }
    return new RatingAnswer(
        true,
        rating,
        previous,
        "last cycle rated "
            + rating.id()
            + (previous == null ? "" : " (was " + previous.id() + ")")
            + "; taste for "
            + bread.id()
            + ": "
            + now.describe()
            + "; "
            + minutes(remainingS(last))
            + " left to change it");
  }

  /** The last cycle, once whyNot() said it can be rated. */
  private LastCycle rateable() {
    return Objects.requireNonNull(last, "whyNot() found a finished last cycle");
  }

  /** Null when the last cycle can be rated now. */
  private @Nullable String whyNot() {
    if (active) {
      return "a cycle is running; rate it once it has finished";
    }
    LastCycle last = this.last;
    if (last == null || last.end == null) {
      return "no cycle has finished since the toaster started";
    }
    String only =
        "; only a cycle that ran to its end can be rated (a cut-short toast says nothing about the"
            + " time the toaster chose)";
    return switch (last.end) {
      case CANCELLED -> "the last cycle was cancelled" + only;
      case FAULT -> "the last cycle ended in a fault" + only;
      case DONE ->
          remainingS(last) >= 0
              ? null
              : String.format(
                  Locale.ROOT,
                  "the rating window has closed: the last cycle ended %s ago and can be rated for %s after its end"
                      + " (ratings.windowS = %.0f s)",
                  minutes((clock.nanos() - last.endNanos) / 1e9),
                  minutes(windowS),
                  windowS);
      default -> "the last cycle did not finish";
    };
  }

  private double remainingS(LastCycle c) {
    return windowS - (clock.nanos() - c.endNanos) / 1e9;
  }

  /** The open window, if a rating is invited now. Any thread. */
  public synchronized Optional<RatingInvitation> invitation() {
    if (whyNot() != null) {
      return Optional.empty();
    }
    LastCycle last = rateable();
    return Optional.of(new RatingInvitation(last.heatedBread(), remainingS(last), last.rating));
  }

  /**
   * Forgets the learned taste (the user asked). A rating of the open cycle changed after this
   * learns from a neutral taste, not from the one forgotten.
   */
  public synchronized void resetTaste() {
    taste.reset();
    LastCycle c = last;
    if (c != null && c.rating != null) {
      c.tasteBefore = TasteEntry.NEUTRAL;
    }
  }

  static String minutes(double s) {
    if (s < 90) {
      return Math.round(Math.max(0, s)) + " s";
    }
    return Math.round(s / 60) + " min";
  }
}
