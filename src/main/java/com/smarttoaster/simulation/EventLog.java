package com.smarttoaster.simulation;

import com.smarttoaster.control.ControllerListener;
import com.smarttoaster.control.CyclePhase;
import com.smarttoaster.hal.Clock;
import com.smarttoaster.predict.Prediction;
import com.smarttoaster.predict.PredictionInput;
import com.smarttoaster.safety.Fault;
import com.smarttoaster.safety.SafetyListener;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.jspecify.annotations.Nullable;

/**
 * Collects what happened in a simulated cycle, in simulated seconds, for the result's event list.
 */
final class EventLog implements SafetyListener, ControllerListener {
  private final Clock clock;
  private final List<SimulationResult.Event> events = new ArrayList<>();
  private @Nullable Prediction prediction;
  private boolean refused;
  private long originNanos;

  EventLog(Clock clock) {
    this.clock = clock;
  }

  void add(String event) {
    add(clock.nanos(), event);
  }

  private void add(long atNanos, String event) {
    events.add(
        new SimulationResult.Event(Math.round((atNanos - originNanos) / 1e7) / 100.0, event));
  }

  /**
   * Forgets the earlier cycles: from now on the log describes the cycle whose lever goes down at
   * {@code originNanos}, which is 0 s in its events.
   */
  void startCycle(long originNanos) {
    this.originNanos = originNanos;
    events.clear();
    prediction = null;
    refused = false;
  }

  List<SimulationResult.Event> events() {
    return List.copyOf(events);
  }

  @Nullable Prediction prediction() {
    return prediction;
  }

  boolean wasRefused() {
    return refused;
  }

  @Override
  public void onFault(Fault f) {
    add(f.atNanos(), "fault " + f.code() + ": " + f.message());
  }

  @Override
  public void onHeaterCommand(boolean on, long atNanos) {
    add(atNanos, on ? "heater on" : "heater off");
  }

  @Override
  public void onCarriageReleased(long atNanos) {
    add(atNanos, "carriage released");
  }

  @Override
  public void onPhaseChanged(CyclePhase from, CyclePhase to, long atNanos) {
    add(atNanos, "phase " + to.id());
  }

  @Override
  public void onCycleStarted(PredictionInput input, Prediction p, long atNanos) {
    prediction = p;
    String how = p.isFallback() ? " (fallback: " + p.fallbackReason() + ")" : "";
    add(
        atNanos,
        String.format(
            Locale.ROOT, "cycle started: %.1f s from %s%s", p.seconds(), p.predictor(), how));
  }

  @Override
  public void onRePredicted(Prediction before, Prediction after, long atNanos, String reason) {
    prediction = after;
    add(
        atNanos,
        String.format(
            Locale.ROOT,
            "re-predicted %.1f s (was %.1f s): %s",
            after.seconds(),
            before.seconds(),
            reason));
  }

  @Override
  public void onBreadChecked(String event, long atNanos) {
    add(atNanos, event);
  }

  @Override
  public void onRefused(String reason, long atNanos) {
    refused = true;
    add(atNanos, "refused: " + reason);
  }

  @Override
  public void onNote(String note, long atNanos) {
    add(atNanos, note);
  }
}
