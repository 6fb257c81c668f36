package com.smarttoaster.remote;

import static com.smarttoaster.remote.Eventually.await;
import static com.smarttoaster.remote.RemoteFixture.event;
import static com.smarttoaster.remote.RemoteFixture.events;
import static com.smarttoaster.remote.RemoteFixture.hasEvent;
import static com.smarttoaster.remote.RemoteFixture.json;
import static com.smarttoaster.remote.RemoteFixture.lastState;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.smarttoaster.control.CyclePhase;
import com.smarttoaster.hal.Indicator;
import com.smarttoaster.hal.ThermocoupleFault;
import com.smarttoaster.hal.UserEvent;
import com.smarttoaster.history.CycleOutcome;
import com.smarttoaster.history.CycleRecord;
import com.smarttoaster.history.HistoryDatabase;
import com.smarttoaster.history.InMemoryCycleHistory;
import com.smarttoaster.history.InMemoryEventOutbox;
import com.smarttoaster.history.Rating;
import com.smarttoaster.predict.Prediction;
import com.smarttoaster.predict.PredictionInput;
import com.smarttoaster.predict.PredictorName;
import com.smarttoaster.service.SelfTestReport;
import com.smarttoaster.service.StartupSelfTest;
import com.smarttoaster.testkit.SimToaster;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The remote side against a real broker (a plain Mosquitto on loopback), with the simulated
 * appliance, real supervisor and controller in stepped simulated time. Only the network is waited
 * for, with a deadline.
 */
class MqttRemoteTest extends PlainMosquittoTest {
  private MqttRemote connectedRemote(double rate, int burst, InMemoryCycleHistory history)
      throws Exception {
    MqttRemote r =
        keep(
            RemoteFixture.remote(
                RemoteFixture.transport(broker.url(), id),
                id,
                history,
                new InMemoryEventOutbox(1000),
                rate,
                burst));
    assertTrue(r.awaitConnected(Eventually.NETWORK), "the bridge connects to the broker");
    return r;
  }

  @Test
  void announcesItselfWithRetainedStatusStateAndDeviceDiscovery() throws Exception {
    MqttRemote remote = connectedRemote(2, 10, new InMemoryCycleHistory(10));
    SimToaster toaster = keep(new SimToaster(remote, false)).run(0.2);
    assertTrue(remote.drain(Eventually.NETWORK));
    TestClient ha = homeAssistant(); // subscribes afterwards: sees only what was retained

    await(
        () ->
            ha.has(topics.status(), "online"::equals)
                && lastState(ha, topics) != null
                && !ha.on(topics.discovery()).isEmpty(),
        () -> "retained status, state and discovery: " + ha.received());
    // A subscriber that came later got them, so the broker retained them.

    JsonNode state = lastState(ha, topics);
    assertEquals(
        List.of(
            "phase",
            "chamberC",
            "remainingS",
            "shade",
            "bread",
            "mode",
            "heating",
            "fault",
            "remoteStartArmed",
            "predictor",
            "predictedS",
            "ratingInvited",
            "rating",
            "tasteOffset",
            "taste"),
        fieldNames(state));
    assertEquals("idle", state.get("phase").asText());
    assertEquals(21.0, state.get("chamberC").asDouble(), 1.0);
    assertEquals(4, state.get("shade").asInt());
    assertFalse(state.get("heating").asBoolean());
    assertTrue(state.get("fault").isNull());

    JsonNode d = json(ha.on(topics.discovery()).get(0).payload());
    assertEquals("smart_toaster_" + id.replace('-', '_'), d.get("dev").get("ids").get(0).asText());
    assertEquals("smart-toaster", d.get("o").get("name").asText());
    assertEquals(topics.status(), d.get("availability_topic").asText());
    assertEquals(topics.state(), d.get("state_topic").asText());
    JsonNode c = d.get("cmps");
    assertComponent(
        c.get("chamber"),
        "sensor",
        "device_class",
        "temperature",
        "unit_of_measurement",
        "°C",
        "state_class",
        "measurement");
    assertComponent(
        c.get("remaining"), "sensor", "device_class", "duration", "unit_of_measurement", "s");
    assertComponent(c.get("heating"), "binary_sensor", "device_class", "heat");
    assertComponent(
        c.get("fault"),
        "binary_sensor",
        "device_class",
        "problem",
        "entity_category",
        "diagnostic");
    assertComponent(
        c.get("cancel"),
        "button",
        "command_topic",
        topics.command("cancel"),
        "payload_press",
        "PRESS");
    assertComponent(
        c.get("shade"), "number", "command_topic", topics.command("shade"), "min", "1", "max", "7");
    assertComponent(c.get("bread"), "select", "command_topic", topics.command("bread"));
    assertEquals(6, c.get("bread").get("options").size());
    assertComponent(c.get("mode"), "select", "command_topic", topics.command("mode"));
    assertComponent(
        c.get("feedback_too_dark"),
        "button",
        "command_topic",
        topics.command("feedback"),
        "payload_press",
        "too-dark");
    assertComponent(c.get("events"), "event", "state_topic", topics.event());
    assertTrue(c.get("events").get("event_types").toString().contains("rejected"));
    assertFalse(d.toString().contains("cmd/start"), "remote start has no Home Assistant entity");
    Set<String> uniqueIds = new TreeSet<>();
    c.forEach(comp -> uniqueIds.add(comp.get("uniq_id").asText()));
    assertEquals(c.size(), uniqueIds.size(), "every component has its own unique_id");
    toaster.close();
  }

