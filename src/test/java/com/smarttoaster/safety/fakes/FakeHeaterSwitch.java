package com.smarttoaster.safety.fakes;

import com.smarttoaster.hal.Clock;
import com.smarttoaster.hal.HeaterSwitch;
import java.util.ArrayList;
import java.util.List;

/**
 * A heater relay that records every command with its clock time, and can be welded shut (it then
 * conducts whatever it is told). Thread-safe; {@link #awaitCommanded} lets a test wait for a loop
 * thread.
 */
public final class FakeHeaterSwitch implements HeaterSwitch {
  /** One call of {@link #set(boolean)}. */
  public record Command(boolean on, long atNanos) {}

  private final Clock clock;
  private final List<Command> commands = new ArrayList<>();
  private boolean commandedOn;
  private boolean welded;
  private long onSinceNanos;
  private long onNanosTotal;
  private RuntimeException failure;

  public FakeHeaterSwitch(Clock clock) {
    this.clock = clock;
  }

  @Override
  public synchronized void set(boolean on) {
    if (failure != null) {
      throw failure;
    }
    long now = clock.nanos();
    commands.add(new Command(on, now));
    if (on && !commandedOn) {
      onSinceNanos = now;
    } else if (!on && commandedOn) {
      onNanosTotal += now - onSinceNanos;
    }
    commandedOn = on;
    notifyAll();
  }

  @Override
  public synchronized boolean isCommandedOn() {
    return commandedOn;
  }

  /** The relay's contacts are welded: it conducts even when commanded off. */
  public synchronized void weld() {
    welded = true;
  }

  /** True when the relay passes current: commanded on, or welded. */
  public synchronized boolean conducts() {
    return commandedOn || welded;
  }

  /** Every {@link #set} call so far, refreshes included. */
  public synchronized List<Command> commands() {
    return List.copyOf(commands);
  }

  /** Only the calls that changed the state (off to on, on to off). */
  public synchronized List<Command> changes() {
    List<Command> changes = new ArrayList<>();
    boolean state = false;
    for (Command command : commands) {
      if (command.on() != state) {
        changes.add(command);
        state = command.on();
      }
    }
    return changes;
  }

  /** Total time commanded on so far, s (up to now if still on). */
  public synchronized double onSeconds() {
    long total = onNanosTotal + (commandedOn ? clock.nanos() - onSinceNanos : 0);
    return total / 1e9;
  }

  /** From now on every {@link #set} throws {@code failure}; null to heal. */
  public synchronized void failWith(RuntimeException failure) {
    this.failure = failure;
  }

  /** Waits (real time) until the relay is commanded {@code on}; false on timeout. */
  public synchronized boolean awaitCommanded(boolean on, long timeoutMillis)
      throws InterruptedException {
    long deadline = System.nanoTime() + timeoutMillis * 1_000_000L;
    while (commandedOn != on) {
      long leftMillis = (deadline - System.nanoTime()) / 1_000_000L;
      if (leftMillis <= 0) {
        return false;
      }
      wait(leftMillis);
    }
    return true;
  }
}
