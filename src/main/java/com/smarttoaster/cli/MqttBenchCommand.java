package com.smarttoaster.cli;

import com.smarttoaster.bench.MqttFleetBench;
import java.io.IOException;
import java.io.PrintWriter;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import java.util.function.LongSupplier;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code bench-mqtt}: a fleet of simulated toasters against one local Mosquitto. */
@Command(
    name = "bench-mqtt",
    mixinStandardHelpOptions = true,
    header = "A fleet of simulated toasters against one MQTT broker.",
    description =
        "A fleet of simulated toasters in real time, each with its own MQTT client, against one broker:"
            + " messages per second, CPU per toaster, state-change-to-subscriber latency. Without --broker-url it"
            + " starts its own Mosquitto on a free loopback port (needs mosquitto installed).")
public final class MqttBenchCommand implements Callable<Integer> {
  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Option(
      names = "--toasters",
      defaultValue = "100",
      paramLabel = "N",
      description = "Fleet size (default ${DEFAULT-VALUE}).")
  int toasters;

  @Option(
      names = "--seconds",
      defaultValue = "30",
      paramLabel = "S",
      description = "Measured seconds per phase (default ${DEFAULT-VALUE}).")
  double seconds;

  @Option(
      names = "--broker-url",
      paramLabel = "URL",
      description = "Use this broker instead; URL: tcp://HOST:PORT")
  String brokerUrl;

  @Override
  public Integer call() throws Exception {
    PrintWriter out = spec.commandLine().getOut();
    PrintWriter err = spec.commandLine().getErr();
    if (toasters < 1 || toasters > 2000 || !(seconds >= 1 && seconds <= 600)) {
      err.println("--toasters must be 1..2000 and --seconds 1..600");
      return Main.EXIT_BAD_INPUT;
    }
    Process mosquitto = null;
    Path dir = null;
    LongSupplier brokerCpu = null;
    try {
      if (brokerUrl == null) {
        Path exe =
            List.of("/usr/sbin/mosquitto", "/usr/local/sbin/mosquitto", "/usr/bin/mosquitto")
                .stream()
                .map(Path::of)
                .filter(Files::isExecutable)
                .findFirst()
                .orElse(null);
        if (exe == null) {
          err.println(
              "mosquitto is not installed (apt-get install mosquitto); or give --broker-url");
          return Main.EXIT_BAD_INPUT;
        }
        int port = freePort();
        dir = Files.createTempDirectory("bench-mqtt");
        Path conf = dir.resolve("mosquitto.conf");
        Files.writeString(
            conf,
            "user "
                + System.getProperty("user.name")
                + "\nlistener "
                + port
                + " 127.0.0.1\nallow_anonymous true\npersistence false\nmax_queued_messages 100000\nlog_type error\n");
        mosquitto =
            new ProcessBuilder(exe.toString(), "-c", conf.toString())
                .redirectErrorStream(true)
                .redirectOutput(dir.resolve("mosquitto.log").toFile())
                .start();
        waitListening(port, mosquitto);
        brokerUrl = "tcp://127.0.0.1:" + port;
        long pid = mosquitto.pid();
        brokerCpu = () -> procCpuNanos(pid);
        out.println("broker: " + exe + " (pid " + pid + ") on " + brokerUrl);
      }
      out.printf(
          Locale.ROOT,
          "machine: %d cores, %s %s, Java %s; %d toasters, %.0f s per phase%n",
          Runtime.getRuntime().availableProcessors(),
          System.getProperty("os.name"),
          System.getProperty("os.arch"),
          System.getProperty("java.version"),
          toasters,
          seconds);
      out.flush();
      MqttFleetBench.Result r = MqttFleetBench.run(brokerUrl, toasters, seconds, brokerCpu);
      out.printf(
          Locale.ROOT,
          "messages at the subscriber: %.1f /s (%d states, %d events in %.0f s)%n",
          r.messagesPerS(),
          r.stateMessages(),
          r.eventMessages(),
          r.seconds());
      out.printf(
          Locale.ROOT,
          "CPU per toaster: %.3f%% of a core with MQTT, %.3f%% without (MQTT adds %.3f%%)%n",
          r.cpuPerToasterMqtt() * 100,
          r.cpuPerToasterNoMqtt() * 100,
          (r.cpuPerToasterMqtt() - r.cpuPerToasterNoMqtt()) * 100);
      if (!Double.isNaN(r.brokerCpu())) {
        out.printf(Locale.ROOT, "broker CPU: %.1f%% of a core%n", r.brokerCpu() * 100);
      }
      out.printf(
          Locale.ROOT,
          "state change to subscriber: %s (%d samples)%n",
          MqttFleetBench.latencies(r.latencyMs()),
          r.matched());
      return 0;
    } finally {
      if (mosquitto != null) {
        mosquitto.destroy();
        mosquitto.waitFor(5, TimeUnit.SECONDS);
      }
    }
  }

  private static int freePort() throws IOException {
    try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      return s.getLocalPort();
    }
  }

  private static void waitListening(int port, Process p) throws Exception {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
    while (System.nanoTime() < deadline && p.isAlive()) {
      try (Socket s = new Socket()) {
        s.connect(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 200);
        return;
      } catch (IOException e) {
        Thread.sleep(20);
      }
    }
    throw new IOException("mosquitto did not start listening on port " + port);
  }

  /** utime + stime of a process from /proc, in ns (assumes 100 clock ticks per second). */
  private static long procCpuNanos(long pid) {
    try {
      String stat = Files.readString(Path.of("/proc/" + pid + "/stat"));
      String[] f = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
      return (Long.parseLong(f[11]) + Long.parseLong(f[12])) * 10_000_000L;
    } catch (IOException | RuntimeException e) {
      return 0;
    }
  }
}
