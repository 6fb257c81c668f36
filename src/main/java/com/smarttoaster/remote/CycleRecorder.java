package com.smarttoaster.remote;

import com.smarttoaster.control.ControllerListener;
import com.smarttoaster.control.CyclePhase;
import com.smarttoaster.control.ToastController;
import com.smarttoaster.history.CycleHistory;
import com.smarttoaster.history.CycleOutcome;
import com.smarttoaster.history.CycleRecord;
import com.smarttoaster.history.Rating;
import com.smarttoaster.predict.Prediction;
import com.smarttoaster.predict.PredictionInput;
import com.smarttoaster.safety.Fault;
import com.smarttoaster.safety.FaultCode;
import com.smarttoaster.safety.SafetyListener;
import com.smarttoaster.safety.SafetySupervisor;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.TimeoutException;
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
  static final String INTERRUPTED_REASON = "the controller stopped (power cut, crash or a stop mid-cycle) before the"
      + " cycle ended; its heater time is unknown";

  private final String deviceId;
  private final CycleHistory history;
  private final RemoteWorker worker;
  private final EventSink events;
  private volatile SafetySupervisor supervisor;
  private volatile ToastController controller;

  // Controller thread only.
  private CycleSummary cycle;
  private String lastNote;
  private long lastNoteNanos = Long.MIN_VALUE;
  private volatile CycleSummary runningCycle;
  /** The running cycle's model version (controller thread). */
  private String modelVersion;

  /** @param history where records go, or null for none */
  CycleRecorder(String deviceId, CycleHistory history, RemoteWorker worker, EventSink events) {
    this.deviceId = deviceId;
    this.history = history;
    this.worker = worker;
    this.events = events;
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
    guarded(() -> {
      modelVersion = controller == null ? null : controller.modelVersion(); // the controller's thread: this cycle's model
      cycle = CycleSummary.started(UUID.randomUUID().toString(), Instant.now(), input, prediction, modelVersion);
      runningCycle = cycle;
      // Recorded now so that a power cut leaves a trace; the end record replaces it.
      store(new CycleRecord(cycle.cycleId(), deviceId, cycle.startTime(), input, prediction, CycleOutcome.RUNNING,
          null, 0, null, null, modelVersion));
      events.emit(new ToasterEvent(ToasterEvent.STARTED, Instant.now(), null, null, null, cycle));
    });
  }

  @Override
  public void onPhaseChanged(CyclePhase from, CyclePhase to, long atNanos) {
    guarded(() -> {
      switch (to) {
        case DONE -> endCycle(CycleOutcome.DONE, null, ToasterEvent.DONE, null);
        case CANCELLED -> {
          String why = lastNoteNanos == atNanos ? lastNote
              : from == CyclePhase.ARMED ? "the remote-start arm expired" : null;
          endCycle(CycleOutcome.CANCELLED, null, ToasterEvent.CANCELLED, why);
        }
        case FAULT -> {
          // The fault event itself comes from the supervisor's listener, with its message.
          FaultCode code = Optional.ofNullable(supervisor).flatMap(SafetySupervisor::latchedFault)
              .map(Fault::code).orElse(null);
          if (code != null) {
            endCycle(CycleOutcome.FAULT, code, null, null);
          }
        }
        default -> { }
      }
    });
  }

  @Override
  public void onRefused(String reason, long atNanos) {
    guarded(() -> events.emit(new ToasterEvent(ToasterEvent.REFUSED, Instant.now(), reason, null, null, null)));
  }

  @Override
  public void onRePredicted(Prediction before, Prediction after, long atNanos, String reason) {
    String why = String.format(Locale.ROOT, "%.1f s (was %.1f s): %s", after.seconds(), before.seconds(), reason);
    guarded(() -> events.emit(new ToasterEvent(ToasterEvent.REPREDICTED, Instant.now(), why, null, null, cycle)));
  }

  @Override
  public void onNote(String note, long atNanos) {
    lastNote = note;
    lastNoteNanos = atNanos;
  }

  // ---- supervisor callback ------------------------------------------------------------------

  @Override
  public void onFault(Fault fault) {
    guarded(() -> {
      CycleSummary c = runningCycle;
      events.emit(new ToasterEvent(ToasterEvent.FAULT, Instant.now(), fault.message(), null, null,
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

  private void endCycle(CycleOutcome outcome, FaultCode code, String eventType, String reason) {
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
    store(new CycleRecord(c.cycleId(), deviceId, c.startTime(), c.input(), c.prediction(), outcome, code, heaterS,
        null, null, modelVersion));
    if (eventType != null) {
      events.emit(new ToasterEvent(eventType, Instant.now(), reason, null, null, c.ended(outcome, heaterS, code)));
    }
  }

  private void store(CycleRecord record) {
    if (history == null) {
      return;
    }
    worker.run(() -> {
      try {
        history.record(record);
      } catch (RuntimeException e) {
        log.error("Could not record cycle {} ({}): {}", record.cycleId(), record.outcome().id(), e.getMessage());
      }
    });
  }

  private double heaterOnS() {
    SafetySupervisor s = supervisor;
    return s == null ? 0.0 : Math.max(0.0, s.status().heatOnSThisCycle());
  }

  // ---- start-up -----------------------------------------------------------------------------

  /** See {@link ApplianceRemote#closeInterruptedCycles()}. */
  List<CycleRecord> closeInterruptedCycles() {
    if (history == null) {
      return List.of();
    }
    if (runningCycle != null) {
      throw new IllegalStateException("cycle " + runningCycle.cycleId() + " of this run is in progress; close"
          + " interrupted cycles at start-up, before the first controller tick");
    }
    try {
      return worker.call(this::closeInterruptedNow, HISTORY_WAIT_NANOS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return List.of();
    } catch (TimeoutException | IllegalStateException e) {
      log.error("Cycles left open by an earlier run were not closed within {} s; they stay running in the history"
          + " until the next start", HISTORY_WAIT_NANOS / 1_000_000_000L);
      return List.of();
    }
  }

  private List<CycleRecord> closeInterruptedNow() {
    List<CycleRecord> closed;
    try {
      closed = history.closeInterrupted();
    } catch (RuntimeException e) {
      log.error("Could not close the cycles an earlier run left open: {}; they stay running in the history until"
          + " the next start", e.getMessage());
      return List.of();
    }
    for (CycleRecord r : closed) {
      log.warn("Cycle {} started {} ({}) closed as interrupted (power cut, crash or a stop mid-cycle)", r.cycleId(),
          r.startTime(), settingsText(r));
      events.emit(new ToasterEvent(ToasterEvent.INTERRUPTED, Instant.now(), INTERRUPTED_REASON, null, null,
          CycleSummary.of(r)));
    }
    return closed;
  }

  private static String settingsText(CycleRecord r) {
    var s = r.input().settings();
    return "shade " + s.shade() + ", " + s.bread().id() + ", " + s.mode().id() + ", " + s.slices() + " slice"
        + (s.slices() == 1 ? "" : "s") + ", " + s.thicknessMm() + " mm; predicted "
        + Math.round(r.prediction().seconds() * 10) / 10.0 + " s by " + r.prediction().predictor();
  }

  // ---- ratings ------------------------------------------------------------------------------

  /** Rates the last cycle on the worker, or says with a {@code rejected} event why not. Any thread. */
  void rateLast(Rating rating) {
    worker.run(() -> {
      String why = rate(rating);
      if (why != null) {
        log.info("Rejected remote command {}: {}", Topics.FEEDBACK, why);
        events.emit(new ToasterEvent(ToasterEvent.REJECTED, Instant.now(), why, Topics.FEEDBACK, null, null));
      }
    });
  }

  /** Worker thread; null when rated. */
  private String rate(Rating rating) {
    if (history == null) {
      return "this toaster keeps no history (no history section in its config)";
    }
    ToastController c = controller;
    if (c != null && c.snapshot().phase().isActive()) {
      return "a cycle is running; rate it once it has finished";
    }
    Optional<CycleRecord> last = history.last();
    if (last.isEmpty()) {
      return "no cycle has been recorded yet";
    }
    CycleRecord r = last.get();
    String notRateable = whyNotRateable(r);
    if (notRateable != null) {
      return notRateable;
    }
    history.rate(r.cycleId(), rating);
    log.info("Cycle {} rated {}", r.cycleId(), rating.id());
    events.emit(new ToasterEvent(ToasterEvent.RATED, Instant.now(), null, null, rating.id(), CycleSummary.of(r)));
    return null;
  }

  /**
   * Null when the user's rating of the last cycle can be kept. The rating is always of the last
   * cycle: the toast in the user's hand is from that one, so an earlier cycle is never rated instead.
   */
  private static String whyNotRateable(CycleRecord r) {
    String only = "; only finished or cancelled cycles can be rated";
    return switch (r.outcome()) {
      case DONE, CANCELLED -> null;
      case FAULT -> "the last cycle ended in a fault (" + r.faultCode() + ")" + only;
      case REFUSED -> "the last cycle never started" + only;
      case RUNNING -> "the last cycle has not ended yet; rate it once it has finished";
      case INTERRUPTED -> "the last cycle was interrupted (power cut, crash or a stop mid-cycle) before it ended" + only;
    };
  }
}
