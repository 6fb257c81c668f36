package com.smarttoaster.dataset;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;

/** Seed arithmetic: one independent seed per row, and a row seed for a recorded cycle's id. */
public final class SeedMix {
  private static final long GOLDEN_GAMMA = 0x9E37_79B9_7F4A_7C15L;

  private SeedMix() {}

  /** A 64-bit finaliser (SplitMix64's): nearby inputs give unrelated outputs. */
  static long mix(long z) {
    z = (z ^ (z >>> 30)) * 0xBF58_476D_1CE4_E5B9L;
    z = (z ^ (z >>> 27)) * 0x94D0_49BB_1331_11EBL;
    return z ^ (z >>> 31);
  }

  /** The seed of row {@code index} of a dataset generated from {@code datasetSeed}. */
  public static long rowSeed(long datasetSeed, long index) {
    return mix(mix(datasetSeed) + (index + 1) * GOLDEN_GAMMA);
  }

  /**
   * A row seed derived from a text id (a recorded cycle's id): the first 8 bytes of its SHA-256.
   */
  static long fromText(String id) {
    byte[] h = Sha256.of(id.getBytes(StandardCharsets.UTF_8));
    long v = 0;
    for (int i = 0; i < 8; i++) {
      v = (v << 8) | (h[i] & 0xFF);
    }
    return v;
  }

  /** SHA-256 without checked exceptions (every JVM has it). */
  static final class Sha256 {
    private Sha256() {}

    static byte[] of(byte[] data) {
      try {
        return MessageDigest.getInstance("SHA-256").digest(data);
      } catch (NoSuchAlgorithmException e) {
        throw new IllegalStateException("this JVM has no SHA-256", e);
      }
    }
  }
}
