package com.smarttoaster.service;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.sun.jna.Library;
import com.sun.jna.Native;
import com.sun.jna.NativeLibrary;
import com.sun.jna.Platform;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ServiceNotifierTest {

  @Test
  void withoutNotifySocketNothingIsSentAndNothingNativeIsLoaded() {
    assertSame(ServiceNotifier.NONE, ServiceNotifier.fromEnvironment(Map.of()));
    assertSame(ServiceNotifier.NONE, ServiceNotifier.fromEnvironment(Map.of("NOTIFY_SOCKET", "")));
    assertSame(
        ServiceNotifier.NONE, ServiceNotifier.fromEnvironment(Map.of("WATCHDOG_USEC", "5000000")));

    ServiceNotifier none = ServiceNotifier.NONE;
    assertFalse(none.isActive());
    none.ready("Ready");
    none.watchdog();
    none.status("FAULT");
    none.stopping("Stopping");
  }

  @Test
  void statusIsOneLine() {
    RecordingNotifier notifier = new RecordingNotifier();

    notifier.ready("FAULT SENSOR_FAULT: line one\nline two\r");
    notifier.stopping("bye");

    assertEquals(
        java.util.List.of(
            "READY=1\nSTATUS=FAULT SENSOR_FAULT: line one line two ", "STOPPING=1\nSTATUS=bye"),
        notifier.sent());
  }

  /**
   * The C library's socket calls, enough to play the service manager's end of the notify socket.
   */
  public interface LibC extends Library {
    int socket(int domain, int type, int protocol);

    int bind(int fd, byte[] address, int length);

    long recv(int fd, byte[] buffer, long length, int flags);

    int close(int fd);

    int setenv(String name, String value, int overwrite);

    int unsetenv(String name);
  }

  private static final int AF_UNIX = 1;
  private static final int SOCK_DGRAM = 2;
  private static final int MSG_DONTWAIT = 0x40;

  /**
   * The real thing: sd_notify in libsystemd, called through JNA, delivers to a datagram socket
   * bound where NOTIFY_SOCKET says (set in the C environment, which libsystemd reads).
   */
  @Test
  void sdNotifyDeliversReadyStatusAndWatchdogToTheNotifySocket(@TempDir Path dir) {
    assumeTrue(Platform.isLinux(), "libsystemd is Linux only");
    try {
      NativeLibrary.getInstance(SystemdNotifier.LIBRARY);
    } catch (UnsatisfiedLinkError e) {
      assumeTrue(false, "no " + SystemdNotifier.LIBRARY + " here");
    }
    LibC c = Native.load("c", LibC.class);
    String path = dir.resolve("notify.sock").toString();
    int fd = c.socket(AF_UNIX, SOCK_DGRAM, 0);
    assertTrue(fd >= 0, "socket()");
    try {
      assertEquals(0, c.bind(fd, socketAddress(path), 2 + path.length() + 1), "bind()");
      c.setenv("NOTIFY_SOCKET", path, 1);

      ServiceNotifier notifier = ServiceNotifier.fromEnvironment(Map.of("NOTIFY_SOCKET", path));
      assertTrue(notifier.isActive());
      notifier.ready("Ready: chamber 21.5 °C");
      notifier.watchdog();
      notifier.stopping("Stopping");

      assertEquals("READY=1\nSTATUS=Ready: chamber 21.5 °C", receive(c, fd));
      assertEquals("WATCHDOG=1", receive(c, fd));
      assertEquals("STOPPING=1\nSTATUS=Stopping", receive(c, fd));
      assertEquals(null, receive(c, fd), "nothing else was sent");
    } finally {
      c.unsetenv("NOTIFY_SOCKET");
      c.close(fd);
    }
  }

  @Test
  void aNotifySocketNobodyListensOnIsLoggedNotThrown(@TempDir Path dir) {
    assumeTrue(Platform.isLinux(), "libsystemd is Linux only");
    try {
      NativeLibrary.getInstance(SystemdNotifier.LIBRARY);
    } catch (UnsatisfiedLinkError e) {
      assumeTrue(false, "no " + SystemdNotifier.LIBRARY + " here");
    }
    LibC c = Native.load("c", LibC.class);
    String path = dir.resolve("nobody.sock").toString();
    c.setenv("NOTIFY_SOCKET", path, 1);
    try {
      ServiceNotifier notifier = ServiceNotifier.fromEnvironment(Map.of("NOTIFY_SOCKET", path));
      notifier.watchdog();
      notifier.watchdog();
    } finally {
      c.unsetenv("NOTIFY_SOCKET");
    }
  }

  /** struct sockaddr_un: a 16-bit family in host byte order (little-endian here), then the path. */
  private static byte[] socketAddress(String path) {
    byte[] address = new byte[110];
    address[0] = (byte) AF_UNIX;
    byte[] p = path.getBytes(StandardCharsets.UTF_8);
    System.arraycopy(p, 0, address, 2, p.length);
    return address;
  }

  private static String receive(LibC c, int fd) {
    byte[] buffer = new byte[4096];
    long n = c.recv(fd, buffer, buffer.length, MSG_DONTWAIT);
    return n < 0 ? null : new String(Arrays.copyOf(buffer, (int) n), StandardCharsets.UTF_8);
  }
}
