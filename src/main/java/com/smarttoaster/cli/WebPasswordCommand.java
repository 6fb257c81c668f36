package com.smarttoaster.cli;

import com.smarttoaster.config.PasswordHash;
import java.io.BufferedReader;
import java.io.Console;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Arrays;
import java.util.concurrent.Callable;
import org.jspecify.annotations.Nullable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code web-password --out FILE}: reads the web page's password (twice from a terminal, or one
 * line from standard input) and writes only its PBKDF2 hash to FILE (mode 600), for
 * web.passwordHashFile.
 */
@Command(
    name = "web-password",
    mixinStandardHelpOptions = true,
    header = "Writes the hash of the web page's login password, for web.passwordHashFile.",
    description = {
      "Asks for the password twice on a terminal, or reads one line from standard input, and writes"
          + " its PBKDF2-HMAC-SHA256 hash (600,000 iterations, random salt) to FILE, readable by its owner only.",
      "The password itself is stored nowhere. Exit codes: 0 written, 2 refused (short or different passwords)."
    })
public final class WebPasswordCommand implements Callable<Integer> {
  static final int MIN_PASSWORD_CHARS = 10;

  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Option(
      names = "--out",
      required = true,
      paramLabel = "FILE",
      description = "Where to write the hash.")
  Path out;

  @Override
  public Integer call() throws IOException {
    char[] password = read();
    try {
      if (password == null) {
        return Main.EXIT_BAD_INPUT;
      }
      if (password.length < MIN_PASSWORD_CHARS) {
        spec.commandLine()
            .getErr()
            .println(
                "The password has "
                    + password.length
                    + " characters; use at least "
                    + MIN_PASSWORD_CHARS
                    + ". Nothing was written.");
        return Main.EXIT_BAD_INPUT;
      }
      String line = PasswordHash.make(password, PasswordHash.ITERATIONS) + "\n";
      Files.deleteIfExists(out);
      try {
        Files.createFile(
            out,
            PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
      } catch (UnsupportedOperationException e) {
        Files.createFile(out); // not a POSIX file system
      }
      Files.writeString(out, line, StandardCharsets.US_ASCII, StandardOpenOption.TRUNCATE_EXISTING);
      spec.commandLine()
          .getOut()
          .println("Wrote the password hash to " + out + "; set web.passwordHashFile: " + out);
      return 0;
    } finally {
      if (password != null) {
        Arrays.fill(password, '\0');
      }
    }
  }

  private char @Nullable [] read() throws IOException {
    Console console = System.console();
    if (console != null) {
      char[] first = console.readPassword("Web page password: ");
      char[] again = console.readPassword("Again: ");
      if (first == null || again == null || !Arrays.equals(first, again)) {
        spec.commandLine().getErr().println("The two passwords differ. Nothing was written.");
        return null;
      }
      Arrays.fill(again, '\0');
      return first;
    }
    String line =
        new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8)).readLine();
    return line == null ? new char[0] : line.toCharArray();
  }
}
