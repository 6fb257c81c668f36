package com.smarttoaster.safety;

import com.smarttoaster.hal.CarriageLatch;
import com.smarttoaster.hal.HeaterSwitch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.ReentrantLock;
import org.slf4j.Logger;

/**
 * Writes the heater relay and the carriage magnet, outside the supervisor's lock. A GPIO write can
 * block (a hung kernel driver, a stuck SPI/I²C expander); if it did so under the supervisor's lock,
 * the controller's lease renewal would block too and nobody could latch the fault. Here the
 * supervisor only records what the outputs should be ({@link #want}, under its lock, in the order
 * the decisions were made); every thread then calls {@link #write()} after releasing its lock.
 *
 * <p>Only one thread writes at a time, and it always writes the newest wish, so an older decision
 * can never overwrite a newer one. A thread that finds another one writing does not wait: the
 * writer re-reads the wish after each write and applies what came in meanwhile. So a write that
 * hangs blocks only the thread that started it (the supervisor loop, which then stops toggling the
 * hardware dead-man: heat and magnet drop within its timeout), while the controller's thread still
 * returns from {@code renewLease()} and latches the fault it sees.
 *
 * <p>Order of a write: switching off, the heater first and the carriage release even if that
 * throws; switching on, the carriage hold before the heater. The relay is written on every write (a
 * refresh); the magnet only when its wish changed or a release must be repeated.
 */
final class OutputWriter {
  /** What the carriage magnet should do. */
  enum Magnet {
    HOLD,
    RELEASE,
    /** Leave it as it is: a start is writing the hold itself (see {@link #holdNow}). */
    LEAVE
  }

  /** What the outputs should be; {@code generation} grows with every wish. */
  private record Wish(boolean heaterOn, Magnet magnet, boolean releaseAgain, long generation) {}

  private final HeaterSwitch heater;
  private final CarriageLatch latch;
  private final ReentrantLock writing = new ReentrantLock();
  private volatile Wish wish = new Wish(false, Magnet.RELEASE, false, 0);

  /** Written only while holding writing; read by anyone. */
  private volatile long writtenGeneration = -1;

  /**
   * Guarded by writing: the last magnet command written (the supervisor's constructor released it).
   */
  private boolean holdWritten = false;

  OutputWriter(HeaterSwitch heater, CarriageLatch latch) {
    this.heater = heater;
    this.latch = latch;
  }

  /**
   * Records the outputs wanted now. Caller holds the supervisor's lock, so wishes are ordered as
   * the decisions were. A wish equal to the last one is dropped unless {@code refresh} (the loop
   * rewrites the relay on every tick), so the controller's calls write a port only when something
   * changed.
   *
   * @param releaseAgain write the release even if it was written before (the magnet reads held)
   */
  void want(boolean heaterOn, Magnet magnet, boolean releaseAgain, boolean refresh) {
    Wish last = wish;
    boolean same = last.heaterOn() == heaterOn && last.magnet() == magnet && !releaseAgain;
    if (same && !refresh) {
      return;
    }
    wish = new Wish(heaterOn, magnet, releaseAgain, last.generation() + 1);
  }

  /**
   * Applies the newest wish unless another thread is writing (it will apply it). Call without the
   * supervisor's lock. Throws what a port threw, after trying the rest of the write.
   */
  void write() {
    while (wish.generation() > writtenGeneration) {
      if (!writing.tryLock()) {
        return; // the writer re-reads the wish after its write, and sees ours
      }
      try {
        Wish w = wish;
        writtenGeneration = w.generation();
        apply(w);
      } finally {
        writing.unlock();
      }
    }
  }

  /**
   * The fail-safe after a failed tick: heater off; if that throws, the carriage released (its mains
   * contacts are the second switch). Never throws, never waits: if another thread is writing (and
   * may hang there), this one leaves the outputs to it and the hardware dead-man, which stops being
   * retriggered while the loop is stuck.
   *
   * @return true when the carriage had to be released because the heater could not be switched off
   */
  boolean cutHeatNow(Logger log) {
    if (!writing.tryLock()) {
      log.error(
          "Fail-safe: another thread is writing the outputs; heat off is left to it and the dead-man");
      return false;
    }
    try {
      try {
        heater.set(false);
        return false;
      } catch (RuntimeException heaterFailure) {
        log.error("Could not switch the heater off; releasing the carriage", heaterFailure);
        try {
          latch.release();
          holdWritten = false;
        } catch (RuntimeException latchFailure) {
          log.error("Could not release the carriage either", latchFailure);
        }
        return true;
      }
    } finally {
      writing.unlock();
    }
  }

  /**
   * Holds the magnet now (the start of a cycle needs to know at once whether it held), unless
   * another thread is writing and does not finish within {@code waitMillis} (then it may be
   * hanging).
   *
   * @return false when the hold could not be written
   */
  boolean holdNow(long waitMillis) {
    try {
      if (!writing.tryLock(waitMillis, TimeUnit.MILLISECONDS)) {
        return false;
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return false;
    }
    try {
      latch.hold();
      holdWritten = true;
      return true;
    } finally {
      writing.unlock();
    }
  }

  private void apply(Wish w) {
    if (!w.heaterOn()) {
      try {
        heater.set(false);
      } finally {
        writeMagnet(w);
      }
    } else {
      writeMagnet(w);
      heater.set(true);
    }
  }

  private void writeMagnet(Wish w) {
    if (w.magnet() == Magnet.LEAVE) {
      return;
    }
    if (w.magnet() == Magnet.HOLD) {
      if (!holdWritten) {
        latch.hold();
        holdWritten = true;
      }
    } else if (holdWritten || w.releaseAgain()) {
      latch.release();
      holdWritten = false;
    }
  }
}
