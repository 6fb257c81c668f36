package com.smarttoaster.remote;

import static com.smarttoaster.remote.Eventually.await;
import static com.smarttoaster.remote.RemoteFixture.events;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.smarttoaster.history.CycleOutcome;
import com.smarttoaster.history.CycleRecord;
import com.smarttoaster.history.HistoryDatabase;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * kill -9 of the toaster process while its broker is unreachable: the events it had committed go
 * out, in order, when the next process opens the same database and reaches a broker; a cycle it was
 * running is closed as interrupted by that next process.
 */
@Tag("network")
class OutboxCrashTest {
  @TempDir Path dir;

  /**
   * Runs {@link CrashingToaster} with {@code args} until it says READY, then kills it with SIGKILL.
   */
  private static void runAndKill(String... args) throws Exception {
    Path java = Path.of(System.getProperty("java.home"), "bin", "java");
    List<String> command =
        new ArrayList<>(
            List.of(
                java.toString(),
                "-Xmx256m",
                "-Dorg.slf4j.simpleLogger.defaultLogLevel=warn",
                "-cp",
                System.getProperty("java.class.path"),
                CrashingToaster.class.getName()));
    command.addAll(List.of(args));
    Process child =
        new ProcessBuilder(command).redirectError(ProcessBuilder.Redirect.DISCARD).start();
    try (BufferedReader out =
        new BufferedReader(new InputStreamReader(child.getInputStream(), StandardCharsets.UTF_8))) {
      String line = out.readLine();
      assertTrue(line != null && line.startsWith("READY"), "the child ran its cycle: " + line);
    } finally {
      child.destroyForcibly(); // SIGKILL: no shutdown hook, no clean close of the database
      child.waitFor(10, TimeUnit.SECONDS);
    }
  }

  @Test
  void eventsCommittedBeforeAKillMinus9AreDeliveredByTheNextProcess() throws Exception {
    Path db = dir.resolve("history.db");
    String device = RemoteFixture.newDeviceId();
    runAndKill(db.toString(), device, "tcp://127.0.0.1:" + FreePort.find());

    try (PlainMosquitto broker = new PlainMosquitto()) {
      HistoryDatabase history = HistoryDatabase.open(db, 100, 100);
      assertEquals(2, history.outbox().size(), "started and done wait in the outbox");
      assertEquals(
          CycleOutcome.DONE,
          history.cycles().last().orElseThrow().outcome(),
          "the cycle was recorded");
      Topics topics = new Topics(device, "homeassistant");
      try (TestClient ha =
              new TestClient(broker.url(), "ha-" + device).connect().subscribe(topics.event());
          MqttRemote remote =
              RemoteFixture.remote(
                  RemoteFixture.transport(broker.url(), device),
                  device,
                  history.cycles(),
                  history.outbox(),
                  2,
                  10)) {
        await(
            () -> events(ha, topics).size() >= 2, () -> "the old events arrive: " + ha.received());
        List<JsonNode> e = events(ha, topics);
        assertEquals("started", e.get(0).get("event_type").asText());
        assertEquals("done", e.get(1).get("event_type").asText());
        assertEquals(e.get(0).get("seq").asLong() + 1, e.get(1).get("seq").asLong());
        assertEquals(e.get(0).get("cycle").get("cycleId"), e.get(1).get("cycle").get("cycleId"));
        assertTrue(remote.drain(Eventually.NETWORK));
        assertEquals(0, history.outbox().size(), "acknowledged events leave the outbox");
      } finally {
        history.close();
      }
    }
  }

  @Test
  void aCycleRunningAtAKillMinus9IsClosedAsInterruptedByTheNextProcess() throws Exception {
    Path db = dir.resolve("history.db");
    String device = RemoteFixture.newDeviceId();
    runAndKill(db.toString(), device, "tcp://127.0.0.1:" + FreePort.find(), "mid-cycle");

    try (PlainMosquitto broker = new PlainMosquitto()) {
      HistoryDatabase history = HistoryDatabase.open(db, 100, 100);
      CycleRecord left =
          history.cycles().last().orElseThrow(() -> new AssertionError("the start left no trace"));
      assertEquals(
          CycleOutcome.RUNNING, left.outcome(), "the killed process left its cycle running");
      Topics topics = new Topics(device, "homeassistant");
      try (TestClient ha =
              new TestClient(broker.url(), "ha-" + device).connect().subscribe(topics.event());
          MqttRemote remote =
              RemoteFixture.remote(
                  RemoteFixture.transport(broker.url(), device),
                  device,
                  history.cycles(),
                  history.outbox(),
                  2,
                  10)) {
        assertEquals(List.of(left.interrupted()), remote.closeInterruptedCycles());
        assertEquals(List.of(left.interrupted()), history.cycles().all());
        await(
            () -> events(ha, topics).size() >= 2,
            () -> "started, then interrupted: " + ha.received());
        List<JsonNode> e = events(ha, topics);
        assertEquals("started", e.get(0).get("event_type").asText());
        assertEquals("interrupted", e.get(1).get("event_type").asText());
        assertEquals(e.get(0).get("seq").asLong() + 1, e.get(1).get("seq").asLong());
        JsonNode cycle = e.get(1).get("cycle");
        assertEquals(left.cycleId(), cycle.get("cycleId").asText());
        assertEquals("interrupted", cycle.get("outcome").asText());
        assertTrue(cycle.get("heaterOnS").isNull(), "the heater time is unknown, not 0: " + cycle);
        assertEquals(List.of(), remote.closeInterruptedCycles(), "closed once");
      } finally {
        history.close();
      }
    }
  }
}