  @Test
  void announcesAgainWhenHomeAssistantComesOnline() throws Exception {
    connectedRemote(2, 10, new InMemoryCycleHistory(10));
    TestClient ha = homeAssistant();
    await(() -> !ha.on(topics.discovery()).isEmpty(), () -> "discovery");
    ha.clear();
    ha.publish(topics.homeAssistantStatus(), "online", false);
    await(
        () -> !ha.on(topics.discovery()).isEmpty() && ha.has(topics.status(), "online"::equals),
        () -> "discovery and status again after Home Assistant's birth message: " + ha.received());
  }

  @Test
  void theWillMarksAToasterOfflineWhenItsConnectionDiesAndItComesBack() throws Exception {
    LoopbackProxy link = keep(new LoopbackProxy(broker.port()));
    MqttRemote remote = keep(RemoteFixture.remote(link.url(), id));
    assertTrue(remote.awaitConnected(Eventually.NETWORK));
    TestClient ha = homeAssistant();
    await(() -> ha.has(topics.status(), "online"::equals), () -> "online first");

    link.block(true);
    link.cutAll(); // the toaster vanishes without DISCONNECT: a crash or a pulled cable
    await(
        () -> ha.has(topics.status(), "offline"::equals),
        () -> "the broker publishes the will: " + ha.received());

    ha.clear();
    link.block(false);
    await(
        () -> ha.has(topics.status(), "online"::equals),
        () -> "online again after the automatic reconnect");
  }

  @Test
  void aCleanShutdownPublishesOffline() throws Exception {
    MqttRemote remote = RemoteFixture.remote(broker.url(), id);
    assertTrue(remote.awaitConnected(Eventually.NETWORK));
    TestClient ha = homeAssistant();
    await(() -> ha.has(topics.status(), "online"::equals), () -> "online");
    remote.close();
    await(() -> ha.has(topics.status(), "offline"::equals), () -> "offline after close");
  }

