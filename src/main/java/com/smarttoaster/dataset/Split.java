package com.smarttoaster.dataset;

import java.util.Locale;

/**
 * Which part of the dataset a row belongs to. Decided by a hash of the row's own seed alone (80 /
 * 10 / 10), never by its position or its label, so a row lands in the same split whatever else is
 * in the file, and rows drawn independently cannot leak into each other's split.
 */
public enum Split {
  TRAIN,
  VALIDATION,
  TEST;

  /** Percent of rows in {@link #TRAIN}; the rest is shared equally by validation and test. */
  static final int TRAIN_PERCENT = 80;

  static final int VALIDATION_PERCENT = 10;

  /** Salt so the split hash is independent of the random stream that the same seed drives. */
  private static final long SPLIT_SALT = 0x5EED_5B17_0000_0003L;

  /** The split of a row whose own seed is {@code rowSeed}. */
  public static Split forRowSeed(long rowSeed) {
    int bucket = (int) Long.remainderUnsigned(SeedMix.mix(rowSeed ^ SPLIT_SALT), 100);
    if (bucket < TRAIN_PERCENT) {
      return TRAIN;
    }
    return bucket < TRAIN_PERCENT + VALIDATION_PERCENT ? VALIDATION : TEST;
  }

  /** The lower-case name used in the CSV. */
  public String id() {
    return name().toLowerCase(Locale.ROOT);
  }

  public static Split fromId(String id) {
    for (Split s : values()) {
      if (s.id().equals(id)) {
        return s;
      }
    }
    throw new IllegalArgumentException("split '" + id + "' is not one of train, validation, test");
  }
}
