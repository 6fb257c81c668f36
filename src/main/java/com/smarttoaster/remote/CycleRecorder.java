package com.smarttoaster.remote;

import com.smarttoaster.control.ControllerListener;
import com.smarttoaster.control.CyclePhase;
import com.smarttoaster.control.ToastController;
import com.smarttoaster.history.CycleHistory;
import com.smarttoaster.history.CycleOutcome;
import com.smarttoaster.history.CycleRecord;
import com.smarttoaster.history.ModelWatch;
import com.smarttoaster.history.ModelWatcher;
import com.smarttoaster.history.Rating;
import com.smarttoaster.predict.Prediction;
import com.smarttoaster.predict.PredictionInput;
import com.smarttoaster.safety.Fault;
import com.smarttoaster.safety.FaultCode;
import com.smarttoaster.safety.SafetyListener;
import com.smarttoaster.safety.SafetySupervisor;
import com.smarttoaster.taste.RatingAnswer;
import com.smarttoaster.taste.RatingDesk;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.TimeoutException;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Turns the controller's and the supervisor's callbacks into cycle records and events, rates the
 * last cycle, and closes cycles an earlier run left open. Works without a broker (the events then
 * go nowhere) and without a history (then nothing is recorded and ratings are refused).
 *
 * <p>Threads: the callbacks come on the controller's (or the supervisor's) thread and only hand
 * work to the {@link RemoteWorker}; whatever goes wrong is logged and never reaches the controller.
 */
final class CycleRecorder implements ControllerListener, SafetyListener {
  private static final Logger log = LoggerFactory.getLogger(CycleRecorder.class);
  static final long HISTORY_WAIT_NANOS = 10_000_000_000L; // twice the database's busy timeout
  static final String INTERRUPTED_REASON =
      "the controller stopped (power cut, crash or a stop mid-cycle) before the"
          + " cycle ended; its heater time is unknown";

  private final String deviceId;
  private final @Nullable CycleHistory history;
  private final RemoteWorker worker;
  private final EventSink events;
  private volatile @Nullable SafetySupervisor supervisor;
  private volatile @Nullable ToastController controller;

  // Controller thread only.
  private @Nullable CycleSummary cycle;
  private @Nullable String lastNote;
  private long lastNoteNanos = Long.MIN_VALUE;
  private volatile @Nullable CycleSummary runningCycle;
  private volatile @Nullable RatingDesk ratings;

  /**
   * Recent cycles' ids by their heat start (the key the rating desk names a cycle by); any thread.
   */
  private final Map<Long, String> cycleIds =
      java.util.Collections.synchronizedMap(
          new LinkedHashMap<>() {
            @Override
            protected boolean removeEldestEntry(Map.Entry<Long, String> eldest) {
              return size() > 8;
            }
          });

  /** The running cycle's model version (controller thread). */
  private @Nullable String modelVersion;

  private volatile ModelWatcher watcher = ModelWatcher.NONE;

  /** The running cycle's watch (controller thread). */
  private ModelWatcher.@Nullable Cycle watched;

  /**
   * @param history where records go, or null for none
   */
  CycleRecorder(
      String deviceId, @Nullable CycleHistory history, RemoteWorker worker, EventSink events) {
    this.deviceId = deviceId;
    this.history = history;
    this.worker = worker;
    this.events = events;
  }

  private volatile com.smarttoaster.monitoring.@Nullable ModelHealth health;
  private volatile java.util.function.Consumer<byte[]> monitorOut = json -> {};

  /** Where the rolling figures' JSON goes after each cycle (the retained monitor topic). */
  void publishMonitorTo(java.util.function.Consumer<byte[]> out) {
    this.monitorOut = out;
  }

  void watchModelHealth(com.smarttoaster.monitoring.ModelHealth h) {
    this.health = h;
  }

  /**
   * Reports that the active installed model was refused and the factory model runs: a model-refused
   * event.
   */
  void reportModelRefused(String reason) {
    log.warn("MODEL REFUSED (reported over MQTT): {}", reason);
    events.emit(
        new ToasterEvent(ToasterEvent.Type.MODEL_REFUSED, Instant.now(), reason, null, null, null));
  }

  void watchModels(@Nullable ModelWatcher w) {
    this.watcher = w == null ? ModelWatcher.NONE : w;
  }

  void attach(ToastController c, SafetySupervisor s) {
    this.supervisor = s;
    this.controller = c;
    cycle = null;
    runningCycle = null;
  }

  // ---- controller callbacks (controller thread) ---------------------------------------------

