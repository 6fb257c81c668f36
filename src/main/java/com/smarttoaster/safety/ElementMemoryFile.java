package com.smarttoaster.safety;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Objects;
import java.util.Optional;

/**
 * The energy-balance observer's element memory ({@link EnergyBalanceCheck.ElementMemory}) on disk,
 * {@value #FILE_NAME} beside the latched fault: replaced ({@link DurableFile}) each time the
 * supervisor switches the heater off, read back when a new supervisor starts. Without it a service
 * restarted between two batches tripped SENSOR_DRIFT on the second when it came within about 30 s
 * of the first's end (README, "A restarted controller").
 */
public final class ElementMemoryFile {
  /** The file in the state directory. */
  public static final String FILE_NAME = "element-memory.json";

  /** After this long with the heater off the memory is gone (under 10⁻¹⁰ of it is left), s. */
  static final double FADED_S = 300.0;

  static final int FORMAT_VERSION = 1;
  private static final ObjectMapper JSON = new ObjectMapper();

  private final DurableFile file;
  private final Clock wallClock;

  private ElementMemoryFile(DurableFile file, Clock wallClock) {
    this.file = file;
    this.wallClock = wallClock;
  }

  /** The file in {@code stateDirectory} (which must exist), stamped with {@code wallClock}. */
  public static ElementMemoryFile in(Path stateDirectory, Clock wallClock) {
    return new ElementMemoryFile(
        new DurableFile(
            Objects.requireNonNull(stateDirectory, "stateDirectory").resolve(FILE_NAME)),
        Objects.requireNonNull(wallClock, "wallClock"));
  }

  public Path path() {
    return file.path();
  }

  /** Replaces the record: the heater went off now with this memory. */
  void save(EnergyBalanceCheck.ElementMemory atHeatOff) throws IOException {
    ObjectNode node = JSON.createObjectNode();
    node.put("version", FORMAT_VERSION);
    node.put("heatOffAt", Instant.now(wallClock).toString());
    node.put("drive", atHeatOff.drive());
    node.put("air", atHeatOff.air());
    file.writeJson(node);
  }

  /** A stored memory and how long ago, by the wall clock, the heater went off with it. */
  record Restored(EnergyBalanceCheck.ElementMemory atHeatOff, double offForS) {}

  /**
   * The stored memory if it still matters: empty when there is none, when it has faded, or when it
   * is stamped after the wall clock's now (a clock not yet set after a power cut).
   *
   * @throws IOException naming the file and the problem when it cannot be read or understood
   */
  Optional<Restored> load() throws IOException {
    Optional<JsonNode> stored = file.readJson("element memory");
    if (stored.isEmpty()) {
      return Optional.empty();
    }
    JsonNode node = stored.get();
    if (node == null || !node.isObject() || node.path("version").asInt(-1) != FORMAT_VERSION) {
      throw new IOException(
          file.path() + " is not an element memory of format version " + FORMAT_VERSION);
    }
    Instant off;
    try {
      off = Instant.parse(node.path("heatOffAt").asText(""));
    } catch (DateTimeParseException e) {
      throw new IOException(file.path() + ": heatOffAt is not an ISO-8601 instant", e);
    }
    double drive = unit(node, "drive");
    double air = unit(node, "air");
    double offForS = Duration.between(off, Instant.now(wallClock)).toNanos() / 1e9;
    if (offForS < 0 || offForS >= FADED_S) {
      return Optional.empty();
    }
    return Optional.of(new Restored(new EnergyBalanceCheck.ElementMemory(drive, air), offForS));
  }

  private double unit(JsonNode node, String field) throws IOException {
    JsonNode v = node.get(field);
    if (v == null || !v.isNumber() || !(v.asDouble() >= 0 && v.asDouble() <= 1)) {
      throw new IOException(
          file.path() + ": " + field + " " + v + " is not a number within 0 to 1");
    }
    return v.asDouble();
  }
}
