package com.smarttoaster.safety.fakes;

import com.smarttoaster.safety.Fault;
import com.smarttoaster.safety.SafetyListener;
import java.util.ArrayList;
import java.util.List;

/** Records everything the supervisor reports, with the calling thread's name. Thread-safe. */
public final class RecordingSafetyListener implements SafetyListener {
  private final List<Fault> faults = new ArrayList<>();
  private final List<Boolean> heaterCommands = new ArrayList<>();
  private final List<Long> carriageReleases = new ArrayList<>();

  @Override
  public synchronized void onFault(Fault fault) {
    faults.add(fault);
  }

  @Override
  public synchronized void onHeaterCommand(boolean on, long atNanos) {
    heaterCommands.add(on);
  }

  @Override
  public synchronized void onCarriageReleased(long atNanos) {
    carriageReleases.add(atNanos);
  }

  public synchronized List<Fault> faults() {
    return List.copyOf(faults);
  }

  /** Each change of the heater command, in order (true = on). */
  public synchronized List<Boolean> heaterCommands() {
    return List.copyOf(heaterCommands);
  }

  /** Clock times of each carriage release. */
  public synchronized List<Long> carriageReleases() {
    return List.copyOf(carriageReleases);
  }
}