  @Test
  void aCycleIsPublishedAsStateChangesAndEventsAndRecorded() throws Exception {
    InMemoryCycleHistory history = new InMemoryCycleHistory(10);
    MqttRemote remote = connectedRemote(2, 10, history);
    TestClient ha = homeAssistant();
    SimToaster toaster = keep(new SimToaster(remote, false)).run(1);
    toaster.lever().run(10);
    await(
        () ->
            ha.has(
                topics.state(),
                p ->
                    json(p).get("phase").asText().equals("toasting")
                        && json(p).get("heating").asBoolean()),
        () -> "a toasting state: " + ha.on(topics.state()));
    JsonNode toasting = lastState(ha, topics);
    assertTrue(toasting.get("remainingS").asInt() > 0);
    assertEquals("fallback", toasting.get("predictor").asText());

    toaster.runUntil("done", 300).run(1);
    assertEquals(CyclePhase.DONE, toaster.controller.snapshot().phase());
    await(
        () ->
            hasEvent(ha, topics, "done")
                && "done".equals(lastState(ha, topics).get("phase").asText()),
        () -> "done event and state: " + ha.received());
    JsonNode started = event(ha, topics, "started");
    JsonNode done = event(ha, topics, "done");
    assertEquals(started.get("cycle").get("cycleId"), done.get("cycle").get("cycleId"));
    assertEquals("done", done.get("cycle").get("outcome").asText());
    assertEquals(
        done.get("cycle").get("predictedS").asDouble(),
        done.get("cycle").get("heaterOnS").asDouble(),
        0.2);
    assertTrue(done.get("seq").asLong() > started.get("seq").asLong());
    assertFalse(ha.on(topics.event()).get(0).retained(), "events are not retained");
    assertFalse(lastState(ha, topics).get("heating").asBoolean());

    await(() -> history.size() == 1, () -> "the cycle is recorded");
    CycleRecord r = history.last().orElseThrow();
    assertEquals(CycleOutcome.DONE, r.outcome());
    assertEquals(done.get("cycle").get("cycleId").asText(), r.cycleId());
    assertEquals(id, r.deviceId());
    assertEquals(4, r.input().settings().shade());
  }

  @Test
  void aFaultIsPublishedAsAnEventWithItsMessageAndInTheState() throws Exception {
    InMemoryCycleHistory history = new InMemoryCycleHistory(10);
    MqttRemote remote = connectedRemote(2, 10, history);
    SimToaster toaster = keep(new SimToaster(remote, false)).run(0.5);
    TestClient ha = homeAssistant();
    toaster.lever().run(10);
    toaster.appliance.thermocouple().setWiringFault(ThermocoupleFault.OPEN_CIRCUIT);
    toaster.run(1);
    assertEquals(CyclePhase.FAULT, toaster.controller.snapshot().phase());
    await(
        () ->
            hasEvent(ha, topics, "fault")
                && lastState(ha, topics) != null
                && "SENSOR_FAULT".equals(lastState(ha, topics).get("fault").asText()),
        () -> "fault event and state: " + ha.received());
    JsonNode e = event(ha, topics, "fault");
    assertTrue(e.get("reason").asText().contains("hold the reset button"), e.toString());
    assertEquals("SENSOR_FAULT", e.get("cycle").get("fault").asText());
    assertEquals("fault", lastState(ha, topics).get("phase").asText());
    // The running record is there from the start; the fault record replaces it.
    await(
        () -> history.last().map(r -> r.outcome() == CycleOutcome.FAULT).orElse(false),
        () -> "the faulted cycle is recorded: " + history.all());
    assertEquals(1, history.size());
  }

  @Test
  void aFailedStartUpSelfTestIsReportedOverMqttAndOnTheFaultLedAndNoCycleStarts() throws Exception {
    MqttRemote remote = connectedRemote(2, 10, new InMemoryCycleHistory(10));
    SimToaster toaster = keep(new SimToaster(remote, false));
    TestClient ha = homeAssistant();
    toaster
        .appliance
        .thermocouple()
        .setWiringFault(ThermocoupleFault.OPEN_CIRCUIT); // unplugged at power-up

    SelfTestReport report =
        new StartupSelfTest(
                toaster.supervisor,
                toaster.appliance.sensor(),
                toaster.appliance.currentSensor(),
                "fallback",
                null,
                ms -> toaster.clock.advance(ms * 1_000_000L))
            .run();
    // As in run: the self-test comes before the safety loop and the controller start ticking.
    toaster.run(0.5);

    assertFalse(report.passed(), report.toString());
    assertTrue(toaster.appliance.light(Indicator.FAULT), "the fault LED is lit");
    await(
        () ->
            hasEvent(ha, topics, "fault")
                && lastState(ha, topics) != null
                && "SENSOR_FAULT".equals(lastState(ha, topics).get("fault").asText()),
        () -> "fault event and state: " + ha.received());
    assertTrue(
        event(ha, topics, "fault").get("reason").asText().startsWith("Start-up self-test"),
        event(ha, topics, "fault").toString());

    toaster.lever().run(2);
    assertFalse(toaster.appliance.isHeatFlowing(), "no heat with the self-test's fault latched");
    assertEquals(CyclePhase.FAULT, toaster.controller.snapshot().phase());
  }

