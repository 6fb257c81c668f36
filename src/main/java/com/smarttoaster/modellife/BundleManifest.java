package com.smarttoaster.modellife;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * What a bundle's signature covers: the bundle format, the model version and the SHA-256 of the
 * model and of the card. Read only after the signature over its bytes has been checked.
 */
public record BundleManifest(
    String format, int formatVersion, String modelVersion, String modelSha256, String cardSha256) {
  public static final String FORMAT = "smart-toaster-model-bundle";
  public static final int FORMAT_VERSION = 1;
  private static final ObjectMapper JSON =
      new ObjectMapper().configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, true);

  /** The manifest's bytes as the signer writes them. */
  public byte[] toBytes() {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("format", format);
    m.put("formatVersion", formatVersion);
    m.put("modelVersion", modelVersion);
    m.put("modelSha256", modelSha256);
    m.put("cardSha256", cardSha256);
    try {
      return (JSON.writerWithDefaultPrettyPrinter().writeValueAsString(m) + "\n")
          .getBytes(StandardCharsets.UTF_8);
    } catch (JacksonException e) {
      throw new IllegalStateException("a map of strings always serialises", e);
    }
  }

  /**
   * @throws BundleException when the (signed) manifest is not one this build reads
   */
  static BundleManifest parse(byte[] bytes) throws BundleException {
    BundleManifest m;
    try {
      m = JSON.readValue(bytes, BundleManifest.class);
    } catch (java.io.IOException e) {
      throw new BundleException(
          "manifest.json is signed but is not a manifest this build reads: "
              + (e instanceof JacksonException j ? j.getOriginalMessage() : e.getMessage()));
    }
    if (!FORMAT.equals(m.format()) || m.formatVersion() != FORMAT_VERSION) {
      throw new BundleException(
          "manifest.json describes format "
              + m.format()
              + " version "
              + m.formatVersion()
              + "; this build reads "
              + FORMAT
              + " version "
              + FORMAT_VERSION);
    }
    if (m.modelSha256() == null || m.cardSha256() == null) {
      throw new BundleException("manifest.json lacks modelSha256 or cardSha256");
    }
    return m;
  }
}
