package com.smarttoaster.input;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;

/** Reads a small UTF-8 text file with a message a user can act on when that fails. */
public final class TextFile {
  private TextFile() {}

  /**
   * The file's text, with a leading byte-order mark removed.
   *
   * @throws UnreadableFile when it does not exist, is a directory, is larger than {@code maxBytes},
   *     cannot be read or is not UTF-8
   */
  public static String read(Path file, long maxBytes) throws UnreadableFile {
    try {
      if (!Files.exists(file)) {
        throw new UnreadableFile("no such file");
      }
      if (Files.isDirectory(file)) {
        throw new UnreadableFile("is a directory, not a file");
      }
      long size = Files.size(file);
      if (size > maxBytes) {
        throw new UnreadableFile(
            "is " + size + " bytes; files of this kind are at most " + maxBytes + " bytes");
      }
      byte[] bytes = Files.readAllBytes(file);
      String text =
          StandardCharsets.UTF_8
              .newDecoder()
              .onMalformedInput(CodingErrorAction.REPORT)
              .onUnmappableCharacter(CodingErrorAction.REPORT)
              .decode(ByteBuffer.wrap(bytes))
              .toString();
      return stripByteOrderMark(text);
    } catch (CharacterCodingException e) {
      throw new UnreadableFile("is not UTF-8 text; save it as UTF-8");
    } catch (NoSuchFileException e) {
      throw new UnreadableFile("no such file");
    } catch (AccessDeniedException e) {
      throw new UnreadableFile("cannot be read: permission denied");
    } catch (IOException e) {
      throw new UnreadableFile(
          "cannot be read" + (e.getMessage() == null ? "" : ": " + e.getMessage()));
    } catch (SecurityException e) {
      throw new UnreadableFile("cannot be read: access denied");
    }
  }

  /** Removes a leading U+FEFF, which some editors write and parsers reject. */
  public static String stripByteOrderMark(String text) {
    return text.startsWith("\uFEFF") ? text.substring(1) : text;
  }
}