  @Override
  public void onCycleStarted(PredictionInput input, Prediction prediction, long atNanos) {
    guarded(
        () -> {
          modelVersion =
              controller == null
                  ? null
                  : controller.modelVersion(); // the controller's thread: this cycle's model
          cycle =
              CycleSummary.started(
                  UUID.randomUUID().toString(), Instant.now(), input, prediction, modelVersion);
          cycleIds.put(atNanos, cycle.cycleId());
          runningCycle = cycle;
          // Recorded now so that a power cut leaves a trace; the end record replaces it.
          watched = beginWatch(input, prediction);
          store(
              new CycleRecord(
                  cycle.cycleId(),
                  deviceId,
                  cycle.startTime(),
                  input,
                  prediction,
                  CycleOutcome.RUNNING,
                  null,
                  0,
                  null,
                  null,
                  modelVersion));
          events.emit(
              new ToasterEvent(ToasterEvent.Type.STARTED, Instant.now(), null, null, null, cycle));
        });
  }

  @Override
  public void onPhaseChanged(CyclePhase from, CyclePhase to, long atNanos) {
    guarded(
        () -> {
          switch (to) {
            case DONE -> endCycle(CycleOutcome.DONE, null, ToasterEvent.Type.DONE, null);
            case CANCELLED -> {
              String why =
                  lastNoteNanos == atNanos
                      ? lastNote
                      : from == CyclePhase.ARMED ? "the remote-start arm expired" : null;
              endCycle(CycleOutcome.CANCELLED, null, ToasterEvent.Type.CANCELLED, why);
            }
            case FAULT -> {
              // The fault event itself comes from the supervisor's listener, with its message.
              FaultCode code =
                  Optional.ofNullable(supervisor)
                      .flatMap(SafetySupervisor::latchedFault)
                      .map(Fault::code)
                      .orElse(null);
              if (code != null) {
                endCycle(CycleOutcome.FAULT, code, null, null);
              }
            }
            default -> {}
          }
        });
  }

  @Override
  public void onRefused(String reason, long atNanos) {
    guarded(
        () ->
            events.emit(
                new ToasterEvent(
                    ToasterEvent.Type.REFUSED, Instant.now(), reason, null, null, null)));
  }

  @Override
  public void onRePredicted(Prediction before, Prediction after, long atNanos, String reason) {
    String why =
        String.format(
            Locale.ROOT, "%.1f s (was %.1f s): %s", after.seconds(), before.seconds(), reason);
    guarded(
        () ->
            events.emit(
                new ToasterEvent(
                    ToasterEvent.Type.REPREDICTED, Instant.now(), why, null, null, cycle)));
  }

  @Override
  public void onBreadChecked(String event, long atNanos) {
    guarded(
        () ->
            events.emit(
                new ToasterEvent(
                    ToasterEvent.Type.BREAD_CHECKED, Instant.now(), event, null, null, null)));
  }

  @Override
  public void onNote(String note, long atNanos) {
    lastNote = note;
    lastNoteNanos = atNanos;
  }

  // ---- supervisor callback ------------------------------------------------------------------

  @Override
  public void onFault(Fault fault) {
    guarded(
        () -> {
          CycleSummary c = runningCycle;
          events.emit(
              new ToasterEvent(
                  ToasterEvent.Type.FAULT,
                  Instant.now(),
                  fault.message(),
                  null,
                  null,
                  c == null ? null : c.ended(CycleOutcome.FAULT, heaterOnS(), fault.code())));
        });
  }

  private void guarded(Runnable r) {
    try {
      r.run();
    } catch (RuntimeException e) {
      log.error("Remote monitoring failed on a controller callback", e);
    }
  }

  private void endCycle(
      CycleOutcome outcome,
      @Nullable FaultCode code,
      ToasterEvent.@Nullable Type eventType,
      @Nullable String reason) {
    CycleSummary c = cycle;
    cycle = null;
    runningCycle = null;
    if (c == null) {
      if (eventType != null) {
        events.emit(new ToasterEvent(eventType, Instant.now(), reason, null, null, null));
      }
      return;
    }
    double heaterS = heaterOnS();
    ModelWatch seen = endWatch();
    store(
        new CycleRecord(
            c.cycleId(),
            deviceId,
            c.startTime(),
            c.input(),
            c.prediction(),
            outcome,
            code,
            heaterS,
            null,
            null,
            modelVersion,
            seen));
    if (eventType != null) {
      events.emit(
          new ToasterEvent(
              eventType, Instant.now(), reason, null, null, c.ended(outcome, heaterS, code)));
    }
  }