  @Test
  void theStateIsRepublishedEveryMinuteEvenWhenNothingChanges() throws Exception {
    MqttRemote remote = connectedRemote(2, 10, new InMemoryCycleHistory(10));
    TestClient ha = homeAssistant();
    SimToaster toaster = keep(new SimToaster(remote, false)).run(0.5);
    await(() -> lastState(ha, topics) != null, () -> "first state");
    int before = ha.on(topics.state()).size();
    // State is published latest-wins, so each heartbeat is awaited before simulated time moves on.
    toaster.run(61);
    await(
        () -> ha.on(topics.state()).size() >= before + 1,
        () -> "a heartbeat after one idle minute: " + ha.on(topics.state()).size());
    toaster.run(61);
    await(
        () -> ha.on(topics.state()).size() >= before + 2,
        () -> "two heartbeats in two idle minutes: " + ha.on(topics.state()).size());
  }

  @Test
  void settingsCommandsChangeTheNextCycle() throws Exception {
    MqttRemote remote = connectedRemote(50, 20, new InMemoryCycleHistory(10));
    SimToaster toaster = keep(new SimToaster(remote, false)).run(0.1);
    TestClient app = homeAssistant();
    app.publish(topics.command("shade"), "6", false);
    app.publish(topics.command("bread"), "rye", false);
    app.publish(topics.command("mode"), "defrost", false);
    await(
        () -> {
          toaster.run(0.05);
          var s = toaster.controller.snapshot().settings();
          return s.shade() == 6 && s.bread().id().equals("rye") && s.mode().id().equals("defrost");
        },
        () -> "settings applied: " + toaster.controller.snapshot().settings());
    await(
        () -> {
          JsonNode st = lastState(app, topics);
          return st != null
              && st.get("shade").asInt() == 6
              && st.get("bread").asText().equals("rye")
              && st.get("mode").asText().equals("defrost");
        },
        () -> "the state shows them: " + app.on(topics.state()));
    app.publish(topics.command("shade"), "3.0", false); // as a number entity may send it
    await(
        () -> toaster.run(0.05).controller.snapshot().settings().shade() == 3,
        () -> "3.0 is shade 3");
  }

  @Test
  void remoteCancelStopsACycle() throws Exception {
    MqttRemote remote = connectedRemote(2, 10, new InMemoryCycleHistory(10));
    SimToaster toaster = keep(new SimToaster(remote, false)).run(0.5);
    TestClient ha = homeAssistant();
    toaster.lever().run(20);
    assertTrue(toaster.appliance.isHeatFlowing());
    ha.publish(topics.command("cancel"), "PRESS", false);
    await(
        () -> toaster.run(0.05).controller.snapshot().phase() == CyclePhase.CANCELLED,
        () -> "cancelled: " + toaster.controller.snapshot().phase());
    toaster.run(0.5);
    assertFalse(toaster.appliance.isHeatFlowing());
    assertFalse(toaster.appliance.isCarriageDown(), "the bread popped");
    await(
        () -> hasEvent(ha, topics, "cancelled"), () -> "cancelled event: " + ha.on(topics.event()));
    JsonNode e = event(ha, topics, "cancelled");
    assertEquals("remote cancel", e.get("reason").asText());
    assertEquals("cancelled", e.get("cycle").get("outcome").asText());
  }

  @Test
  void anUnarmedRemoteStartIsRefusedAndChangesNothing() throws Exception {
    MqttRemote remote = connectedRemote(2, 10, new InMemoryCycleHistory(10));
    SimToaster toaster = keep(new SimToaster(remote, true)).run(0.5);
    TestClient ha = homeAssistant();
    ha.publish(topics.command("start"), "PRESS", false);
    await(
        () -> {
          toaster.run(0.05);
          return hasEvent(ha, topics, "refused");
        },
        () -> "refused event: " + ha.on(topics.event()));
    assertTrue(event(ha, topics, "refused").get("reason").asText().contains("not armed locally"));
    toaster.run(2);
    assertEquals(CyclePhase.IDLE, toaster.controller.snapshot().phase());
    assertFalse(toaster.appliance.isHeatFlowing());
    assertFalse(hasEvent(ha, topics, "started"));
  }

