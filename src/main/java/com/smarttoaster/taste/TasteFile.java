package com.smarttoaster.taste;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.smarttoaster.toast.BreadType;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.EnumMap;
import java.util.Iterator;
import java.util.Map;

/**
 * The household's taste on disk: {@value #FILE_NAME} in the state directory, a small JSON object
 * {@code {"version": 1, "breads": {"white": {"offset": 1, "votes": 0}}}}. Written whole to a
 * temporary file and moved into place, so a power cut leaves the old file or the new one, never
 * half of one. A file that cannot be read is a {@link TasteFileException} naming the file, the
 * field and the value; the appliance then starts with no offsets (a lost taste only costs a few
 * ratings, it never turns heat on).
 */
public final class TasteFile {
  public static final String FILE_NAME = "taste.json";
  static final int VERSION = 1;

  /** Longer files are refused unread: six breads take well under a kilobyte. */
  static final long MAX_BYTES = 16 * 1024;

  private static final ObjectMapper JSON = new ObjectMapper();

  private final Path file;

  public TasteFile(Path file) {
    this.file = file;
  }

  /** The file in a state directory. */
  public static TasteFile in(Path stateDirectory) {
    return new TasteFile(stateDirectory.resolve(FILE_NAME));
  }

  public Path path() {
    return file;
  }

  /** When the file last changed, or -1 when there is none (or it cannot be looked at). */
  long lastModifiedMillis() {
    try {
      return Files.getLastModifiedTime(file).toMillis();
    } catch (IOException e) {
      return -1;
    }
  }

  /** The stored taste; empty when there is no file yet. */
  public Map<BreadType, TasteEntry> read() {
    Map<BreadType, TasteEntry> out = new EnumMap<>(BreadType.class);
    byte[] bytes;
    try {
      if (Files.size(file) > MAX_BYTES) {
        throw new TasteFileException(
            file
                + ": "
                + Files.size(file)
                + " bytes is too long for a taste file (at most "
                + MAX_BYTES
                + ")");
      }
      bytes = Files.readAllBytes(file);
    } catch (NoSuchFileException e) {
      return out;
    } catch (IOException e) {
      throw new TasteFileException(file + " cannot be read: " + e.getMessage());
    }
    JsonNode root;
    try {
      root = JSON.readTree(new String(bytes, StandardCharsets.UTF_8));
    } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
      throw new TasteFileException(file + " is not JSON: " + e.getOriginalMessage());
    }
    if (root == null
        || !root.isObject()
        || root.path("version").asInt(-1) != VERSION
        || !root.path("version").isInt()) {
      throw new TasteFileException(file + ": version must be " + VERSION + " (found " + root + ")");
    }
    JsonNode breads = root.path("breads");
    if (!breads.isObject()) {
      throw new TasteFileException(
          file + ": breads must be an object of bread type to {offset, votes}");
    }
    for (Iterator<Map.Entry<String, JsonNode>> it = breads.fields(); it.hasNext(); ) {
      Map.Entry<String, JsonNode> e = it.next();
      BreadType bread = BreadType.fromId(e.getKey());
      if (bread == null) {
        throw new TasteFileException(file + ": breads." + e.getKey() + " is not a bread type");
      }
      out.put(bread, entry(e.getKey(), e.getValue()));
    }
    return out;
  }

  private TasteEntry entry(String bread, JsonNode n) {
    JsonNode offset = n.path("offset");
    JsonNode votes = n.path("votes");
    if (!offset.isInt() || Math.abs(offset.asInt()) > TasteEntry.MAX_OFFSET) {
      throw new TasteFileException(
          file
              + ": breads."
              + bread
              + ".offset = "
              + offset
              + " must be a whole number from -"
              + TasteEntry.MAX_OFFSET
              + " to "
              + TasteEntry.MAX_OFFSET);
    }
    if (!votes.isInt() || Math.abs(votes.asInt()) >= TasteEntry.VOTES_PER_STEP) {
      throw new TasteFileException(
          file
              + ": breads."
              + bread
              + ".votes = "
              + votes
              + " must be a whole number from -"
              + (TasteEntry.VOTES_PER_STEP - 1)
              + " to "
              + (TasteEntry.VOTES_PER_STEP - 1));
    }
    return new TasteEntry(offset.asInt(), votes.asInt());
  }

  /** Replaces the file with this taste (neutral breads are left out). */
  public void write(Map<BreadType, TasteEntry> taste) throws IOException {
    ObjectNode root = JSON.createObjectNode();
    root.put("version", VERSION);
    ObjectNode breads = root.putObject("breads");
    taste.forEach(
        (bread, e) -> {
          if (!e.equals(TasteEntry.NEUTRAL)) {
            breads.putObject(bread.id()).put("offset", e.offset()).put("votes", e.votes());
          }
        });
    Path dir = file.toAbsolutePath().getParent();
    Files.createDirectories(dir);
    Path tmp = Files.createTempFile(dir, FILE_NAME, ".tmp");
    try {
      Files.writeString(tmp, root.toPrettyString() + "\n", StandardCharsets.UTF_8);
      try {
        Files.move(tmp, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
      } catch (AtomicMoveNotSupportedException e) {
        Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING);
      }
    } finally {
      Files.deleteIfExists(tmp);
    }
  }
}
