package com.smarttoaster.taste;

import com.smarttoaster.control.TargetAdjustment;
import com.smarttoaster.history.Rating;
import com.smarttoaster.toast.BreadType;
import com.smarttoaster.toast.Shade;
import com.smarttoaster.toast.ToastMode;
import com.smarttoaster.toast.ToastSettings;
import java.io.IOException;
import java.util.Collections;
import java.util.EnumMap;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The household's taste, per bread type, learned from its ratings ({@link TasteEntry} has the rule)
 * and kept apart from the shared model: the model is never retrained on the device, the shade it is
 * asked for moves instead. Applied to every browning cycle (toast, bagel, defrost), not to reheat,
 * which only warms toast already made. The shade asked for stays on the knob's scale (a knob at 7
 * with +1 still predicts for 7), so the request never leaves the model card's envelope, and the
 * guard's per-mode limits and the supervisor act on the time as on any other.
 *
 * <p>Stored in a {@link TasteFile} when given one, after every change; a file changed by someone
 * else ({@code taste reset} while the service runs) is read again before the next cycle.
 * Thread-safe.
 */
public final class TasteBook implements TargetAdjustment {
  private static final Logger log = LoggerFactory.getLogger(TasteBook.class);

  /** Null when the taste lives in memory only. */
  private final @Nullable TasteFile file;

  private final Map<BreadType, TasteEntry> entries = new EnumMap<>(BreadType.class);
  private long fileMillis = -1;

  private TasteBook(@Nullable TasteFile file) {
    this.file = file;
  }

  /** A taste kept in memory only (simulations, an appliance without a state directory). */
  public static TasteBook inMemory() {
    return new TasteBook(null);
  }

  /**
   * The taste stored in {@code file}; a file that cannot be read is logged and the taste starts
   * neutral.
   */
  public static TasteBook stored(TasteFile file) {
    TasteBook b = new TasteBook(file);
    synchronized (b) {
      b.reload(file);
    }
    return b;
  }

  /** The entry for one bread type ({@link TasteEntry#NEUTRAL} when nothing was learned). */
  public synchronized TasteEntry entry(BreadType bread) {
    return entries.getOrDefault(bread, TasteEntry.NEUTRAL);
  }

  /** Every bread type with a learned entry. */
  public synchronized Map<BreadType, TasteEntry> all() {
    return Collections.unmodifiableMap(new EnumMap<>(entries));
  }

  /** Learns from one rating of a cycle with this bread; returns the entry now in force. */
  public synchronized TasteEntry learn(BreadType bread, Rating rating) {
    TasteEntry before = entry(bread);
    TasteEntry after = before.after(rating);
    put(bread, after);
    if (after.offset() != before.offset()) {
      log.info("Taste for {}: {} after '{}' ratings", bread.id(), after.describe(), rating.id());
    }
    return after;
  }

  /**
   * Puts an entry back as it was (a rating changed within its window is learned once, not twice).
   */
  public synchronized void restore(BreadType bread, TasteEntry entry) {
    put(bread, entry);
  }

  /** Forgets everything learned. */
  public synchronized void reset() {
    entries.clear();
    save();
    log.info("Taste reset: no offsets");
  }

  /** Where the taste is stored, or null when it lives in memory only. */
  public @Nullable TasteFile file() {
    return file;
  }

  @Override
  public synchronized ToastSettings forPrediction(ToastSettings asked) {
    if (asked.mode() == ToastMode.REHEAT) {
      return asked;
    }
    reloadIfChanged();
    int offset = entry(asked.bread()).offset();
    int shade = Math.max(Shade.LIGHTEST, Math.min(Shade.DARKEST, asked.shade() + offset));
    return shade == asked.shade() ? asked : asked.withShade(shade);
  }

  private void put(BreadType bread, TasteEntry e) {
    if (e.equals(TasteEntry.NEUTRAL)) {
      entries.remove(bread);
    } else {
      entries.put(bread, e);
    }
    save();
  }

  private void save() {
    if (file == null) {
      return;
    }
    try {
      file.write(entries);
      fileMillis = file.lastModifiedMillis();
    } catch (IOException e) {
      log.warn(
          "Taste could not be stored in {} ({}); it holds until the toaster restarts",
          file.path(),
          e.getMessage());
    }
  }

  private void reloadIfChanged() {
    if (file != null && file.lastModifiedMillis() != fileMillis) {
      reload(file);
    }
  }

  private void reload(TasteFile from) {
    fileMillis = from.lastModifiedMillis();
    entries.clear();
    try {
      entries.putAll(from.read());
    } catch (TasteFileException e) {
      log.warn(
          "{}; starting with no taste offsets (rate a few toasts to learn them again)",
          e.getMessage());
    }
  }
}