  @Test
  void aLocallyArmedToasterStartsOnTheRemoteCommandAndShowsTheArm() throws Exception {
    MqttRemote remote = connectedRemote(2, 10, new InMemoryCycleHistory(10));
    SimToaster toaster = keep(new SimToaster(remote, true)).run(0.5);
    TestClient ha = homeAssistant();
    toaster.press(new UserEvent.RemoteArmPressed()).lever().run(1);
    assertEquals(CyclePhase.ARMED, toaster.controller.snapshot().phase());
    await(
        () ->
            lastState(ha, topics) != null
                && lastState(ha, topics).get("remoteStartArmed").asBoolean(),
        () -> "the armed indicator is published: " + ha.on(topics.state()));
    ha.publish(topics.command("start"), "PRESS", false);
    await(
        () -> toaster.run(0.05).controller.snapshot().phase() == CyclePhase.TOASTING,
        () -> "started remotely");
    await(() -> hasEvent(ha, topics, "started"), () -> "started event");
  }

  @Test
  void feedbackRatesTheLastCycle() throws Exception {
    InMemoryCycleHistory history = new InMemoryCycleHistory(10);
    MqttRemote remote = connectedRemote(2, 10, history);
    SimToaster toaster = keep(new SimToaster(remote, false)).run(0.5);
    TestClient ha = homeAssistant();
    ha.publish(topics.command("feedback"), "too-dark", false);
    await(() -> hasEvent(ha, topics, "rejected"), () -> "nothing to rate yet");
    assertTrue(event(ha, topics, "rejected").get("reason").asText().contains("no cycle"));

    toaster.lever().runUntil("done", 300).run(1);
    await(() -> history.size() == 1, () -> "recorded");
    ha.publish(topics.command("feedback"), "too-dark", false);
    await(() -> hasEvent(ha, topics, "rated"), () -> "rated event: " + ha.on(topics.event()));
    JsonNode rated = event(ha, topics, "rated");
    assertEquals("too-dark", rated.get("rating").asText());
    assertEquals(
        history.last().orElseThrow().cycleId(), rated.get("cycle").get("cycleId").asText());
    assertEquals(Rating.TOO_DARK, history.last().orElseThrow().rating());
  }

  @Test
  void aCycleIsRecordedAsRunningFromItsStartAndItsEndReplacesThatRecord() throws Exception {
    InMemoryCycleHistory history = new InMemoryCycleHistory(10);
    MqttRemote remote = connectedRemote(2, 10, history);
    TestClient ha = homeAssistant();
    SimToaster toaster = keep(new SimToaster(remote, false)).run(0.5);
    toaster.lever().run(10);
    await(
        () -> history.last().map(r -> r.outcome() == CycleOutcome.RUNNING).orElse(false),
        () -> "a running record while the cycle runs: " + history.all());
    CycleRecord running = history.last().orElseThrow();
    assertEquals(0.0, running.heaterOnS(), "unknown until the end");
    assertEquals(4, running.input().settings().shade());
    await(() -> hasEvent(ha, topics, "started"), () -> "started event");
    assertEquals(
        event(ha, topics, "started").get("cycle").get("cycleId").asText(), running.cycleId());

    toaster.runUntil("done", 300).run(1);
    await(
        () -> history.last().map(r -> r.outcome() == CycleOutcome.DONE).orElse(false),
        () -> "the end replaces the running record: " + history.all());
    assertEquals(1, history.size());
    assertEquals(running.cycleId(), history.last().orElseThrow().cycleId());
  }

