package com.smarttoaster.modellife;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.CRC32;
import java.util.zip.ZipEntry;
import java.util.zip.ZipException;
import java.util.zip.ZipInputStream;
import java.util.zip.ZipOutputStream;

/**
 * A model bundle ({@code .toastmodel}): a zip file of exactly four stored (uncompressed) entries,
 * in this order:
 *
 * <ol>
 *   <li>{@value #MANIFEST}: UTF-8 JSON naming the format, the model version and the SHA-256 of the
 *       model and of the card ({@link BundleManifest});
 *   <li>{@value #SIGNATURE}: the 64-byte Ed25519 signature of the manifest's bytes, exactly as
 *       stored;
 *   <li>{@value #MODEL}: the network;
 *   <li>{@value #CARD}: its model card, sealed by the trainer.
 * </ol>
 *
 * <p>Why a signed manifest rather than a signature over the two files directly: it covers model and
 * card together just the same (both hashes, one signature), and after the signature checks out a
 * changed part can be named ("the card was changed after signing") instead of "something is wrong".
 * Why zip: {@code unzip -l} shows what is inside; entries are stored, not deflated, so a damaged
 * byte is caught by the zip's own CRC or by the hashes, never by an inflater deep in a library.
 *
 * <p>The fallback table ({@code fallback-table.json}) is <em>not</em> in a bundle: it is the
 * checker beside the model and the safety net when a bundle is refused, so it ships with the
 * firmware (the jar), reviewed like code; a model bundle can never change what checks the model.
 *
 * <p>This class only splits and joins the container; it trusts nothing. {@link BundleVerifier}
 * decides.
 */
public record ModelBundle(byte[] manifest, byte[] signature, byte[] model, byte[] card) {
  public static final String EXTENSION = ".toastmodel";
  public static final String MANIFEST = "manifest.json";
  public static final String SIGNATURE = "manifest.sig";
  public static final String MODEL = "toast-time.tflite";
  public static final String CARD = "toast-time.card.json";
  static final List<String> ENTRIES = List.of(MANIFEST, SIGNATURE, MODEL, CARD);

  /** Larger files are refused before they are opened: the model is about 10 kB. */
  public static final long MAX_BUNDLE_BYTES = 16L << 20;

  private static final Map<String, Integer> MAX_ENTRY_BYTES =
      Map.of(MANIFEST, 64 << 10, SIGNATURE, 64, MODEL, 12 << 20, CARD, 1 << 20);

  /**
   * Splits a bundle file's bytes into its four parts.
   *
   * @param name the file's name, for messages
   * @throws BundleException naming the entry or the structure that is wrong
   */
  public static ModelBundle read(byte[] bytes, String name) throws BundleException {
    if (bytes.length > MAX_BUNDLE_BYTES) {
      throw new BundleException(
          "bundle "
              + name
              + " is "
              + bytes.length
              + " bytes, more than the "
              + MAX_BUNDLE_BYTES
              + " a model bundle may have");
    }
    Map<String, byte[]> parts = new LinkedHashMap<>();
    String entryName = null;
    try (ZipInputStream zip = new ZipInputStream(new ByteArrayInputStream(bytes))) {
      for (ZipEntry e; (e = zip.getNextEntry()) != null; ) {
        entryName = e.getName();
        Integer maxBytes = MAX_ENTRY_BYTES.get(entryName);
        if (maxBytes == null) {
          throw new BundleException(
              "bundle "
                  + name
                  + " has an unexpected entry '"
                  + entryName
                  + "'; a bundle holds "
                  + ENTRIES
                  + " and nothing else");
        }
        if (parts.containsKey(entryName)) {
          throw new BundleException("bundle " + name + " has the entry " + entryName + " twice");
        }
        parts.put(entryName, readAtMost(zip, maxBytes, name, entryName));
      }
    } catch (ZipException e) {
      throw new BundleException(
          "bundle "
              + name
              + (entryName == null
                  ? " is not a valid bundle (zip)"
                  : ": entry " + entryName + " is damaged")
              + ": "
              + e.getMessage());
    } catch (IOException e) {
      throw new BundleException(
          "bundle " + name + " cannot be read as a zip file: " + e.getMessage());
    }
    return new ModelBundle(
        part(parts, MANIFEST, name),
        part(parts, SIGNATURE, name),
        part(parts, MODEL, name),
        part(parts, CARD, name));
  }

  private static byte[] part(Map<String, byte[]> parts, String entry, String name)
      throws BundleException {
    byte[] data = parts.get(entry);
    if (data == null) {
      throw new BundleException(
          "bundle "
              + name
              + " has no "
              + entry
              + (parts.isEmpty()
                  ? " (it is empty or not a model bundle)"
                  : "; it holds only " + parts.keySet()));
    }
    return data;
  }

  private static byte[] readAtMost(InputStream in, int max, String name, String entry)
      throws IOException, BundleException {
    byte[] data = in.readNBytes(max + 1);
    if (data.length > max) {
      throw new BundleException(
          "bundle " + name + ": entry " + entry + " is larger than its limit of " + max + " bytes");
    }
    return data;
  }

  /** The bundle as a zip file: the four entries stored in order, with a fixed timestamp. */
  public byte[] toBytes() {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try (ZipOutputStream zip = new ZipOutputStream(out)) {
      byte[][] data = {manifest, signature, model, card};
      for (int i = 0; i < ENTRIES.size(); i++) {
        ZipEntry e = new ZipEntry(ENTRIES.get(i));
        CRC32 crc = new CRC32();
        crc.update(data[i]);
        e.setMethod(ZipEntry.STORED);
        e.setSize(data[i].length);
        e.setCompressedSize(data[i].length);
        e.setCrc(crc.getValue());
        e.setTime(0); // the same inputs give the same file
        zip.putNextEntry(e);
        zip.write(data[i]);
        zip.closeEntry();
      }
    } catch (IOException e) {
      throw new IllegalStateException("writing to memory does not fail", e);
    }
    return out.toByteArray();
  }
}
