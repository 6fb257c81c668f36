package com.smarttoaster.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;

/**
 * Checks an output path before a command does any work, so a typo costs one line and exit 2 instead
 * of a finished run (minutes, for {@code evaluate} or {@code dataset}) and a stack trace.
 * Writability is tried, not guessed: {@code Files.isWritable} says yes to root on {@code /proc}.
 */
final class OutputPath {
  private OutputPath() {}

  /**
   * Why {@code png} cannot take a PNG plot, or empty. The name must end in {@code .png}: XChart
   * would otherwise append the extension and write a file other than the one named.
   */
  static Optional<String> pngProblem(String option, Path png) {
    String name = png.getFileName() == null ? "" : png.getFileName().toString();
    if (!name.toLowerCase(Locale.ROOT).endsWith(".png") || name.length() <= ".png".length()) {
      return Optional.of(
          option
              + ": '"
              + png
              + "' must be a file name ending in .png (the plot is written as PNG only)");
    }
    if (Files.isDirectory(png)) {
      return Optional.of(
          option + ": '" + png + "' is a directory; give a file name ending in .png");
    }
    // An absolute path that names a file (checked above: it ends in .png) has a parent.
    Path dir = Objects.requireNonNull(png.toAbsolutePath().getParent(), "parent of " + png);
    if (!Files.isDirectory(dir)) {
      return Optional.of(
          option
              + ": cannot write '"
              + png
              + "': the directory "
              + dir
              + " does not exist; create it first or choose another path");
    }
    if (Files.exists(png) && !Files.isWritable(png)) {
      return Optional.of(
          option + ": cannot write '" + png + "': the file exists and is not writable");
    }
    return probe(option, png, dir);
  }

  /** Creates {@code dir} if missing and checks a file can be made in it; why not, or empty. */
  static Optional<String> directoryProblem(String option, Path dir) {
    if (Files.exists(dir) && !Files.isDirectory(dir)) {
      return Optional.of(option + ": " + dir + " exists and is not a directory");
    }
    try {
      Files.createDirectories(dir);
    } catch (NoSuchFileException e) {
      // mkdir's ENOENT: either a missing parent, or a file system that makes no directories
      // (/proc).
      Path parent = dir.toAbsolutePath().getParent();
      return Optional.of(
          option
              + ": cannot create the directory '"
              + dir
              + "': "
              + (parent != null && Files.isDirectory(parent)
                  ? "the file system at " + parent + " does not allow it"
                  : "a directory on the way does not exist"));
    } catch (IOException e) {
      return Optional.of(option + ": cannot create the directory '" + dir + "': " + reason(e));
    }
    return probe(option, dir, dir);
  }

  private static Optional<String> probe(String option, Path named, Path dir) {
    try {
      Files.delete(Files.createTempFile(dir, ".write-check", ".tmp"));
      return Optional.empty();
    } catch (IOException | SecurityException e) {
      return Optional.of(option + ": cannot write '" + named + "': " + reason(e));
    }
  }

  private static String reason(Exception e) {
    if (e instanceof NoSuchFileException) {
      return "a directory on the way does not exist";
    }
    String m = e.getMessage();
    // NIO messages often repeat the path before the reason ("/proc/x: Permission denied"); keep the
    // reason.
    int colon = m == null ? -1 : m.lastIndexOf(": ");
    return m == null ? e.getClass().getSimpleName() : colon >= 0 ? m.substring(colon + 2) : m;
  }
}
