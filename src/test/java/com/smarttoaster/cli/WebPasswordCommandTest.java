package com.smarttoaster.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.smarttoaster.config.PasswordHash;
import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** {@code web-password}: the hash file a config's web.passwordHashFile takes, and nothing else. */
class WebPasswordCommandTest {
  @TempDir Path dir;

  private int run(String stdin, Path out, StringWriter err) {
    InputStream old = System.in;
    System.setIn(new ByteArrayInputStream(stdin.getBytes(StandardCharsets.UTF_8)));
    try {
      CommandLine cl = new CommandLine(new Main());
      cl.setErr(new PrintWriter(err));
      cl.setOut(new PrintWriter(new StringWriter()));
      return cl.execute("web-password", "--out", out.toString());
    } finally {
      System.setIn(old);
    }
  }

  @Test
  void writesOnlyTheHashReadableByItsOwner() throws Exception {
    Path out = dir.resolve("web-password");
    assertEquals(0, run("correct horse battery\n", out, new StringWriter()));
    String line = Files.readString(out).strip();
    assertFalse(line.contains("correct horse"), "the password itself was written");
    assertTrue(PasswordHash.parse(line).matches("correct horse battery".toCharArray()));
    assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(out)));
  }

  @Test
  void aShortPasswordIsRefusedAndNothingWritten() {
    Path out = dir.resolve("web-password");
    StringWriter err = new StringWriter();
    assertEquals(2, run("short\n", out, err));
    assertEquals(
        "The password has 5 characters; use at least 10. Nothing was written.",
        err.toString().strip());
    assertFalse(Files.exists(out));
  }
}
