package com.smarttoaster.service;

import java.io.ByteArrayOutputStream;
import java.io.FileDescriptor;
import java.io.FileOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Under systemd, stderr goes to the journal, which reads a "&lt;N&gt;" prefix on each line as its
 * syslog priority (SyslogLevelPrefix=, on by default). This stream adds it from the log line's
 * level, so {@code journalctl -u smart-toaster -p warning} shows the warnings, errors and faults
 * only: ERROR and FAULT lines get 3 (err), WARN 4, INFO 6, DEBUG and TRACE 7; a continuation line
 * (indented, as in a stack trace, "Caused by:", or the exception's own first line, {@code
 * java.lang.IllegalStateException: boom}, which logback and slf4j-simple print unindented right
 * after the log line) gets the priority of the line before; any other line none (the journal's
 * default, info). Installed only when {@code JOURNAL_STREAM} says stderr is the journal.
 */
public final class JournalStderr extends OutputStream {
  private final OutputStream target;
  private final ByteArrayOutputStream line = new ByteArrayOutputStream(256);
  private String lastPrefix = "";

  JournalStderr(OutputStream target) {
    this.target = target;
  }

  /**
   * Replaces System.err with a prefixing stream over file descriptor 2 when {@code JOURNAL_STREAM}
   * is set; returns whether it did. Call before anything logs.
   */
  public static boolean installIfJournal(Map<String, String> environment) {
    String stream = environment.get("JOURNAL_STREAM");
    if (stream == null || stream.isBlank()) {
      return false;
    }
    // The charset System.err encodes with on Java 17 (PrintStream.charset() is Java 18+).
    String name = System.getProperty("sun.stderr.encoding");
    Charset charset =
        name != null && Charset.isSupported(name)
            ? Charset.forName(name)
            : Charset.defaultCharset();
    OutputStream fd2 = new FileOutputStream(FileDescriptor.err);
    System.setErr(new PrintStream(new JournalStderr(fd2), true, charset));
    return true;
  }

  @Override
  public synchronized void write(int b) throws IOException {
    if (b == '\n') {
      emit();
    } else {
      line.write(b);
    }
  }

  @Override
  public synchronized void write(byte[] bytes, int offset, int length) throws IOException {
    int start = offset;
    int end = offset + length;
    for (int i = offset; i < end; i++) {
      if (bytes[i] == '\n') {
        line.write(bytes, start, i - start);
        emit();
        start = i + 1;
      }
    }
    line.write(bytes, start, end - start);
  }

  @Override
  public synchronized void flush() throws IOException {
    target.flush();
  }

  @Override
  public synchronized void close() throws IOException {
    if (line.size() > 0) {
      emit();
    }
    target.close();
  }

  private void emit() throws IOException {
    byte[] text = line.toByteArray();
    line.reset();
    String prefix = prefixFor(text);
    lastPrefix = prefix;
    target.write(prefix.getBytes(StandardCharsets.US_ASCII));
    target.write(text);
    target.write('\n');
    target.flush();
  }

  /** The "&lt;N&gt;" for one line (without its newline). */
  private String prefixFor(byte[] text) {
    if (text.length == 0) {
      return "";
    }
    if (text[0] == ' '
        || text[0] == '\t'
        || startsWith(text, "Caused by:")
        || startsWith(text, "...")
        || isThrowableHeader(text)) {
      return lastPrefix;
    }
    if (startsWith(text, "ERROR ") || startsWith(text, "FAULT ")) {
      return "<3>";
    }
    if (startsWith(text, "WARN ")) {
      return "<4>";
    }
    if (startsWith(text, "INFO ")) {
      return "<6>";
    }
    if (startsWith(text, "DEBUG ") || startsWith(text, "TRACE ")) {
      return "<7>";
    }
    return "";
  }

  /**
   * A Throwable's toString: a qualified class name whose simple name starts upper case, alone or
   * followed by ": message" (so "keys: l lever down" or "config/pi.yaml: bad" are not).
   */
  static boolean isThrowableHeader(byte[] text) {
    String s = new String(text, StandardCharsets.UTF_8);
    int colon = s.indexOf(": ");
    String name = colon < 0 ? s : s.substring(0, colon);
    return THROWABLE_NAME.matcher(name).matches();
  }

  private static final Pattern THROWABLE_NAME =
      Pattern.compile("(?:[a-z_$][\\w$]*\\.)+(?:[A-Z][\\w$]*\\$)*[A-Z][\\w$]*");

  private static boolean startsWith(byte[] text, String ascii) {
    if (text.length < ascii.length()) {
      return false;
    }
    for (int i = 0; i < ascii.length(); i++) {
      if (text[i] != ascii.charAt(i)) {
        return false;
      }
    }
    return true;
  }
}
