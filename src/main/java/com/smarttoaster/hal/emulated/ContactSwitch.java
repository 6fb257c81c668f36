package com.smarttoaster.hal.emulated;

import com.smarttoaster.hal.Clock;
import java.util.Map;
import java.util.TreeMap;

/**
 * A mechanical contact to ground on a pulled-up GPIO (a tact button, the lever microswitch, one
 * channel of the shade encoder), with contact bounce. Its closings and openings are scheduled on
 * the {@link Clock}; the pin reads it when the software samples it, so the bounce is seen exactly
 * as a fast or slow scan would see it.
 *
 * <p>Bounce: for {@code bounceS} after each change the contact chatters, alternating every {@value
 * #CHATTER_S} s between the new and the old state, starting with the new one. Ganssle's
 * measurements of common switches ("A Guide to Debouncing", 2004) found bounce of a few ms, rarely
 * above 6 ms; debouncing must ride it out (pi.debounceS, 20 ms by default).
 */
public final class ContactSwitch implements GpioHeader.Circuit {
  /** Half-period of the chatter during a bounce, s. */
  static final double CHATTER_S = 0.0003;

  private final Clock clock;
  private final long bounceNanos;
  private final long chatterNanos = Math.round(CHATTER_S * 1e9);

  /** Scheduled changes: time → closed after it. */
  private final TreeMap<Long, Boolean> changes = new TreeMap<>();

  private final boolean initiallyClosed;

  public ContactSwitch(Clock clock, double bounceS, boolean initiallyClosed) {
    this.clock = clock;
    this.bounceNanos = Math.round(bounceS * 1e9);
    this.initiallyClosed = initiallyClosed;
  }

  /**
   * From {@code atNanos} on the contact is {@code closed} (after its bounce); no change if it
   * already is.
   */
  public synchronized void set(long atNanos, boolean closed) {
    if (closedAfterAll() != closed) {
      changes.put(Math.max(atNanos, changes.isEmpty() ? atNanos : changes.lastKey() + 1), closed);
    }
  }

  /** Closes at {@code atNanos} and opens {@code holdS} later (a press held that long). */
  public synchronized void press(long atNanos, double holdS) {
    set(atNanos, true);
    set(Math.max(atNanos, lastChangeNanos()) + Math.round(holdS * 1e9), false);
  }

  /** Time of the last scheduled change, or {@link Long#MIN_VALUE} when none was ever scheduled. */
  public synchronized long lastChangeNanos() {
    return changes.isEmpty() ? Long.MIN_VALUE : changes.lastKey();
  }

  /** True when the contact touches at {@code nanos} (bounce included). */
  public synchronized boolean isClosedAt(long nanos) {
    Map.Entry<Long, Boolean> last = changes.floorEntry(nanos);
    if (last == null) {
      return initiallyClosed;
    }
    long since = nanos - last.getKey();
    if (since >= bounceNanos) {
      forgetBefore(last.getKey());
      return last.getValue();
    }
    boolean before = !last.getValue();
    return (since / chatterNanos) % 2 == 0 ? last.getValue() : before;
  }

  /** Closed, the contact sinks its pulled-up pin; open, it lets the pull-up decide. */
  @Override
  public boolean sinks() {
    return isClosedAt(clock.nanos());
  }

  private boolean closedAfterAll() {
    return changes.isEmpty() ? initiallyClosed : changes.lastEntry().getValue();
  }

  /** Settled changes before the last one no longer matter. */
  private void forgetBefore(long key) {
    while (!changes.isEmpty() && changes.firstKey() < key) {
      changes.pollFirstEntry();
    }
  }
}
