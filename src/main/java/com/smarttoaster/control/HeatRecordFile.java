package com.smarttoaster.control;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.smarttoaster.predict.HeatHistory;
import com.smarttoaster.predict.StoredHeat;
import com.smarttoaster.safety.DurableFile;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Objects;
import java.util.Optional;

/**
 * The controller's memory of its own heating, on disk ({@value #FILE_NAME} in the service's state
 * directory), so that a restarted service still knows the heat its last cycles left in the toaster.
 * In memory only, a crash, an update or a power blip between two batches made the second look like
 * a cold toaster's first: the predictor was told no earlier cycle while the boards still held
 * hundreds of degrees (README, "A restarted controller").
 *
 * <p>One record, replaced ({@link DurableFile}) at the end of every cycle that heated: when its
 * heat stopped by the wall clock (the controller's own clock is monotonic and starts again with
 * each process), how long it heated, and the thermal history's state at that moment ({@link
 * HeatHistory#atLastHeatEnd}).
 */
public final class HeatRecordFile {
  /** The file in the state directory. */
  public static final String FILE_NAME = "last-heat.json";

  static final int FORMAT_VERSION = 1;

  /**
   * Largest heating time a record may state, s: above any supervisor's maximum heating time, so
   * only a corrupt record is refused by it.
   */
  static final double MAX_HEAT_S = 3600.0;

  /**
   * Largest power share a stored heat may reflect: (175 V / 120 V)², a config's mains the farthest
   * from the element it picks (the nearest of 120 and 230 V), rounded up. A part holds at most its
   * time constant times the share.
   */
  static final double MAX_POWER_SHARE = 2.25;

  private static final ObjectMapper JSON = new ObjectMapper();

  private final DurableFile file;
  private final Clock wallClock;

  /**
   * What the file holds.
   *
   * @param heatEndedAt when the last cycle's heat stopped, by the wall clock
   * @param lastHeatS how long that cycle heated, s
   * @param atHeatEnd the heat every cycle until then left in the toaster, at that moment
   */
  public record HeatRecord(Instant heatEndedAt, double lastHeatS, StoredHeat atHeatEnd) {
    public HeatRecord {
      Objects.requireNonNull(heatEndedAt, "heatEndedAt");
      Objects.requireNonNull(atHeatEnd, "atHeatEnd");
    }
  }

  /** The file exists but cannot be read or understood; the controller then knows no cycle. */
  public static final class UnreadableHeatRecordException extends IOException {
    private static final long serialVersionUID = 1L;

    UnreadableHeatRecordException(String message, Throwable cause) {
      super(message, cause);
    }

    UnreadableHeatRecordException(String message) {
      super(message);
    }
  }

  private HeatRecordFile(DurableFile file, Clock wallClock) {
    this.file = file;
    this.wallClock = wallClock;
  }

  /** The file in {@code stateDirectory} (which must exist), stamped with {@code wallClock}. */
  public static HeatRecordFile in(Path stateDirectory, Clock wallClock) {
    return new HeatRecordFile(
        new DurableFile(
            Objects.requireNonNull(stateDirectory, "stateDirectory").resolve(FILE_NAME)),
        Objects.requireNonNull(wallClock, "wallClock"));
  }

  /** The file in {@code stateDirectory}, stamped with the system's wall clock. */
  public static HeatRecordFile in(Path stateDirectory) {
    return in(stateDirectory, Clock.systemUTC());
  }

  public Path path() {
    return file.path();
  }

  /** The wall clock's time now. */
  Instant now() {
    return Instant.now(wallClock);
  }

  /** Replaces the record with a heating that stopped now. */
  public void save(double lastHeatS, StoredHeat atHeatEnd) throws IOException {
    ObjectNode node = JSON.createObjectNode();
    node.put("version", FORMAT_VERSION);
    node.put("heatEndedAt", now().toString());
    node.put("lastHeatS", lastHeatS);
    node.put("storedHeatFastS", atHeatEnd.fastS());
    node.put("storedHeatSlowS", atHeatEnd.slowS());
    file.writeJson(node);
  }

  /**
   * The stored record, or empty when there is none (a toaster that never heated here).
   *
   * @throws UnreadableHeatRecordException when the file cannot be read or parsed, or a field is
   *     missing or outside its limits (the message names the field, the value and the limit)
   */
  public Optional<HeatRecord> load() throws UnreadableHeatRecordException {
    Optional<JsonNode> stored;
    try {
      stored = file.readJson("heat record");
    } catch (IOException e) {
      throw new UnreadableHeatRecordException(String.valueOf(e.getMessage()), e);
    }
    if (stored.isEmpty()) {
      return Optional.empty();
    }
    try {
      return Optional.of(parse(stored.get()));
    } catch (UnreadableHeatRecordException e) {
      throw new UnreadableHeatRecordException(file.path() + ": " + e.getMessage(), e);
    }
  }

  private static HeatRecord parse(JsonNode node) throws UnreadableHeatRecordException {
    if (node == null || !node.isObject()) {
      throw new UnreadableHeatRecordException("the heat record is not a JSON object");
    }
    JsonNode version = node.path("version");
    if (!version.isInt() || version.asInt() != FORMAT_VERSION) {
      throw new UnreadableHeatRecordException(
          "the heat record has format version " + version + ", this build reads " + FORMAT_VERSION);
    }
    JsonNode ended = node.get("heatEndedAt");
    if (ended == null || !ended.isTextual()) {
      throw new UnreadableHeatRecordException("the heat record has no text field heatEndedAt");
    }
    Instant heatEndedAt;
    try {
      heatEndedAt = Instant.parse(ended.asText());
    } catch (DateTimeParseException e) {
      throw new UnreadableHeatRecordException(
          "heatEndedAt " + ended + " is not an ISO-8601 instant");
    }
    double lastHeatS = number(node, "lastHeatS", MAX_HEAT_S);
    double fastS = number(node, "storedHeatFastS", HeatHistory.FAST_TAU_S * MAX_POWER_SHARE);
    double slowS = number(node, "storedHeatSlowS", HeatHistory.SLOW_TAU_S * MAX_POWER_SHARE);
    return new HeatRecord(heatEndedAt, lastHeatS, new StoredHeat(fastS, slowS));
  }

  private static double number(JsonNode node, String field, double max)
      throws UnreadableHeatRecordException {
    JsonNode value = node.get(field);
    if (value == null || !value.isNumber()) {
      throw new UnreadableHeatRecordException("the heat record has no number field " + field);
    }
    double v = value.asDouble();
    if (!(v >= 0 && v <= max)) {
      throw new UnreadableHeatRecordException(field + " " + v + " is outside 0 to " + max + " s");
    }
    return v;
  }

  @Override
  public String toString() {
    return "HeatRecordFile(" + file.path() + ")";
  }
}
