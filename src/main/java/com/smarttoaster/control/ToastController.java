package com.smarttoaster.control;

import com.smarttoaster.hal.BreadThermometer;
import com.smarttoaster.hal.Clock;
import com.smarttoaster.hal.Indicator;
import com.smarttoaster.hal.Indicators;
import com.smarttoaster.hal.TemperatureReading;
import com.smarttoaster.hal.UserEvent;
import com.smarttoaster.predict.GuardedPredictor;
import com.smarttoaster.predict.HeatHistory;
import com.smarttoaster.predict.HeatingProgress;
import com.smarttoaster.predict.Prediction;
import com.smarttoaster.predict.PredictionInput;
import com.smarttoaster.predict.StoredHeat;
import com.smarttoaster.safety.ResetKind;
import com.smarttoaster.safety.ResetResult;
import com.smarttoaster.safety.SafetyStatus;
import com.smarttoaster.safety.SafetySupervisor;
import com.smarttoaster.toast.ToastMode;
import com.smarttoaster.toast.ToastSettings;
import java.io.IOException;
import java.util.Arrays;
import java.util.Locale;
import java.util.Objects;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The cycle state machine. It decides when a cycle starts and ends and asks the supervisor for
 * heat; it never touches the heater or the latch itself. Inputs from any thread are queued and
 * handled on the controller's own tick, so a slow MQTT or hardware thread never runs controller
 * logic.
 *
 * <p>What the predictor is told: besides the settings and the readings at start, when the previous
 * cycle's heat stopped, how long it heated, and the heat all its cycles left in the toaster ({@link
 * HeatHistory}; in memory, and in a file when {@link #rememberHeatIn} names one, so that a restart
 * does not forget it). During heating the chamber is read at {@link HeatingProgress#AT_S}, each
 * value the mean of the samples in the {@link HeatingProgress#AVERAGE_S} before it less the mean of
 * those before the heat started (not reaching back past the previous cycle's heat; {@link
 * ChamberWindow}, which takes the sensor's noise out); at the {@link HeatingProgress#EARLY}th of
 * them (30 s), a cycle predicted longer than {@link #REPREDICT_MIN_S} is predicted once more
 * through the same guard with that progress, and the answer replaces the cycle's total time (never
 * less than the time already heated plus {@link #REPREDICT_MARGIN_S}); a cycle that still heats at
 * the last of them (60 s) is predicted a third time, with all of them, the same way. A model that
 * failed earlier in the cycle is not asked again in it; one the checker only overruled is ({@link
 * GuardedPredictor#mayAskAgain}). Without the model, the non-ML table still answers the second
 * re-prediction when it has a set for all six rises. The change is told to the listener ({@link
 * ControllerListener#onRePredicted}) with a reason in words. The controller adapts and tells rather
 * than asking the user mid-cycle (README, "Re-prediction").
 */
public final class ToastController {
  private static final Logger log = LoggerFactory.getLogger(ToastController.class);

  /**
   * A cycle predicted longer than this is re-predicted at {@link HeatingProgress#checkpointS()}, s.
   */
  public static final double REPREDICT_MIN_S = 40.0;

  /** A re-predicted total within this of the time the cycle had is no change, s. */
  private static final double SAME_TIME_S = 0.05;

  /** A re-predicted total is at least the time already heated plus this, s. */
  public static final double REPREDICT_MARGIN_S = 1.0;

  private static final long BOARD_READ_PERIOD_NANOS = 1_000_000_000L;

  private final SafetySupervisor safety;
  private GuardedPredictor predictor;

  /** A predictor offered from another thread (a model activation), taken between cycles only. */
  private final java.util.concurrent.atomic.AtomicReference<GuardedPredictor> offeredPredictor =
      new java.util.concurrent.atomic.AtomicReference<>();

  private final Clock clock;
  private final ControllerSettings config;
  private final double mainsVoltsNominal;
  private final double elementRatedVolts;
  private final Indicators indicators;
  private final @Nullable BreadThermometer breadThermometer;
  private final ControllerListener listener;
  private final Queue<Object> inbox = new ConcurrentLinkedQueue<>();
  private volatile TargetAdjustment targetAdjustment = TargetAdjustment.NONE;

  private volatile ControllerSnapshot snapshot;
  private CyclePhase phase = CyclePhase.IDLE;

  /**
   * The bread thermometer's newest reading with the carriage up, when it sees the boards the bread
   * will face ({@link BreadCheck}); NaN for none. Taken on idle ticks, at most once a second.
   */
  private double boardC = Double.NaN;

  private long boardAtNanos;
  private ToastSettings settings;

  /** The current or last cycle's prediction; null before the first cycle. */
  private @Nullable Prediction prediction;

  /** The start prediction being waited for, while PREPARING. */
  private GuardedPredictor.@Nullable PendingPrediction pending;

  private long heatStartNanos;
  private long armedAtNanos;
  private boolean remoteArmPending;

  /** The earlier cycles' heating, as the heat they left in the toaster. */
  private final HeatMemory heat;

  /** This cycle's chamber rises at {@link HeatingProgress#AT_S} so far, and the re-prediction. */
  private @Nullable PredictionInput cycleInput;

  private final ChamberWindow window = new ChamberWindow();
  private double baseC;
  private final double[] rises = new double[HeatingProgress.AT_S.length];
  private int risesTaken;
  private boolean progressLost;

  /** The first re-prediction was asked this cycle (so the second may follow it). */
  private boolean rePredictedEarly;

  private GuardedPredictor.@Nullable PendingPrediction rePrediction;

  public ToastController(
      SafetySupervisor safety,
      GuardedPredictor predictor,
      Clock clock,
      ControllerSettings config,
      ToastSettings initialSettings,
      double mainsVoltsNominal,
      double elementRatedVolts,
      Indicators indicators,
      ControllerListener listener) {
    this(
        safety,
        predictor,
        clock,
        config,
        initialSettings,
        mainsVoltsNominal,
        elementRatedVolts,
        indicators,
        null,
        listener);
  }

  /**
   * @param breadThermometer the infrared bread thermometer, read once at each press ({@link
   *     BreadCheck}); null when none is fitted
   */
  public ToastController(
      SafetySupervisor safety,
      GuardedPredictor predictor,
      Clock clock,
      ControllerSettings config,
      ToastSettings initialSettings,
      double mainsVoltsNominal,
      double elementRatedVolts,
      Indicators indicators,
      @Nullable BreadThermometer breadThermometer,
      ControllerListener listener) {
    this.breadThermometer = breadThermometer;
    this.safety = safety;
    this.predictor = predictor;
    this.clock = clock;
    this.config = config;
    this.settings = initialSettings;
    this.mainsVoltsNominal = mainsVoltsNominal;
    this.elementRatedVolts = elementRatedVolts;
    this.indicators = indicators;
    this.listener = listener;
    this.heat = new HeatMemory(clock);
    publishSnapshot();
  }

  /**
   * Keeps the memory of this controller's heating in {@code heatRecord} from now on, and takes over
   * the last cycle a previous run stored there if its heat stopped less than half an hour ago by
   * the wall clock, so that a second batch after a restart is not predicted as a cold toaster's
   * first ({@link HeatMemory#keepIn}). Call before the controller's first tick.
   *
   * @return what was taken over or why not, in words (also logged)
   */
  public String rememberHeatIn(HeatRecordFile heatRecord) {
    String outcome = heat.keepIn(heatRecord);
    log.info("Heat record {}: {}", heatRecord.path(), outcome);
    return outcome;
  }

  /** Queues a local user event; safe from any thread. */
  public void submit(UserEvent event) {
    inbox.add(event);
  }

  /** Queues a validated remote command; safe from any thread. */
  public void submit(RemoteCommand command) {
    inbox.add(command);
  }

  public ControllerSnapshot snapshot() {
    return snapshot;
  }

  /**
   * Offers another guarded predictor (a newly activated model); safe from any thread. The
   * controller takes it on its first tick with no cycle active (idle, done, cancelled or fault),
   * never during a cycle, so a cycle's start prediction and its re-prediction come from the same
   * model. The replaced guard is closed then; a later offer before that replaces this one (which is
   * closed).
   */
  public void offerPredictor(GuardedPredictor next) {
    GuardedPredictor superseded = offeredPredictor.getAndSet(next);
    if (superseded != null && superseded != next) {
      superseded.close();
    }
  }

  /**
   * Sets what may move the shade a cycle is predicted for (the household's taste); the next cycle
   * start uses it. Safe from any thread.
   */
  public void adjustTargetWith(TargetAdjustment adjustment) {
    this.targetAdjustment = adjustment == null ? TargetAdjustment.NONE : adjustment;
  }

  /**
   * The version of the model the current (or next) cycle's predictor runs, or null when it has
   * none.
   */
  public @Nullable String modelVersion() {
    return predictor.primaryVersion();
  }

  /**
   * One controller period: renew the lease, handle queued input, follow the supervisor, end cycles.
   */
  public void tick() {
    safety.renewLease();
    takeOfferedPredictorBetweenCycles(); // before the inbox: a lever press in this tick gets the
    // new model
    for (Object input; (input = inbox.poll()) != null; ) {
      if (input instanceof UserEvent e) {
        handle(e);
      } else {
        handle((RemoteCommand) input);
      }
    }
    SafetyStatus safetyNow = safety.status(); // one look at the supervisor per tick
    followSafety(safetyNow);
    window.add(safetyNow.lastReading());
    long now = clock.nanos();
    readBoardsWhileIdle(now);
    if (phase == CyclePhase.PREPARING) {
      waiting().poll().ifPresent(this::heatFor);
    }
    if (phase == CyclePhase.TOASTING) {
      followProgress(now);
    }
    if (phase == CyclePhase.TOASTING
        && (now - heatStartNanos) / 1e9 >= cyclePrediction().seconds()) {
      finish(CyclePhase.DONE, "done");
    } else if (phase == CyclePhase.ARMED
        && (now - armedAtNanos) / 1e9 >= config.remoteArmExpiryS()) {
      finish(
          CyclePhase.CANCELLED,
          "remote-start arm expired after " + (int) config.remoteArmExpiryS() + " s");
    }
    publishSnapshot();
  }

  /** Between cycles the carriage is up and the bread thermometer sees the boards. */
  private void readBoardsWhileIdle(long now) {
    if (breadThermometer == null || phase.isActive()) {
      return;
    }
    if (!Double.isNaN(boardC) && now - boardAtNanos < BOARD_READ_PERIOD_NANOS) {
      return;
    }
    try {
      boardC = breadThermometer.apparentC();
    } catch (IOException | RuntimeException e) {
      boardC = Double.NaN; // no board reading: the press falls back on the chamber reading
    }
    boardAtNanos = now;
  }

  /** The board reading for a press now, or NaN when there is none this fresh. */
  private double freshBoardC(long now) {
    return (now - boardAtNanos) / 1e9 <= BreadCheck.Reading.BOARD_MAX_AGE_S ? boardC : Double.NaN;
  }

  private void takeOfferedPredictorBetweenCycles() {
    if (phase.isActive() || offeredPredictor.get() == null) {
      return;
    }
    GuardedPredictor next = offeredPredictor.getAndSet(null);
    if (next != null && next != predictor) {
      GuardedPredictor old = predictor;
      predictor = next;
      old.close();
      log.info(
          "Predictor switched between cycles: now {} (model version {})",
          next.primaryName(),
          next.primaryVersion());
      note(
          "model switched between cycles: now "
              + next.primaryName()
              + " version "
              + next.primaryVersion());
    }
  }

  private void handle(UserEvent event) {
    if (event instanceof UserEvent.LeverDown) {
      leverDown();
    } else if (event instanceof UserEvent.LeverUp) {
      stop("lever lifted");
    } else if (event instanceof UserEvent.CancelPressed) {
      remoteArmPending = false;
      stop("cancel pressed");
    } else if (event instanceof UserEvent.ShadeChanged e) {
      change("shade " + e.shade(), settings.withShade(e.shade()));
    } else if (event instanceof UserEvent.ModeSelected e) {
      change(e.mode().id() + " mode", settings.withMode(e.mode()));
    } else if (event instanceof UserEvent.BreadSelected e) {
      change(e.bread().id() + " bread", settings.withBread(e.bread()));
    } else if (event instanceof UserEvent.SliceSizeSet e) {
      change(
          String.format(Locale.ROOT, "%dx%.0fmm slices", e.slices(), e.thicknessMm()),
          new ToastSettings(
              settings.shade(), settings.bread(), e.thicknessMm(), e.slices(), settings.mode()));
    } else if (event instanceof UserEvent.RemoteArmPressed) {
      armPressed();
    } else if (event instanceof UserEvent.ResetHeld) {
      reset();
    }
  }

  private void handle(RemoteCommand command) {
    if (command instanceof RemoteCommand.Start) {
      remoteStart();
    } else if (command instanceof RemoteCommand.Cancel) {
      remoteArmPending = false;
      stop("remote cancel");
    } else if (command instanceof RemoteCommand.SetShade c) {
      change("shade " + c.shade(), settings.withShade(c.shade()));
    } else if (command instanceof RemoteCommand.SetBread c) {
      change(c.bread().id() + " bread", settings.withBread(c.bread()));
    } else if (command instanceof RemoteCommand.SetMode c) {
      change(c.mode().id() + " mode", settings.withMode(c.mode()));
    } else if (command instanceof RemoteCommand.SetSlices c) {
      change(
          c.slices() + (c.slices() == 1 ? " slice" : " slices"), settings.withSlices(c.slices()));
    } else if (command instanceof RemoteCommand.SetThickness c) {
      change(c.thicknessMm() + " mm slices", settings.withThicknessMm(c.thicknessMm()));
    }
  }

  /**
   * Settings change between cycles and while armed (the time is worked out when heat starts). While
   * the time is worked out or heat flows a change is refused with a message, from the panel and
   * remotely alike: the cycle keeps the settings it was predicted for, and the snapshot (what every
   * display shows) keeps saying so. Changing a running cycle's shade would need a new prediction
   * for a half-toasted slice, which nothing was trained on.
   */
  private void change(String what, ToastSettings changed) {
    if (changed.equals(settings)) {
      return;
    }
    if (phase == CyclePhase.PREPARING || phase == CyclePhase.TOASTING) {
      refuse(
          String.format(
              Locale.ROOT,
              "%s refused: the cycle runs on with shade %d %s %dx%.0fmm %s; cancel first",
              what,
              settings.shade(),
              settings.bread().id(),
              settings.slices(),
              settings.thicknessMm(),
              settings.mode().id()));
      return;
    }
    settings = changed;
  }

  private void armPressed() {
    if (!config.remoteStartEnabled()) {
      refuse("remote start is disabled in the config (controller.remoteStartEnabled)");
      return;
    }
    remoteArmPending = true;
    note("remote-start arm pressed: the next lever press arms");
  }

  private void leverDown() {
    if (phase.isActive()) {
      return;
    }
    if (!safety.holdCarriage()) {
      String why =
          safety
              .latchedFault()
              .map(
                  f ->
                      "a fault is latched ("
                          + f.code()
                          + "); hold reset for 3 s once the cause is fixed")
              .orElse("the carriage could not be held");
      refuse("start refused: " + why);
      return;
    }
    if (remoteArmPending) {
      remoteArmPending = false;
      armedAtNanos = clock.nanos();
      setPhase(CyclePhase.ARMED);
      note("armed for remote start; carriage held, no heat");
      return;
    }
    startHeating();
  }

  private void remoteStart() {
    if (phase != CyclePhase.ARMED) {
      refuse("remote start refused: the toaster was not armed locally");
      return;
    }
    startHeating();
  }

  private void startHeating() {
    TemperatureReading reading = safety.status().lastReading();
    if (reading == null || !reading.isValid()) {
      safety.endCycle();
      refuse("start refused: no valid chamber temperature reading");
      setPhase(CyclePhase.IDLE);
      return;
    }
    double sinceLastS = heat.sinceLastS(clock.nanos());
    boolean recent = sinceLastS < PredictionInput.NO_RECENT_CYCLE_S;
    // read once: the rule and the model see the same value
    BreadCheck.Reading breadRead =
        BreadCheck.Reading.take(breadThermometer, freshBoardC(clock.nanos()));
    BreadCheck.Outcome bread =
        BreadCheck.judge(
            breadRead,
            target(),
            reading,
            recent ? Math.max(0.0, sinceLastS) : PredictionInput.NO_RECENT_CYCLE_S);
    if (bread.event() != null) {
      listener.onBreadChecked(bread.event(), clock.nanos());
      log.info("{}", bread.event());
    }
    PredictionInput input =
        new PredictionInput(
                bread.settings(),
                reading.chamberC(),
                reading.coldJunctionC(),
                mainsVoltsNominal,
                elementRatedVolts,
                recent ? Math.max(0.0, sinceLastS) : PredictionInput.NO_RECENT_CYCLE_S,
                recent ? heat.lastHeatS() : 0.0,
                recent ? heat.after(Math.max(0.0, sinceLastS)) : StoredHeat.NONE,
                null,
                Double.NaN)
            .withBreadReading(BreadCheck.Reading.forPredictor(breadRead));
    GuardedPredictor.PendingPrediction started = predictor.start(input);
    pending = started;
    setPhase(CyclePhase.PREPARING);
    started.poll().ifPresent(this::heatFor);
  }

  /**
   * The settings to predict for: the user's, with the shade moved by the target adjustment when it
   * stays within {@link TargetAdjustment#MAX_SHADE_STEPS} and changes nothing else. Anything else
   * it returns (or throws) is ignored with a log line: the user's own settings are always safe.
   */
  private ToastSettings target() {
    ToastSettings asked = settings;
    ToastSettings adjusted;
    try {
      adjusted = targetAdjustment.forPrediction(asked);
    } catch (RuntimeException e) {
      log.warn("Target adjustment failed ({}); predicting for the settings as asked", e.toString());
      return asked;
    }
    if (adjusted == null || adjusted.equals(asked)) {
      return asked;
    }
    if (!adjusted.withShade(asked.shade()).equals(asked)
        || Math.abs(adjusted.shade() - asked.shade()) > TargetAdjustment.MAX_SHADE_STEPS) {
      log.warn(
          "Target adjustment to {} ignored: only the shade may move, by at most {}; predicting for {}",
          adjusted,
          TargetAdjustment.MAX_SHADE_STEPS,
          asked);
      return asked;
    }
    note(
        String.format(
            Locale.ROOT,
            "taste: %s predicted for shade %d (knob %d)",
            asked.bread().id(),
            adjusted.shade(),
            asked.shade()));
    return adjusted;
  }

  /** The predictor answered (or the guard fell back): heat for that long. */
  private void heatFor(Prediction answer) {
    prediction = answer;
    PredictionInput input = waiting().input();
    pending = null;
    cycleInput = input;
    risesTaken = 0;
    progressLost = false;
    rePredictedEarly = false;
    heatStartNanos = clock.nanos();
    baseC =
        window.meanBefore(
            heatStartNanos, heat.hadCycle() ? heat.lastHeatEndNanos() : Long.MIN_VALUE);
    if (Double.isNaN(baseC)) {
      baseC = input.chamberStartC();
    }
    safety.requestHeat(true);
    setPhase(CyclePhase.TOASTING);
    listener.onCycleStarted(input, answer, heatStartNanos);
    log.info(
        "Cycle started: {} s from {}{}",
        Math.round(answer.seconds() * 10) / 10.0,
        answer.predictor(),
        answer.isFallback() ? " (" + answer.fallbackReason() + ")" : "");
  }

  /**
   * Samples the chamber at {@link HeatingProgress#AT_S} of heating; at the {@link
   * HeatingProgress#EARLY}th and at the last, starts a re-prediction; then follows it until it
   * answers.
   */
  private void followProgress(long now) {
    double heatedS = (now - heatStartNanos) / 1e9;
    if (risesTaken < rises.length && !progressLost && heatedS >= HeatingProgress.AT_S[risesTaken]) {
      double meanC = window.meanBefore(now);
      if (Double.isNaN(meanC)) {
        progressLost = true;
        log.debug(
            "No valid chamber reading before {} s of heating; no re-prediction this cycle",
            heatedS);
      } else {
        rises[risesTaken++] = HeatingProgress.rise(meanC, baseC);
        if (risesTaken == HeatingProgress.EARLY && shouldRePredict()) {
          rePredictedEarly = true;
          rePredict(predictor.mayAskAgain(cyclePrediction(), cycleInput()));
        } else if (risesTaken == rises.length && rePredictedEarly) {
          if (rePrediction != null) {
            log.debug("The first re-prediction has not answered after {} s; no second", heatedS);
          } else if (predictor.mayAskAgain(cyclePrediction(), cycleInput())) {
            rePredict(true);
          } else if (predictor.fallbackSeesLateProgress()) {
            rePredict(false);
          } // else the table would answer from the same first three rises: nothing new
        }
      }
    }
    GuardedPredictor.PendingPrediction again = rePrediction;
    if (again != null) {
      again.poll().ifPresent(answer -> rePredicted(answer, now));
    }
  }

  /**
   * Asks for the cycle's time again with the rises so far: the primary through the guard, or the
   * non-ML table alone once the primary failed in this cycle ({@link
   * GuardedPredictor#mayAskAgain}).
   */
  private void rePredict(boolean askPrimary) {
    PredictionInput withProgress =
        cycleInput().withProgress(new HeatingProgress(Arrays.copyOf(rises, risesTaken)));
    rePrediction =
        askPrimary
            ? predictor.start(withProgress)
            : predictor.startWithoutPrimary(withProgress, cyclePrediction().fallbackReason());
  }

  private boolean shouldRePredict() {
    // With a model, also after a fallback at the start: the non-ML table has a re-prediction set of
    // its own, and a supply off its configured voltage costs a start estimate far more than the
    // table's own error. A table or timer the user chose keeps its one answer. Right after a cycle
    // too: generator 5 needed a 40 s gate there (its rises misled it while the boards held their
    // heat), but with the stored heat as an input the rise helps at every pause (README, "In a real
    // kitchen": seed 7 second batches 0.269 with the gate, 0.258 without).
    return cyclePrediction().seconds() > REPREDICT_MIN_S
        && cycleInput().settings().mode() != ToastMode.REHEAT
        && predictor.primaryIsLearned();
  }

  private void rePredicted(Prediction answer, long now) {
    rePrediction = null;
    Prediction before = cyclePrediction();
    if (answer.isFallback()) {
      boolean notAsked =
          before.isFallback() && Objects.equals(answer.fallbackReason(), before.fallbackReason());
      note(
          notAsked
              ? String.format(
                  Locale.ROOT,
                  "re-prediction from the non-ML table, %.1f s: the model failed earlier in "
                      + "this cycle and is not asked again in it",
                  answer.seconds())
              : String.format(
                  Locale.ROOT,
                  "re-prediction from the non-ML table, %.1f s: %s",
                  answer.seconds(),
                  answer.fallbackReason()));
    }
    double heatedS = (now - heatStartNanos) / 1e9;
    double total = Math.max(answer.seconds(), heatedS + REPREDICT_MARGIN_S);
    if (Math.abs(total - before.seconds()) < SAME_TIME_S) {
      log.debug("Re-prediction kept the cycle's time ({} s)", before.seconds());
      return; // a predictor that ignores the progress (the table, a fixed timer): nothing to tell
    }
    Prediction after =
        new Prediction(total, answer.predictor(), answer.fallbackReason(), answer.primaryS());
    prediction = after;
    String reason =
        RePredictionReason.describe(
            cycleInput().settings().mode(),
            before.seconds(),
            total,
            Arrays.copyOf(rises, risesTaken));
    listener.onRePredicted(before, after, now, reason);
    log.info(
        "Cycle re-predicted: {} s (was {} s): {}",
        Math.round(total * 10) / 10.0,
        Math.round(before.seconds() * 10) / 10.0,
        reason);
  }

  private void stop(String why) {
    if (phase.isActive()) {
      note(why);
      finish(CyclePhase.CANCELLED, why);
    }
  }

  private void finish(CyclePhase outcome, String why) {
    rememberHeat();
    abandonPrediction();
    safety.requestHeat(false);
    safety.endCycle();
    setPhase(outcome);
    indicators.beep(
        outcome == CyclePhase.DONE ? Indicators.BeepPattern.DONE : Indicators.BeepPattern.REFUSED);
    log.info("Cycle ended: {} ({})", outcome.id(), why);
  }

  private void followSafety(SafetyStatus safetyNow) {
    if (safetyNow.fault() != null && phase != CyclePhase.FAULT) {
      rememberHeat();
      abandonPrediction();
      safety.requestHeat(false);
      setPhase(CyclePhase.FAULT);
      indicators.beep(Indicators.BeepPattern.FAULT);
    }
    indicators.set(Indicator.FAULT, phase == CyclePhase.FAULT);
  }

  private void abandonPrediction() {
    if (pending != null) {
      pending.cancel();
      pending = null;
    }
    if (rePrediction != null) {
      rePrediction.cancel();
      rePrediction = null;
    }
  }

  // The phase says which of these a cycle has; NullAway cannot see it, so they say so here.

  /** The start prediction being waited for; there is one while PREPARING. */
  private GuardedPredictor.PendingPrediction waiting() {
    return Objects.requireNonNull(pending, "PREPARING always waits for a start prediction");
  }

  /** This cycle's prediction; set before the phase becomes TOASTING. */
  private Prediction cyclePrediction() {
    return Objects.requireNonNull(prediction, "a cycle is TOASTING only once it has a prediction");
  }

  /** What this cycle was predicted from; set with its prediction. */
  private PredictionInput cycleInput() {
    return Objects.requireNonNull(cycleInput, "a cycle is TOASTING only once it has a prediction");
  }

  /**
   * A cycle that heated is the next cycle's "previous cycle": when its heat stopped and for how
   * long.
   */
  private void rememberHeat() {
    if (phase == CyclePhase.TOASTING) {
      heat.heated(
          heatStartNanos,
          clock.nanos(),
          HeatHistory.powerShare(mainsVoltsNominal, elementRatedVolts));
    }
  }

  private void reset() {
    if (phase != CyclePhase.FAULT) {
      return;
    }
    ResetResult result = safety.reset(ResetKind.USER);
    note(result.message());
    if (result.cleared()) {
      setPhase(CyclePhase.IDLE);
    }
  }

  private void refuse(String reason) {
    indicators.beep(Indicators.BeepPattern.REFUSED);
    listener.onRefused(reason, clock.nanos());
    log.debug(
        "{}", reason); // the listener shows it (panel, journal, MQTT); at info it printed twice
  }

  private void note(String text) {
    listener.onNote(text, clock.nanos());
  }

  private void setPhase(CyclePhase next) {
    if (next == phase) {
      return;
    }
    CyclePhase previous = phase;
    phase = next;
    indicators.set(Indicator.TOASTING, next == CyclePhase.TOASTING || next == CyclePhase.PREPARING);
    indicators.set(Indicator.REMOTE_ARMED, next == CyclePhase.ARMED);
    listener.onPhaseChanged(previous, next, clock.nanos());
  }

  private void publishSnapshot() {
    double remaining =
        phase == CyclePhase.TOASTING
            ? Math.max(0.0, cyclePrediction().seconds() - (clock.nanos() - heatStartNanos) / 1e9)
            : 0.0;
    snapshot = new ControllerSnapshot(phase, settings, prediction, remaining, remoteArmPending);
  }
}
