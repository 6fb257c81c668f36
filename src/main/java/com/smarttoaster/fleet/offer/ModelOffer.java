package com.smarttoaster.fleet.offer;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.smarttoaster.modellife.ModelBundle;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * A retained offer on {@code fleet/offer/<deviceId>} (docs/fleet.md):
 *
 * <ul>
 *   <li>{@code install}: a bundle of {@code version}, {@code bytes} long with SHA-256 {@code
 *       sha256}, published in {@code parts} retained parts on {@code fleet/bundle/<version>/<i>};
 *       the device installs it as a candidate and activates it after its promotion check;
 *   <li>{@code revert}: make {@code version} (an installed one, or {@code factory}) active again.
 * </ul>
 *
 * Nothing in an offer is trusted: the bundle's Ed25519 signature with the fleet key decides, and
 * the SHA-256 only tells which parts belong together.
 */
public record ModelOffer(
    String rollout, String action, String version, @Nullable String sha256, int bytes, int parts) {
  public static final String INSTALL = "install";
  public static final String REVERT = "revert";
  public static final String OFFER_PREFIX = "fleet/offer/";
  public static final String BUNDLE_PREFIX = "fleet/bundle/";
  static final int MAX_OFFER_BYTES = 1024;
  private static final Pattern NAME = Pattern.compile("[A-Za-z0-9._-]{1,80}");
  private static final Pattern SHA = Pattern.compile("[0-9a-f]{64}");
  private static final ObjectMapper JSON = new ObjectMapper();

  public static ModelOffer install(
      String rollout, String version, String sha256, int bytes, int parts) {
    return new ModelOffer(rollout, INSTALL, version, sha256, bytes, parts);
  }

  public static ModelOffer revert(String rollout, String version) {
    return new ModelOffer(rollout, REVERT, version, null, 0, 0);
  }

  public static String offerTopic(String deviceId) {
    return OFFER_PREFIX + deviceId;
  }

  public static String partTopic(String version, int index) {
    return BUNDLE_PREFIX + version + "/" + index;
  }

  public byte[] toJson() {
    ObjectNode n = JSON.createObjectNode();
    n.put("rollout", rollout);
    n.put("action", action);
    n.put("version", version);
    if (INSTALL.equals(action)) {
      n.put("sha256", sha256);
      n.put("bytes", bytes);
      n.put("parts", parts);
    }
    return n.toString().getBytes(StandardCharsets.UTF_8);
  }

  /**
   * @throws IllegalArgumentException naming the field, its value and the rule
   */
  public static ModelOffer parse(byte[] payload) {
    if (payload.length > MAX_OFFER_BYTES) {
      throw new IllegalArgumentException(
          "offer is " + payload.length + " bytes, more than " + MAX_OFFER_BYTES);
    }
    JsonNode n;
    try {
      n = JSON.readTree(payload);
    } catch (IOException e) {
      throw new IllegalArgumentException("offer is not JSON");
    }
    if (n == null || !n.isObject()) {
      throw new IllegalArgumentException("offer is not a JSON object");
    }
    String rollout = name(n, "rollout");
    String action = n.path("action").asText("");
    String version = name(n, "version");
    if (REVERT.equals(action)) {
      return revert(rollout, version);
    }
    if (!INSTALL.equals(action)) {
      throw new IllegalArgumentException(
          "offer action '" + action + "' is neither install nor revert");
    }
    String sha = n.path("sha256").asText("");
    if (!SHA.matcher(sha).matches()) {
      throw new IllegalArgumentException(
          "offer sha256 '" + sha + "' is not 64 lower-case hex digits");
    }
    int bytes = whole(n, "bytes", 1, ModelBundle.MAX_BUNDLE_BYTES);
    int parts = whole(n, "parts", 1, BundleParts.MAX_PARTS);
    return install(rollout, version, sha, bytes, parts);
  }

  private static String name(JsonNode n, String field) {
    String v = n.path(field).asText("");
    if (!NAME.matcher(v).matches()) {
      throw new IllegalArgumentException(
          "offer " + field + " '" + v + "' is not 1-80 of A-Z a-z 0-9 . _ -");
    }
    return v;
  }

  private static int whole(JsonNode n, String field, long min, long max) {
    JsonNode v = n.get(field);
    if (v == null || !v.isIntegralNumber() || v.asLong() < min || v.asLong() > max) {
      throw new IllegalArgumentException(
          "offer " + field + " " + v + " is not a whole number within " + min + ".." + max);
    }
    return v.asInt();
  }
}
