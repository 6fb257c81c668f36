package com.smarttoaster.service;

import com.sun.jna.Native;
import com.sun.jna.NativeLibrary;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.concurrent.atomic.AtomicBoolean;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * sd_notify(3) from libsystemd, called directly through JNA's direct mapping: one native call per
 * notification, no process spawned, no socket code of our own (Java 17 has no AF_UNIX datagram
 * sockets, which the notify protocol needs). libsystemd reads {@code NOTIFY_SOCKET} itself. The
 * library is bound once, by its versioned name {@value #LIBRARY}, so it needs only the runtime
 * package (libsystemd0), not the -dev symlink.
 */
final class SystemdNotifier implements ServiceNotifier {
  static final String LIBRARY = "libsystemd.so.0";

  private static final Logger log = LoggerFactory.getLogger(SystemdNotifier.class);
  private static final Object BIND_LOCK = new Object();
  private static boolean bound;

  private final AtomicBoolean failureLogged = new AtomicBoolean();

  private SystemdNotifier() {}

  /** Binds sd_notify (once per process). */
  static SystemdNotifier load() {
    synchronized (BIND_LOCK) {
      if (!bound) {
        Native.register(SystemdNotifier.class, NativeLibrary.getInstance(LIBRARY));
        bound = true;
      }
    }
    return new SystemdNotifier();
  }

  /** int sd_notify(int unset_environment, const char *state); state as NUL-terminated UTF-8. */
  private static native int sd_notify(int unsetEnvironment, byte[] state);

  @Override
  public void send(String assignments) {
    byte[] utf8 = assignments.getBytes(StandardCharsets.UTF_8);
    byte[] state = Arrays.copyOf(utf8, utf8.length + 1);
    int result;
    try {
      result = sd_notify(0, state);
    } catch (RuntimeException | LinkageError e) {
      logOnce("sd_notify failed: " + e);
      return;
    }
    if (result < 0) {
      logOnce("sd_notify returned " + result + " (negative errno) for " + firstLine(assignments));
    } else if (failureLogged.compareAndSet(true, false)) {
      log.info("sd_notify works again");
    }
  }

  @Override
  public boolean isActive() {
    return true;
  }

  private void logOnce(String message) {
    if (failureLogged.compareAndSet(false, true)) {
      log.warn("{}; further failures are not logged until it works again", message);
    }
  }

  private static String firstLine(String s) {
    int nl = s.indexOf('\n');
    return nl < 0 ? s : s.substring(0, nl);
  }

  @Override
  public String toString() {
    return "sd_notify in " + LIBRARY;
  }
}
