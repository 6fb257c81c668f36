package com.smarttoaster.remote;

import static com.smarttoaster.remote.Eventually.await;
import static com.smarttoaster.remote.RemoteFixture.events;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.smarttoaster.cli.Main;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.List;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

/**
 * {@code simulate --mqtt-url URL --device-id ID} publishes the simulated cycle like a real toaster.
 */
@Tag("network")
class SimulateOverMqttTest {
  private static int simulate(StringWriter out, StringWriter err, String... args) {
    CommandLine cl = Main.commandLine();
    cl.setOut(new PrintWriter(out));
    cl.setErr(new PrintWriter(err));
    return cl.execute(args);
  }

  @Test
  void aSimulatedCycleIsPublishedWithItsStateAndEvents() throws Exception {
    String id = RemoteFixture.newDeviceId();
    Topics topics = new Topics(id, "homeassistant");
    try (PlainMosquitto broker = new PlainMosquitto();
        TestClient ha = new TestClient(broker.url(), "ha-" + id).connect()) {
      ha.subscribe(topics.base() + "/#").subscribe(topics.discovery());
      StringWriter out = new StringWriter();
      StringWriter err = new StringWriter();
      int exit =
          simulate(
              out,
              err,
              "simulate",
              "--scenario",
              "src/test/resources/scenarios/normal-white-medium.json",
              "--predictor",
              "fallback",
              "--json",
              "--mqtt-url",
              broker.url(),
              "--device-id",
              id);
      assertEquals(0, exit, err.toString());
      assertEquals(
          1,
          out.toString().strip().split("\n").length,
          "stdout still holds exactly the result: " + out);
      await(
          () ->
              events(ha, topics).stream()
                  .anyMatch(e -> e.get("event_type").asText().equals("done")),
          () -> "done event: " + ha.received());
      List<JsonNode> events = events(ha, topics);
      assertEquals(
          List.of("started", "done"),
          events.stream().map(e -> e.get("event_type").asText()).toList());
      assertTrue(
          ha.on(topics.state()).stream()
              .anyMatch(m -> m.payload().contains("\"phase\":\"toasting\"")));
      assertTrue(!ha.on(topics.discovery()).isEmpty());
      await(() -> ha.has(topics.status(), "offline"::equals), () -> "offline at the end");
    }
  }

  /**
   * Runs one kitchen scenario with the model, published to a broker of its own, and returns the
   * events Home Assistant heard, up to and including done.
   */
  private static List<JsonNode> modelEventsOf(String kitchenScenario) throws Exception {
    String id = RemoteFixture.newDeviceId();
    Topics topics = new Topics(id, "homeassistant");
    try (PlainMosquitto broker = new PlainMosquitto();
        TestClient ha = new TestClient(broker.url(), "ha-" + id).connect()) {
      ha.subscribe(topics.base() + "/#");
      int exit =
          simulate(
              new StringWriter(),
              new StringWriter(),
              "simulate",
              "--scenario",
              "src/test/resources/kitchen-scenarios/" + kitchenScenario,
              "--predictor",
              "model",
              "--json",
              "--mqtt-url",
              broker.url(),
              "--device-id",
              id);
      assertEquals(0, exit);
      await(
          () ->
              events(ha, topics).stream()
                  .anyMatch(e -> e.get("event_type").asText().equals("done")),
          () -> "done event: " + ha.received());
      return events(ha, topics);
    }
  }

  @Test
  void theRePredictionsArePublishedAsEventsWithTheirReasons() throws Exception {
    List<JsonNode> events = modelEventsOf("low-mains-config-says-230.json");
    assertEquals(
        List.of("started", "re-predicted", "re-predicted", "done"),
        events.stream().map(e -> e.get("event_type").asText()).toList());
    String first = events.get(1).get("reason").asText();
    assertTrue(
        first.matches(
            "[0-9.]+ s \\(was [0-9.]+ s\\): .*chamber rose [0-9./]+ °C after 10/20/30 s of heating.*"),
        first);
    String second = events.get(2).get("reason").asText();
    assertTrue(
        second.matches(
            "[0-9.]+ s \\(was [0-9.]+ s\\): .*chamber rose [0-9./]+ °C after 10/20/30/40/50/60 s of"
                + " heating.*"),
        second);
  }

  @Test
  void frozenBreadInToastModeIsPublishedAsABreadCheckedEventBeforeTheStart() throws Exception {
    List<JsonNode> events = modelEventsOf("frozen-forgot-defrost.json");
    assertEquals("bread-checked", events.get(0).get("event_type").asText(), events.toString());
    assertEquals("started", events.get(1).get("event_type").asText());
    String reason = events.get(0).get("reason").asText();
    assertTrue(
        reason.matches(
            "bread thermometer: bread at -1[0-9.]+ °C is frozen but the mode is toast;"
                + " predicted as defrost"),
        reason);
  }

  @Test
  void eventIdsStayUniqueAcrossRunsThoughSeqStartsAgain() throws Exception {
    String id = RemoteFixture.newDeviceId();
    Topics topics = new Topics(id, "homeassistant");
    try (PlainMosquitto broker = new PlainMosquitto();
        TestClient ha = new TestClient(broker.url(), "ha-" + id).connect()) {
      ha.subscribe(topics.event());
      for (int run = 1; run <= 2; run++) {
        assertEquals(
            0,
            simulate(
                new StringWriter(),
                new StringWriter(),
                "simulate",
                "--scenario",
                "src/test/resources/scenarios/normal-white-medium.json",
                "--predictor",
                "fallback",
                "--json",
                "--mqtt-url",
                broker.url(),
                "--device-id",
                id));
        int n = 2 * run;
        await(
            () -> events(ha, topics).size() == n,
            () -> "started and done of each run: " + ha.received());
      }
      List<JsonNode> events = events(ha, topics);
      assertEquals(
          List.of(1L, 2L, 1L, 2L),
          events.stream().map(e -> e.get("seq").asLong()).toList(),
          "seq counts the events of one run");
      assertEquals(
          4,
          events.stream().map(e -> e.get("id").asText()).distinct().count(),
          "ids never repeat: " + events);
      assertTrue(
          !events.get(0).get("run").asText().equals(events.get(2).get("run").asText()),
          "each run has its id");
      for (JsonNode e : events) {
        assertEquals(e.get("run").asText() + "-" + e.get("seq").asLong(), e.get("id").asText());
      }
    }
  }

  @Test
  void anUnreachableBrokerOrABadIdIsBadInput() {
    StringWriter err = new StringWriter();
    assertEquals(
        2,
        simulate(
            new StringWriter(),
            err,
            "simulate",
            "--scenario",
            "src/test/resources/scenarios/normal-white-medium.json",
            "--mqtt-url",
            "tcp://127.0.0.1:1",
            "--device-id",
            "Bad Id"));
    assertTrue(err.toString().contains("--device-id: 'Bad Id'"), err.toString());
  }
}
