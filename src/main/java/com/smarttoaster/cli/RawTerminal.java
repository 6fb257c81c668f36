package com.smarttoaster.cli;

import java.io.File;
import java.io.IOException;

/**
 * Puts an interactive terminal into single-key mode (no Enter needed) and restores it on close.
 * Without a terminal (piped input) it does nothing, and keys followed by Enter still work.
 */
final class RawTerminal implements AutoCloseable {
  private final boolean active;

  private RawTerminal(boolean active) {
    this.active = active;
  }

  static RawTerminal enter() {
    return new RawTerminal(new File("/dev/tty").canRead() && stty("-icanon", "-echo", "min", "1"));
  }

  @Override
  public void close() {
    if (active) {
      stty("icanon", "echo");
    }
  }

  private static boolean stty(String... args) {
    String[] cmd = new String[args.length + 1];
    cmd[0] = "stty";
    System.arraycopy(args, 0, cmd, 1, args.length);
    try {
      Process p = new ProcessBuilder(cmd).redirectInput(new File("/dev/tty")).start();
      return p.waitFor() == 0;
    } catch (IOException e) {
      return false;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return false;
    }
  }
}
