package com.smarttoaster.remote;

import java.io.File;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.Assumptions;

/**
 * A real Mosquitto 2 process on free loopback ports, set up the way Debian's package runs it: a
 * main config like Debian's {@code /etc/mosquitto/mosquitto.conf} (pid file, persistence and its
 * location, log, then {@code include_dir conf.d}), and in that conf.d the shipped {@code
 * config/mosquitto/mosquitto.conf} as it is, only its {@code /etc/mosquitto/} paths pointed at this
 * test's directory and its listener at a free loopback port. Beside it the shipped ACL, a password
 * file made with mosquitto_passwd and a throwaway CA and server certificate made with openssl. A
 * second listener (a test-only conf.d file) also demands a client certificate.
 */
public final class MosquittoBroker implements AutoCloseable {
  static final String HA_USER = "homeassistant";
  static final List<String> USERS = List.of(HA_USER, "kitchen", "hall");
  static final Path SHIPPED_ACL = Path.of("config/mosquitto/acl");
  static final Path SHIPPED_CONF = Path.of("config/mosquitto/mosquitto.conf");

  final Path dir;
  final int tlsPort;
  final int certPort;
  private Process process;

  /**
   * Skips the calling test when Mosquitto, mosquitto_passwd or openssl is missing, except with
   * CI=true, where it fails: CI installs them (.ci/run) and must run these tests.
   */
  public static void assumeInstalled() {
    List<String> missing = new ArrayList<>();
    for (String tool : List.of("mosquitto", "mosquitto_passwd", "openssl")) {
      if (executable(tool).isEmpty()) {
        missing.add(tool);
      }
    }
    if (missing.isEmpty()) {
      return;
    }
    String msg =
        "not installed: "
            + String.join(", ", missing)
            + " (apt-get install mosquitto mosquitto-clients openssl)";
    if ("true".equalsIgnoreCase(System.getenv("CI"))) {
      Assertions.fail("CI=true and the Mosquitto tests cannot run: " + msg);
    }
    Assumptions.abort(msg);
  }

  static Optional<Path> executable(String name) {
    List<String> dirs =
        new ArrayList<>(
            List.of(System.getenv().getOrDefault("PATH", "").split(File.pathSeparator)));
    dirs.addAll(List.of("/usr/sbin", "/usr/local/sbin", "/sbin", "/usr/bin"));
    for (String d : dirs) {
      Path p = Path.of(d.isEmpty() ? "." : d, name);
      if (Files.isExecutable(p)) {
        return Optional.of(p);
      }
    }
    return Optional.empty();
  }

  MosquittoBroker(Path dir) throws Exception {
    this(dir, false, List.of());
  }

  /** The shipped broker with these users in its password file too (fleet tools, many toasters). */
  public MosquittoBroker(Path dir, List<String> moreUsers) throws Exception {
    this(dir, false, moreUsers);
  }

  /**
   * @param withoutSizeLimits drop the shipped max_packet_size and message_size_limit lines, as a
   *     broker shared with larger traffic might: then only the toaster's own limit protects it
   */
  MosquittoBroker(Path dir, boolean withoutSizeLimits) throws Exception {
    this(dir, withoutSizeLimits, List.of());
  }

  private MosquittoBroker(Path dir, boolean withoutSizeLimits, List<String> moreUsers)
      throws Exception {
    this.dir = dir;
    this.tlsPort = FreePort.find();
    this.certPort = FreePort.find();
    makeCertificates();
    makePasswords(moreUsers);
    Path confD = Files.createDirectories(dir.resolve("conf.d"));
    Files.createDirectories(dir.resolve("certs"));
    for (String f : List.of("ca.crt", "server.crt", "server.key")) {
      Files.copy(dir.resolve(f), dir.resolve("certs").resolve(f));
    }
    Files.copy(SHIPPED_ACL, dir.resolve("acl"));
    String shipped = Files.readString(SHIPPED_CONF);
    if (withoutSizeLimits) {
      shipped = shipped.replaceAll("(?m)^(max_packet_size|message_size_limit) .*$", "");
    }
    if (!shipped.contains("\nlistener 8883\n")) {
      Assertions.fail(SHIPPED_CONF + " no longer has 'listener 8883'; adapt this test to it");
    }
    Files.writeString(
        confD.resolve("smart-toaster.conf"),
        shipped
            .replace("/etc/mosquitto/", dir.toAbsolutePath() + "/")
            .replace("\nlistener 8883\n", "\nlistener " + tlsPort + " 127.0.0.1\n"));
    Files.writeString(
        confD.resolve("test-client-certificates.conf"),
        String.join(
            "\n",
            "listener " + certPort + " 127.0.0.1",
            "cafile " + dir.resolve("ca.crt"),
            "certfile " + dir.resolve("server.crt"),
            "keyfile " + dir.resolve("server.key"),
            "require_certificate true",
            "use_username_as_clientid true",
            ""));
    // Debian's main file, with this directory for /run, /var/lib and /etc; 'user' because the
    // tests may run as root, where Mosquitto would otherwise switch to a 'mosquitto' user.
    Files.writeString(
        dir.resolve("mosquitto.conf"),
        String.join(
            "\n",
            "user " + System.getProperty("user.name"),
            "pid_file " + dir.resolve("mosquitto.pid"),
            "persistence true",
            "persistence_location " + dir.toAbsolutePath() + "/",
            "log_dest stderr",
            "log_type error",
            "log_type warning",
            "include_dir " + confD,
            ""));
    start();
  }

