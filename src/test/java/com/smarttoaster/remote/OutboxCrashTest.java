package com.smarttoaster.remote;

import static com.smarttoaster.remote.Eventually.await;
import static com.smarttoaster.remote.RemoteFixture.events;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.smarttoaster.history.CycleOutcome;
import com.smarttoaster.history.HistoryDatabase;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * kill -9 of the toaster process while its broker is unreachable: the events it had committed go
 * out, in order, when the next process opens the same database and reaches a broker.
 */
class OutboxCrashTest {
  @TempDir Path dir;

  @Test
  void eventsCommittedBeforeAKillMinus9AreDeliveredByTheNextProcess() throws Exception {
    Path db = dir.resolve("history.db");
    String device = RemoteFixture.newDeviceId();
    String deadBroker = "tcp://127.0.0.1:" + FreePort.find();
    Path java = Path.of(System.getProperty("java.home"), "bin", "java");
    Process child = new ProcessBuilder(java.toString(), "-Xmx256m", "-Dorg.slf4j.simpleLogger.defaultLogLevel=warn",
        "-cp", System.getProperty("java.class.path"), CrashingToaster.class.getName(), db.toString(), device, deadBroker)
        .redirectError(ProcessBuilder.Redirect.DISCARD)
        .start();
    try (BufferedReader out = new BufferedReader(new InputStreamReader(child.getInputStream(), StandardCharsets.UTF_8))) {
      String line = out.readLine();
      assertTrue(line != null && line.startsWith("READY"), "the child ran a cycle: " + line);
    } finally {
      child.destroyForcibly(); // SIGKILL: no shutdown hook, no clean close of the database
      child.waitFor(10, TimeUnit.SECONDS);
    }

    try (EmbeddedBroker broker = new EmbeddedBroker()) {
      HistoryDatabase history = HistoryDatabase.open(db, 100, 100);
      assertEquals(2, history.outbox().size(), "started and done wait in the outbox");
      assertEquals(CycleOutcome.DONE, history.cycles().last().orElseThrow().outcome(), "the cycle was recorded");
      Topics topics = new Topics(device, "homeassistant");
      try (TestClient ha = new TestClient(broker.url(), "ha-" + device).connect().subscribe(topics.event());
          MqttRemote remote = RemoteFixture.remote(RemoteFixture.transport(broker.url(), device), device,
              history.cycles(), history.outbox(), 2, 10)) {
        await(() -> events(ha, topics).size() >= 2, () -> "the old events arrive: " + ha.received());
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
}
