package com.smarttoaster.service;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.OptionalLong;

/**
 * How long this process has existed, from Linux's /proc: the system uptime minus the process's
 * start time (both in hundredths of a second; USER_HZ is 100 on every Linux the toaster runs on).
 * Counts from the exec of the JVM, so it includes the JVM's own start-up, unlike the JVM's start
 * time. (ProcessHandle's start instant is built from the boot time in whole seconds, up to a second
 * off.)
 */
final class ProcessAge {
  static final double USER_HZ = 100.0;

  private ProcessAge() {}

  /** Milliseconds since this process started; empty off Linux or when /proc cannot be parsed. */
  static OptionalLong millis() {
    try {
      String stat = Files.readString(Path.of("/proc/self/stat"), StandardCharsets.US_ASCII);
      String uptime = Files.readString(Path.of("/proc/uptime"), StandardCharsets.US_ASCII);
      return millis(stat, uptime);
    } catch (IOException | RuntimeException e) {
      return OptionalLong.empty();
    }
  }

  /** From the texts of /proc/self/stat and /proc/uptime. */
  static OptionalLong millis(String stat, String uptime) {
    // Fields after the command name, which is in parentheses and may itself contain spaces or ')'.
    int close = stat.lastIndexOf(')');
    if (close < 0) {
      return OptionalLong.empty();
    }
    String[] after = stat.substring(close + 1).trim().split("\\s+");
    // after[0] is field 3 (state); starttime is field 22.
    if (after.length < 20) {
      return OptionalLong.empty();
    }
    try {
      double startS = Long.parseLong(after[19]) / USER_HZ;
      double upS = Double.parseDouble(uptime.trim().split("\\s+")[0]);
      return OptionalLong.of(Math.max(0, Math.round((upS - startS) * 1000)));
    } catch (NumberFormatException e) {
      return OptionalLong.empty();
    }
  }
}