  @Test
  void aCycleLeftRunningInTheDatabaseIsClosedAsInterruptedAtTheNextStart(@TempDir Path dir)
      throws Exception {
    Path file = dir.resolve("history.db");
    String cycleId;
    try (HistoryDatabase db = HistoryDatabase.open(file, 100, 100);
        MqttRemote first = RemoteFixture.remote(null, id, db.cycles(), null, 2, 10);
        SimToaster toaster = new SimToaster(first, false)) {
      toaster.run(0.5).lever().run(10);
      await(
          () -> db.cycles().last().map(r -> r.outcome() == CycleOutcome.RUNNING).orElse(false),
          () -> "the start is in the database: " + db.cycles().all());
      cycleId = db.cycles().last().orElseThrow().cycleId();
    } // the power goes mid-cycle: nothing records its end

    HistoryDatabase db = keep(HistoryDatabase.open(file, 100, 100));
    TestClient ha = homeAssistant();
    MqttRemote remote =
        keep(
            RemoteFixture.remote(
                RemoteFixture.transport(broker.url(), id), id, db.cycles(), db.outbox(), 2, 10));
    keep(new SimToaster(remote, false));
    List<CycleRecord> closed = remote.closeInterruptedCycles();
    assertEquals(List.of(cycleId), closed.stream().map(CycleRecord::cycleId).toList());
    assertEquals(CycleOutcome.INTERRUPTED, db.cycles().last().orElseThrow().outcome());
    await(
        () -> hasEvent(ha, topics, "interrupted"),
        () -> "interrupted event: " + ha.on(topics.event()));
    JsonNode e = event(ha, topics, "interrupted");
    assertEquals(CycleRecorder.INTERRUPTED_REASON, e.get("reason").asText());
    assertEquals(cycleId, e.get("cycle").get("cycleId").asText());
    assertEquals("interrupted", e.get("cycle").get("outcome").asText());
    assertTrue(e.get("cycle").get("heaterOnS").isNull(), "unknown, not 0: " + e);
    assertTrue(remote.closeInterruptedCycles().isEmpty(), "nothing left to close");
  }

  @Test
  void feedbackNeverRatesACycleThatDidNotEndNorAnEarlierOneInstead() throws Exception {
    InMemoryCycleHistory history = new InMemoryCycleHistory(10);
    CycleRecord earlier = recorded("earlier", CycleOutcome.DONE, 100);
    CycleRecord leftOpen = recorded("left-open", CycleOutcome.RUNNING, 0);
    history.record(earlier);
    history.record(leftOpen); // by an earlier run
    MqttRemote remote = connectedRemote(2, 10, history);
    keep(new SimToaster(remote, false)).run(0.5);
    TestClient ha = homeAssistant();

    ha.publish(topics.command("feedback"), "just-right", false);
    await(
        () -> hasEvent(ha, topics, "rejected"),
        () -> "a running cycle is not rated: " + ha.on(topics.event()));
    // Only a cycle of this run, just finished, is rated: the rating desk never saw these.
    assertEquals(
        "no cycle has finished since the toaster started",
        event(ha, topics, "rejected").get("reason").asText());

    remote.closeInterruptedCycles();
    ha.clear();
    ha.publish(topics.command("feedback"), "just-right", false);
    await(
        () -> hasEvent(ha, topics, "rejected"),
        () -> "an interrupted cycle is not rated: " + ha.on(topics.event()));
    assertEquals(
        "no cycle has finished since the toaster started",
        event(ha, topics, "rejected").get("reason").asText());
    assertFalse(hasEvent(ha, topics, "rated"));
    assertEquals(List.of(earlier, leftOpen.interrupted()), history.all(), "no rating anywhere");
  }

