package com.smarttoaster.service;

import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Tells the service manager about the service's state, in sd_notify(3)'s protocol ("READY=1",
 * "WATCHDOG=1", "STATUS=..."). Outside systemd (no {@code NOTIFY_SOCKET}) it is {@link #NONE},
 * which does nothing and loads no native code. Sending never throws.
 */
public interface ServiceNotifier {
  /** Sends one notification, newline-separated assignments such as "READY=1\nSTATUS=Ready". */
  void send(String assignments);

  /** True when notifications go somewhere (started by systemd with a notify socket). */
  boolean isActive();

  /** Start-up is complete; {@code status} is shown by {@code systemctl status}. */
  default void ready(String status) {
    send("READY=1\nSTATUS=" + oneLine(status));
  }

  /** A new one-line status for {@code systemctl status}. */
  default void status(String status) {
    send("STATUS=" + oneLine(status));
  }

  /** The keep-alive ping for WatchdogSec=. */
  default void watchdog() {
    send("WATCHDOG=1");
  }

  /** The service is stopping. */
  default void stopping(String status) {
    send("STOPPING=1\nSTATUS=" + oneLine(status));
  }

  /** Does nothing: not started by systemd. */
  ServiceNotifier NONE =
      new ServiceNotifier() {
        @Override
        public void send(String assignments) {}

        @Override
        public boolean isActive() {
          return false;
        }

        @Override
        public String toString() {
          return "no service manager";
        }
      };

  /**
   * The notifier for this process's environment: {@link #NONE} when {@code NOTIFY_SOCKET} is unset
   * or empty (no native library is loaded then); otherwise libsystemd's sd_notify through JNA. If
   * libsystemd cannot be loaded although systemd asked for notifications, the error is logged and
   * {@link #NONE} returned: the service manager will then report that start-up timed out.
   */
  static ServiceNotifier fromEnvironment(Map<String, String> environment) {
    String socket = environment.get("NOTIFY_SOCKET");
    if (socket == null || socket.isEmpty()) {
      return NONE;
    }
    Logger log = LoggerFactory.getLogger(ServiceNotifier.class);
    try {
      ServiceNotifier notifier = SystemdNotifier.load();
      log.info("Notifying systemd through {} (NOTIFY_SOCKET={})", notifier, socket);
      return notifier;
    } catch (LinkageError | RuntimeException e) {
      log.error(
          "NOTIFY_SOCKET is set ({}) but libsystemd's sd_notify could not be loaded: {}. systemd will not"
              + " hear READY=1 or watchdog pings; install libsystemd0 or run without Type=notify",
          socket,
          e.toString());
      return NONE;
    }
  }

  private static String oneLine(String status) {
    return status.replace('\n', ' ').replace('\r', ' ');
  }
}
