package com.smarttoaster.safety;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Objects;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * Keeps the latched fault on disk, so that a fault survives a restart of the service or a power
 * cut: one small JSON file ({@value #FILE_NAME}) in the service's state directory, present exactly
 * while a fault is latched.
 *
 * <p>Writes are atomic ({@link DurableFile}): after a power cut the file holds either the old or
 * the new fault, never a mix. {@link SafetySupervisor} uses it: it restores the stored fault when
 * it is constructed, saves every fault it latches and clears the file when a reset succeeds.
 *
 * <p>The file names the code, the message, the measured value and the limit, and the wall-clock
 * time it latched (the supervisor's own clock is monotonic and starts again with each process).
 */
public final class FaultStore {
  /** The file in the state directory. */
  public static final String FILE_NAME = "latched-fault.json";

  static final int FORMAT_VERSION = 1;
  private static final ObjectMapper JSON = new ObjectMapper();

  private final Path stateDirectory;
  private final boolean keepsElementMemory;
  private final DurableFile file;
  private final Clock wallClock;

  /**
   * A fault as it was stored.
   *
   * @param fault the fault; its {@code atNanos} is 0 (the clock it was latched on is gone)
   * @param latchedAt when it latched, by the wall clock
   */
  public record StoredFault(Fault fault, Instant latchedAt) {
    public StoredFault {
      Objects.requireNonNull(fault, "fault");
      Objects.requireNonNull(latchedAt, "latchedAt");
    }
  }

  /** The stored file exists but cannot be read or understood; which fault it held is unknown. */
  public static final class UnreadableFaultException extends IOException {
    private static final long serialVersionUID = 1L;

    UnreadableFaultException(String message, Throwable cause) {
      super(message, cause);
    }

    UnreadableFaultException(String message) {
      super(message);
    }
  }

  private FaultStore(Path stateDirectory, Clock wallClock, boolean keepsElementMemory) {
    this.stateDirectory = stateDirectory;
    this.keepsElementMemory = keepsElementMemory;
    this.file = new DurableFile(stateDirectory.resolve(FILE_NAME));
    this.wallClock = wallClock;
  }

  /**
   * The store in {@code stateDirectory} (which must exist), stamped with the system's wall clock.
   */
  public static FaultStore in(Path stateDirectory) {
    return in(stateDirectory, Clock.systemUTC());
  }

  /** The store in {@code stateDirectory}, stamped with {@code wallClock} (tests). */
  public static FaultStore in(Path stateDirectory, Clock wallClock) {
    return new FaultStore(
        Objects.requireNonNull(stateDirectory, "stateDirectory"),
        Objects.requireNonNull(wallClock, "wallClock"),
        true);
  }

  /**
   * The same store for a supervisor that must not take over the element memory: one running a
   * simulated toaster that each process starts cold, which the last run's hot elements would
   * describe wrongly. Latched faults are still kept.
   */
  public FaultStore withoutElementMemory() {
    return new FaultStore(stateDirectory, wallClock, false);
  }

  /**
   * The energy-balance observer's element memory, kept in the same directory and stamped with the
   * same wall clock; null for a store {@link #withoutElementMemory()}.
   */
  public @Nullable ElementMemoryFile elementMemory() {
    return keepsElementMemory ? ElementMemoryFile.in(stateDirectory, wallClock) : null;
  }

  /** The file this store writes. */
  public Path file() {
    return file.path();
  }

  /**
   * The stored fault, or empty when none is stored.
   *
   * @throws UnreadableFaultException when the file exists but cannot be read or parsed, or names a
   *     fault code this build does not know
   */
  public Optional<StoredFault> load() throws UnreadableFaultException {
    Optional<JsonNode> stored;
    try {
      stored = file.readJson("fault record");
    } catch (IOException e) {
      throw new UnreadableFaultException(String.valueOf(e.getMessage()), e);
    }
    if (stored.isEmpty()) {
      return Optional.empty();
    }
    try {
      return Optional.of(parse(stored.get()));
    } catch (UnreadableFaultException e) {
      throw new UnreadableFaultException(file.path() + ": " + e.getMessage(), e);
    }
  }

  /**
   * Stores {@code fault} atomically (replacing any stored one), stamped with the wall clock now.
   */
  public void save(Fault fault) throws IOException {
    Objects.requireNonNull(fault, "fault");
    ObjectNode node = JSON.createObjectNode();
    node.put("version", FORMAT_VERSION);
    node.put("code", fault.code().name());
    node.put("message", fault.message());
    node.put("measured", fault.measured());
    node.put("limit", fault.limit());
    node.put("latchedAt", Instant.now(wallClock).toString());
    file.writeJson(node);
  }

  /** Removes the stored fault, durably; nothing happens when none is stored. */
  public void clear() throws IOException {
    file.delete();
  }

  private static StoredFault parse(JsonNode node) throws UnreadableFaultException {
    if (node == null || !node.isObject()) {
      throw unreadable("is not a JSON object");
    }
    int version = node.path("version").asInt(-1);
    if (version != FORMAT_VERSION) {
      throw unreadable(
          "has format version " + node.path("version") + ", this build reads " + FORMAT_VERSION);
    }
    String codeName = text(node, "code");
    FaultCode code;
    try {
      code = FaultCode.valueOf(codeName);
    } catch (IllegalArgumentException e) {
      throw unreadable("names fault code " + codeName + ", which this build does not know");
    }
    String message = text(node, "message");
    double measured = number(node, "measured");
    double limit = number(node, "limit");
    Instant latchedAt;
    try {
      latchedAt = Instant.parse(text(node, "latchedAt"));
    } catch (DateTimeParseException e) {
      throw unreadable("has a latchedAt that is not an ISO-8601 instant");
    }
    return new StoredFault(new Fault(code, message, measured, limit, 0L), latchedAt);
  }

  private static String text(JsonNode node, String field) throws UnreadableFaultException {
    JsonNode value = node.get(field);
    if (value == null || !value.isTextual()) {
      throw unreadable("has no text field " + field);
    }
    return value.asText();
  }

  private static double number(JsonNode node, String field) throws UnreadableFaultException {
    JsonNode value = node.get(field);
    if (value == null || !value.isNumber()) {
      throw unreadable("has no number field " + field);
    }
    return value.asDouble();
  }

  private static UnreadableFaultException unreadable(String problem) {
    return new UnreadableFaultException("the stored fault " + problem);
  }

  @Override
  public String toString() {
    return "FaultStore(" + file.path() + ")";
  }
}