  @Test
  void badCommandsAreRejectedWithAReasonAndChangeNothing() throws Exception {
    MqttRemote remote = connectedRemote(50, 50, new InMemoryCycleHistory(10));
    SimToaster toaster = keep(new SimToaster(remote, true)).run(0.5);
    TestClient ha = homeAssistant();
    List<String[]> bad =
        List.of(
            new String[] {"shade", "8", "whole number from 1 to 7"},
            new String[] {"shade", "0", "whole number from 1 to 7"},
            new String[] {"shade", "4.5", "whole number from 1 to 7"},
            new String[] {"shade", "{\"shade\":4}", "whole number from 1 to 7"},
            new String[] {"bread", "baguette", "not one of white, wholegrain"},
            new String[] {"bread", "WHITE", "not one of"},
            new String[] {"mode", "grill", "not one of toast, defrost, bagel, reheat"},
            new String[] {"feedback", "perfect", "not one of too-light, just-right, too-dark"},
            new String[] {"start", "", "send PRESS"},
            new String[] {"cancel", "now", "empty payload or PRESS"},
            new String[] {"reset", "PRESS", "unknown command reset"},
            new String[] {"shade", "4".repeat(100), "100 bytes is too long"});
    for (String[] b : bad) {
      ha.publish(topics.command(b[0]), b[1], false);
    }
    ha.publish(topics.command("bread"), new byte[] {(byte) 0xff, (byte) 0xfe}, false);
    await(
        () -> events(ha, topics).size() == bad.size() + 1,
        () -> "one rejected event each: " + ha.on(topics.event()));
    List<JsonNode> events = events(ha, topics);
    for (int i = 0; i < bad.size(); i++) {
      JsonNode e = events.get(i);
      assertEquals("rejected", e.get("event_type").asText());
      assertTrue(
          e.get("reason").asText().contains(bad.get(i)[2]),
          bad.get(i)[0] + " " + bad.get(i)[1] + ": " + e.get("reason"));
    }
    assertTrue(events.get(bad.size()).get("reason").asText().contains("not UTF-8"));
    toaster.run(1);
    assertEquals(SimToaster.WHITE_4, toaster.controller.snapshot().settings(), "nothing changed");
    assertEquals(CyclePhase.IDLE, toaster.controller.snapshot().phase());
  }

  @Test
  void aFloodOfCommandsIsRateLimitedAndTheCycleRunsOnUnaffected() throws Exception {
    MqttRemote remote = connectedRemote(2, 10, new InMemoryCycleHistory(10));
    SimToaster toaster = keep(new SimToaster(remote, false)).run(0.5);
    TestClient ha = homeAssistant();
    toaster.lever().run(5);
    double predicted = toaster.controller.snapshot().prediction().seconds();
    TestClient flood = keep(new TestClient(broker.url(), "flood-" + id)).connect();
    for (int i = 0; i < 1000; i++) {
      flood.publish(
          topics.command(i % 2 == 0 ? "shade" : "bread"), i % 2 == 0 ? "1" : "bagel", false);
    }
    // Simulated time stands still during the flood: the bucket holds 10 and does not refill.
    await(
        () -> remote.droppedCommands() == 990,
        () -> "990 of 1000 dropped, not " + remote.droppedCommands());
    toaster.run(
        CommandIntake.FLOOD_WINDOW_NANOS / 1e9
            + 0.1); // the report comes once its window has passed
    await(() -> hasEvent(ha, topics, "rejected"), () -> "one rate-limit event");
    toaster.run(1);
    assertTrue(remote.drain(Eventually.NETWORK));
    long rejected =
        events(ha, topics).stream()
            .filter(e -> e.get("event_type").asText().equals("rejected"))
            .count();
    assertEquals(1, rejected, "the flood is reported once, not 990 times: " + events(ha, topics));
    assertTrue(
        event(ha, topics, "rejected")
            .get("reason")
            .asText()
            .startsWith("rate limit: 990 commands dropped in 10 s"),
        event(ha, topics, "rejected").toString());

    toaster.runUntil("done", 300);
    assertEquals(CyclePhase.DONE, toaster.controller.snapshot().phase());
    assertTrue(toaster.supervisor.latchedFault().isEmpty());
    assertEquals(
        predicted,
        toaster.supervisor.status().heatOnSThisCycle(),
        0.2,
        "the cycle ran its predicted time");
  }