  /** Never throws: a failing watcher costs the cycle its monitoring fields, nothing else. */
  private ModelWatcher.@Nullable Cycle beginWatch(PredictionInput input, Prediction prediction) {
    endWatch(); // a cycle whose end was never seen: its shadow run is cut off, not left queued
    try {
      return watcher.begin(input, prediction);
    } catch (RuntimeException e) {
      log.error(
          "Watching the model failed at the start of a cycle; its monitoring fields stay empty", e);
      return null;
    }
  }

  private ModelWatch endWatch() {
    ModelWatcher.Cycle w = watched;
    watched = null;
    if (w == null) {
      return ModelWatch.NONE;
    }
    try {
      return w.end();
    } catch (RuntimeException e) {
      log.error(
          "Watching the model failed at the end of a cycle; its monitoring fields stay empty", e);
      return ModelWatch.NONE;
    }
  }

  private void store(CycleRecord record) {
    CycleHistory h = history;
    if (h == null) {
      return;
    }
    worker.run(
        () -> {
          try {
            h.record(record);
          } catch (RuntimeException e) {
            log.error(
                "Could not record cycle {} ({}): {}",
                record.cycleId(),
                record.outcome().id(),
                e.getMessage());
            return;
          }
          if (record.outcome() != CycleOutcome.RUNNING) {
            lookAtModelHealth(h);
          }
        });
  }

  /**
   * Worker thread: the rolling figures after a cycle ended, their crossings as model-health events.
   */
  private void lookAtModelHealth(CycleHistory cycles) {
    com.smarttoaster.monitoring.ModelHealth h = health;
    if (h == null) {
      return;
    }
    try {
      var report = h.afterCycle(cycles.latest(h.recordsWanted()));
      for (String crossing : report.crossings()) {
        log.warn("Model health: {}", crossing);
        events.emit(
            new ToasterEvent(
                ToasterEvent.Type.MODEL_HEALTH, Instant.now(), crossing, null, null, null));
      }
      monitorOut.accept(report.json());
    } catch (RuntimeException e) {
      log.error("Computing the model's rolling figures failed: {}", e.getMessage());
    }
  }

  private double heaterOnS() {
    SafetySupervisor s = supervisor;
    return s == null ? 0.0 : Math.max(0.0, s.status().heatOnSThisCycle());
  }

  // ---- start-up -----------------------------------------------------------------------------