  public static String password(String user) {
    return "pw-" + user + "-7Tq";
  }

  /** What Mosquitto logged so far. */
  String log() throws IOException {
    return Files.readString(dir.resolve("mosquitto.log"));
  }

  Path passwordFile(String user) throws IOException {
    Path p = dir.resolve(user + ".password");
    Files.writeString(p, password(user) + "\n");
    return p;
  }

  public Path ca() {
    return dir.resolve("ca.crt");
  }

  Path clientCert() {
    return dir.resolve("client.crt");
  }

  Path clientKey() {
    return dir.resolve("client.key");
  }

  public String tlsUrl() {
    return "ssl://127.0.0.1:" + tlsPort;
  }

  String certUrl() {
    return "ssl://127.0.0.1:" + certPort;
  }

  void start() throws Exception {
    process =
        new ProcessBuilder(
                executable("mosquitto").orElseThrow().toString(),
                "-c",
                dir.resolve("mosquitto.conf").toString())
            .redirectErrorStream(true)
            .redirectOutput(ProcessBuilder.Redirect.appendTo(dir.resolve("mosquitto.log").toFile()))
            .start();
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
    while (!listening(tlsPort) || !listening(certPort)) {
      if (!process.isAlive() || System.nanoTime() > deadline) {
        Assertions.fail(
            "mosquitto did not start: " + Files.readString(dir.resolve("mosquitto.log")));
      }
      Thread.sleep(20);
    }
  }

  /** SIGKILL, as a crash or power cut of the broker host would. */
  void kill() throws InterruptedException {
    process.destroyForcibly();
    process.waitFor(5, TimeUnit.SECONDS);
  }

  private static boolean listening(int port) {
    try (Socket s = new Socket()) {
      s.connect(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 200);
      return true;
    } catch (IOException e) {
      return false;
    }
  }

  private void makeCertificates() throws Exception {
    Files.writeString(dir.resolve("server.ext"), "subjectAltName=IP:127.0.0.1,DNS:localhost\n");
    String ec = "ec_paramgen_curve:prime256v1";
    run(
        "openssl",
        "req",
        "-x509",
        "-newkey",
        "ec",
        "-pkeyopt",
        ec,
        "-nodes",
        "-days",
        "2",
        "-keyout",
        "ca.key",
        "-out",
        "ca.crt",
        "-subj",
        "/CN=toaster-test-ca");
    for (String who : List.of("server", "client")) {
      run(
          "openssl",
          "req",
          "-newkey",
          "ec",
          "-pkeyopt",
          ec,
          "-nodes",
          "-keyout",
          who + ".key",
          "-out",
          who + ".csr",
          "-subj",
          "/CN=" + (who.equals("server") ? "localhost" : "kitchen"));
      List<String> sign =
          new ArrayList<>(
              List.of(
                  "openssl",
                  "x509",
                  "-req",
                  "-in",
                  who + ".csr",
                  "-CA",
                  "ca.crt",
                  "-CAkey",
                  "ca.key",
                  "-CAcreateserial",
                  "-days",
                  "2",
                  "-out",
                  who + ".crt"));
      if (who.equals("server")) {
        sign.addAll(List.of("-extfile", "server.ext"));
      }
      run(sign.toArray(new String[0]));
    }
  }

  private void makePasswords(List<String> moreUsers) throws Exception {
    Path passwd = dir.resolve("passwd");
    boolean first = true;
    List<String> users = new ArrayList<>(USERS);
    users.addAll(moreUsers);
    for (String user : users) {
      List<String> cmd =
          new ArrayList<>(List.of(executable("mosquitto_passwd").orElseThrow().toString()));
      if (first) {
        cmd.add("-c");
      }
      cmd.addAll(List.of("-b", passwd.toString(), user, password(user)));
      run(cmd.toArray(new String[0]));
      first = false;
    }
  }

  private void run(String... cmd) throws Exception {
    Process p = new ProcessBuilder(cmd).directory(dir.toFile()).redirectErrorStream(true).start();
    String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    if (!p.waitFor(30, TimeUnit.SECONDS) || p.exitValue() != 0) {
      Assertions.fail(String.join(" ", cmd) + " failed: " + out);
    }
  }

  @Override
  public void close() throws InterruptedException {
    if (process != null) {
      process.destroy();
      if (!process.waitFor(5, TimeUnit.SECONDS)) {
        kill();
      }
    }
  }
}
