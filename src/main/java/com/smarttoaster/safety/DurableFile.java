package com.smarttoaster.safety;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;

/**
 * A small JSON state file that survives a power cut whole: the new content goes to a temporary file
 * beside it, is flushed to the device, renamed over the old file, and the directory is flushed, so
 * after a power cut the file holds either the old or the new content, never a mix. The supervisor's
 * latched fault ({@link FaultStore}) and the controller's memory of its heating keep their files
 * this way.
 */
public final class DurableFile {
  private static final String TEMP_SUFFIX = ".tmp";

  private static final ObjectMapper JSON = new ObjectMapper();

  private final Path file;

  public DurableFile(Path file) {
    this.file = Objects.requireNonNull(file, "file");
  }

  public Path path() {
    return file;
  }

  /** Replaces the file's content with {@code bytes}, atomically and durably. */
  public void write(byte[] bytes) throws IOException {
    Path temp = file.resolveSibling(file.getFileName() + TEMP_SUFFIX);
    try (FileChannel out =
        FileChannel.open(
            temp,
            StandardOpenOption.CREATE,
            StandardOpenOption.WRITE,
            StandardOpenOption.TRUNCATE_EXISTING)) {
      ByteBuffer buffer = ByteBuffer.wrap(bytes);
      while (buffer.hasRemaining()) {
        out.write(buffer);
      }
      out.force(true);
    }
    try {
      Files.move(temp, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
    } catch (AtomicMoveNotSupportedException e) {
      Files.deleteIfExists(temp);
      throw new IOException("cannot replace " + file + " atomically on this file system", e);
    }
    syncDirectory();
  }

  /** Replaces the file's content with {@code node}, pretty-printed with a final newline. */
  public void writeJson(JsonNode node) throws IOException {
    write(
        (JSON.writerWithDefaultPrettyPrinter().writeValueAsString(node) + "\n")
            .getBytes(StandardCharsets.UTF_8));
  }

  /**
   * The file's content as JSON, or empty when there is no file.
   *
   * @param what what the file holds, for the message ("fault record")
   * @throws IOException naming the file: it "cannot be read", or "is not a valid" {@code what}
   */
  public Optional<JsonNode> readJson(String what) throws IOException {
    try {
      return Optional.of(JSON.readTree(Files.readAllBytes(file)));
    } catch (NoSuchFileException e) {
      return Optional.empty();
    } catch (JacksonException e) {
      throw new IOException(file + " is not a valid " + what + ": " + e.getOriginalMessage(), e);
    } catch (IOException e) {
      throw new IOException(file + " cannot be read: " + e, e);
    }
  }

  /** Removes the file, durably; nothing happens when there is none. */
  public void delete() throws IOException {
    if (Files.deleteIfExists(file)) {
      syncDirectory();
    }
  }

  /** Makes the rename or delete itself durable (Linux: fsync on the directory). */
  private void syncDirectory() throws IOException {
    Path dir = file.toAbsolutePath().getParent();
    try (FileChannel channel = FileChannel.open(dir, StandardOpenOption.READ)) {
      channel.force(true);
    } catch (IOException e) {
      // Some platforms cannot open a directory for reading; the rename is still atomic there.
      if (!System.getProperty("os.name", "").toLowerCase(Locale.ROOT).contains("linux")) {
        return;
      }
      throw e;
    }
  }
}
