package com.smarttoaster.fleet.offer;

import com.smarttoaster.modellife.ModelBundle;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;

/**
 * A bundle cut into retained MQTT messages small enough for a toaster: it tells the broker never to
 * send it a packet over 16 KiB (remote.PahoTransport), and a bundle is bigger than that. Parts of
 * {@value #PART_BYTES} bytes leave room for the topic and the MQTT header.
 *
 * <p>An instance gathers the parts of one offer on the device; it holds at most {@code bytes} bytes
 * and refuses parts that do not fit the offer.
 */
public final class BundleParts {
  public static final int PART_BYTES = 12 * 1024;
  public static final int MAX_PARTS =
      (int) ((ModelBundle.MAX_BUNDLE_BYTES + PART_BYTES - 1) / PART_BYTES);

  private final ModelOffer offer;
  private final byte[][] parts;

  BundleParts(ModelOffer offer) {
    this.offer = offer;
    this.parts = new byte[offer.parts()][];
  }

  /** The parts of a bundle file, in order. */
  public static List<byte[]> split(byte[] bundle) {
    List<byte[]> out = new ArrayList<>();
    for (int at = 0; at < bundle.length; at += PART_BYTES) {
      out.add(Arrays.copyOfRange(bundle, at, Math.min(bundle.length, at + PART_BYTES)));
    }
    return out;
  }

  public static String sha256(byte[] bytes) {
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every Java runtime has SHA-256", e);
    }
  }

  ModelOffer offer() {
    return offer;
  }

  /** Keeps part {@code index}; false (and nothing kept) when it cannot belong to the offer. */
  boolean add(int index, byte[] data) {
    if (index < 0 || index >= parts.length || data.length > PART_BYTES) {
      return false;
    }
    parts[index] = data;
    return true;
  }

  /** The bundle once every part is there and their SHA-256 is the offer's; empty until then. */
  Optional<byte[]> complete() {
    int total = 0;
    for (byte[] p : parts) {
      if (p == null) {
        return Optional.empty();
      }
      total += p.length;
    }
    if (total != offer.bytes()) {
      return Optional.empty();
    }
    byte[] all = new byte[total];
    int at = 0;
    for (byte[] p : parts) {
      System.arraycopy(p, 0, all, at, p.length);
      at += p.length;
    }
    return sha256(all).equals(offer.sha256()) ? Optional.of(all) : Optional.empty();
  }
}