  /** See {@link ApplianceRemote#closeInterruptedCycles()}. */
  List<CycleRecord> closeInterruptedCycles() {
    CycleHistory h = history;
    if (h == null) {
      return List.of();
    }
    CycleSummary running = runningCycle;
    if (running != null) {
      throw new IllegalStateException(
          "cycle "
              + running.cycleId()
              + " of this run is in progress; close"
              + " interrupted cycles at start-up, before the first controller tick");
    }
    try {
      return worker.call(() -> closeInterruptedNow(h), HISTORY_WAIT_NANOS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return List.of();
    } catch (TimeoutException | IllegalStateException e) {
      log.error(
          "Cycles left open by an earlier run were not closed within {} s; they stay running in the history"
              + " until the next start",
          HISTORY_WAIT_NANOS / 1_000_000_000L);
      return List.of();
    }
  }

  private List<CycleRecord> closeInterruptedNow(CycleHistory h) {
    List<CycleRecord> closed;
    try {
      closed = h.closeInterrupted();
    } catch (RuntimeException e) {
      log.error(
          "Could not close the cycles an earlier run left open: {}; they stay running in the history until"
              + " the next start",
          e.getMessage());
      return List.of();
    }
    for (CycleRecord r : closed) {
      log.warn(
          "Cycle {} started {} ({}) closed as interrupted (power cut, crash or a stop mid-cycle)",
          r.cycleId(),
          r.startTime(),
          settingsText(r));
      events.emit(
          new ToasterEvent(
              ToasterEvent.Type.INTERRUPTED,
              Instant.now(),
              INTERRUPTED_REASON,
              null,
              null,
              CycleSummary.of(r)));
    }
    return closed;
  }

  private static String settingsText(CycleRecord r) {
    var s = r.input().settings();
    return "shade "
        + s.shade()
        + ", "
        + s.bread().id()
        + ", "
        + s.mode().id()
        + ", "
        + s.slices()
        + " slice"
        + (s.slices() == 1 ? "" : "s")
        + ", "
        + s.thicknessMm()
        + " mm; predicted "
        + Math.round(r.prediction().seconds() * 10) / 10.0
        + " s by "
        + r.prediction().predictor();
  }

  // ---- ratings ----------------------------------------------------------------------------

  /**
   * Takes ratings from the appliance's {@link RatingDesk}: the desk decides, for every channel;
   * this keeps what it accepts (the cycle's record in the history, a {@code rated} event) and
   * answers MQTT's ratings on MQTT.
   */
  void attachRatings(RatingDesk desk) {
    this.ratings = desk;
    desk.addListener(this::keepRating);
  }

  /** The desk accepted a rating (any thread; hands the work to the worker). */
  private void keepRating(long cycleStartNanos, Rating rating, @Nullable Rating previous) {
    String cycleId = cycleIds.get(cycleStartNanos);
    if (cycleId == null) {
      log.warn(
          "Rating {} is not recorded: its cycle is not known to this run's history", rating.id());
      return;
    }
    worker.run(
        () -> {
          Optional<CycleRecord> r = Optional.empty();
          if (history != null) {
            try {
              if (history.rate(cycleId, rating)) {
                r = history.last().filter(x -> x.cycleId().equals(cycleId));
              } else {
                log.warn(
                    "Cycle {} is no longer in the history; its rating {} is not kept",
                    cycleId,
                    rating.id());
              }
            } catch (RuntimeException e) {
              log.error("Could not record the rating of cycle {}: {}", cycleId, e.getMessage());
            }
          }
          log.info(
              "Cycle {} rated {}{}",
              cycleId,
              rating.id(),
              previous == null ? "" : " (was " + previous.id() + ")");
          events.emit(
              new ToasterEvent(
                  ToasterEvent.Type.RATED,
                  Instant.now(),
                  previous == null ? null : "changed from " + previous.id(),
                  null,
                  rating.id(),
                  r.map(CycleSummary::of).orElse(null)));
        });
  }

  /**
   * Rates the last cycle by the desk's rules like {@link #rateLast} (the web page's rating buttons)
   * but waits until the rating is kept: null when rated, else why not. Any thread but the worker's.
   */
  @Nullable String rateLastNow(Rating rating) {
    RatingDesk desk = ratings;
    if (desk == null) {
      return "this appliance takes no ratings (its wiring has no rating desk)";
    }
    RatingAnswer a = desk.rate(rating, "web");
    if (!a.accepted()) {
      return a.message();
    }
    try {
      // The desk keeps the rating through this worker; wait until it is in the history, so the
      // page's
      // next read of the history shows it.
      return worker.call(() -> null, HISTORY_WAIT_NANOS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return "interrupted while waiting for the history";
    } catch (TimeoutException | IllegalStateException e) {
      return "the history did not answer within "
          + HISTORY_WAIT_NANOS / 1_000_000_000L
          + " s; try again";
    }
  }

  /** Every recorded cycle, oldest first, read on the worker (the history's one thread). */
  List<CycleRecord> recordedCycles() {
    if (history == null) {
      return List.of();
    }
    try {
      return worker.call(history::all, HISTORY_WAIT_NANOS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return List.of();
    } catch (TimeoutException | IllegalStateException e) {
      log.warn(
          "The history did not answer within {} s; no cycles listed",
          HISTORY_WAIT_NANOS / 1_000_000_000L);
      return List.of();
    }
  }

  /**
   * A rating that arrived over MQTT: to the desk; a refusal goes back as a {@code rejected} event.
   * Any thread.
   */
  void rateLast(Rating rating) {
    RatingDesk desk = ratings;
    String why;
    if (desk == null) {
      why = "this appliance takes no ratings (its wiring has no rating desk)";
    } else {
      RatingAnswer a = desk.rate(rating, "mqtt");
      why = a.accepted() ? null : a.message();
    }
    if (why != null) {
      String reason = why;
      worker.run(
          () ->
              events.emit(
                  new ToasterEvent(
                      ToasterEvent.Type.REJECTED,
                      Instant.now(),
                      reason,
                      Topics.FEEDBACK,
                      null,
                      null)));
    }
  }

  /** {@code cmd/taste-reset}: forgets the learned taste. Any thread. */
  void resetTaste() {
    RatingDesk desk = ratings;
    if (desk == null) {
      worker.run(
          () ->
              events.emit(
                  new ToasterEvent(
                      ToasterEvent.Type.REJECTED,
                      Instant.now(),
                      "this appliance keeps no taste",
                      Topics.TASTE_RESET,
                      null,
                      null)));
      return;
    }
    desk.resetTaste();
  }

  /** The desk, or null before {@link #attachRatings}. */
  @Nullable RatingDesk ratings() {
    return ratings;
  }
}