  @Test
  void eventsSurviveABrokerRestartMidCycleInOrderWithoutLoss() throws Exception {
    LoopbackProxy link = keep(new LoopbackProxy(broker.port()));
    MqttRemote remote =
        keep(
            RemoteFixture.remote(
                RemoteFixture.transport(link.url(), id),
                id,
                new InMemoryCycleHistory(10),
                new InMemoryEventOutbox(1000),
                2,
                10));
    assertTrue(remote.awaitConnected(Eventually.NETWORK));
    SimToaster toaster = keep(new SimToaster(remote, false)).run(0.5);
    TestClient ha = homeAssistant();
    toaster.lever().run(20);
    await(() -> hasEvent(ha, topics, "started"), () -> "started before the outage");

    link.block(true);
    broker.stop();
    toaster.runUntil("done", 300).run(1); // the cycle ends while the broker is down
    for (int i = 0; i < 5; i++) {
      toaster.press(new UserEvent.RemoteArmPressed()).run(0.1); // refused: remote start is disabled
    }
    broker.start();
    ha.close();
    TestClient back =
        keep(new TestClient(broker.url(), "ha2-" + id)).connect().subscribe(topics.event());
    link.block(false);
    assertTrue(remote.drain(Eventually.NETWORK), "the outbox empties after the reconnect");
    await(
        () -> events(back, topics).size() >= 6,
        () -> "done and 5 refused after the restart: " + back.received());
    List<Long> seqs =
        new ArrayList<>(events(ha, topics).stream().map(e -> e.get("seq").asLong()).toList());
    events(back, topics).forEach(e -> seqs.add(e.get("seq").asLong()));
    List<Long> distinct = seqs.stream().distinct().sorted().toList();
    assertEquals(7, distinct.size(), "started, done and 5 refused, each at least once: " + seqs);
    assertEquals(distinct.get(0) + 6, distinct.get(6), "no gaps: " + distinct);
    List<JsonNode> after = events(back, topics);
    assertEquals("done", after.get(0).get("event_type").asText(), "in order: done first");
    for (int i = 1; i < after.size(); i++) {
      assertTrue(
          after.get(i).get("seq").asLong() > after.get(i - 1).get("seq").asLong(), "in order");
    }
  }

  @Test
  void aCommandSentWhileTheToasterWasAwayNeverArrivesLater() throws Exception {
    LoopbackProxy link = keep(new LoopbackProxy(broker.port()));
    MqttRemote remote =
        keep(
            RemoteFixture.remote(
                RemoteFixture.transport(link.url(), id),
                id,
                new InMemoryCycleHistory(10),
                new InMemoryEventOutbox(1000),
                50,
                20));
    assertTrue(remote.awaitConnected(Eventually.NETWORK));
    SimToaster toaster = keep(new SimToaster(remote, false)).run(0.5);
    TestClient ha = homeAssistant();

    link.block(true);
    link.cutAll(); // a Wi-Fi blip
    await(
        () -> ha.has(topics.status(), "offline"::equals),
        () -> "the broker noticed: " + ha.received());
    // The toaster must have noticed too: until then it still counts the dead connection as
    // listening, and the command below would go to a subscription that is gone.
    await(() -> !remote.isConnectedAndListening(), () -> "the toaster noticed");
    ha.publish(topics.command("shade"), "6", false);
    link.block(false);
    await(remote::isConnectedAndListening, () -> "reconnected");
    ha.publish(topics.command("bread"), "rye", false);
    await(
        () -> toaster.run(0.05).controller.snapshot().settings().bread().id().equals("rye"),
        () -> "a command on the new connection arrives");
    toaster.run(1);
    assertEquals(
        4,
        toaster.controller.snapshot().settings().shade(),
        "the one sent while away did not, nor will");
  }

  private CycleRecord recorded(String cycleId, CycleOutcome outcome, double heaterOnS) {
    return new CycleRecord(
        cycleId,
        id,
        Instant.parse("2026-11-27T07:30:00Z"),
        new PredictionInput(SimToaster.WHITE_4, 21, 21, 230),
        new Prediction(108.2, PredictorName.FALLBACK, null),
        outcome,
        null,
        heaterOnS,
        null,
        null);
  }

  private static List<String> fieldNames(JsonNode n) {
    List<String> out = new ArrayList<>();
    n.fieldNames().forEachRemaining(out::add);
    return out;
  }

  private static void assertComponent(JsonNode c, String platform, String... keyValues) {
    assertEquals(platform, c.get("p").asText(), c.toString());
    assertTrue(c.hasNonNull("uniq_id"), c.toString());
    for (int i = 0; i < keyValues.length; i += 2) {
      JsonNode v = c.get(keyValues[i]);
      assertTrue(v != null, keyValues[i] + " missing in " + c);
      assertEquals(keyValues[i + 1], v.asText(), keyValues[i] + " in " + c);
    }
  }
}
