package com.smarttoaster.safety.fakes;

import com.smarttoaster.hal.CarriageLatch;

/**
 * The carriage lever and its hold-down magnet. The lever starts up. {@link #hold()} works only with
 * the lever down; {@link #release()} lets the carriage spring up, which also lifts the lever.
 * Thread-safe.
 */
public final class FakeCarriageLatch implements CarriageLatch {
  private boolean leverDown;
  private boolean held;
  private int holdCount;
  private int releaseCount;
  private RuntimeException leverFailure;

  /** The user presses the lever down (bread in). */
  public synchronized void pressLever() {
    leverDown = true;
  }

  /** The user pulls the lever up by hand; the magnet stays energised until released. */
  public synchronized void liftLever() {
    leverDown = false;
  }

  /** From now on {@link #isLeverDown()} throws {@code failure}; null to heal. */
  public synchronized void failLeverReadsWith(RuntimeException failure) {
    this.leverFailure = failure;
  }

  @Override
  public synchronized void hold() {
    holdCount++;
    if (leverDown) {
      held = true;
    }
  }

  @Override
  public synchronized void release() {
    releaseCount++;
    held = false;
    leverDown = false;
  }

  @Override
  public synchronized boolean isHeld() {
    return held;
  }

  @Override
  public synchronized boolean isLeverDown() {
    if (leverFailure != null) {
      throw leverFailure;
    }
    return leverDown;
  }

  public synchronized int holdCount() {
    return holdCount;
  }

  public synchronized int releaseCount() {
    return releaseCount;
  }
}
