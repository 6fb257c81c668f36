package com.smarttoaster.service;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.smarttoaster.config.ApplianceConfig;
import com.smarttoaster.config.ApplianceKind;
import com.smarttoaster.config.ToasterConfig;
import com.smarttoaster.hal.Clock;
import com.smarttoaster.safety.Fault;
import com.smarttoaster.safety.FaultCode;
import com.smarttoaster.safety.FaultStore;
import com.smarttoaster.safety.SafetyLimits;
import com.smarttoaster.safety.SafetySupervisor;
import com.smarttoaster.safety.SupervisorLoop;
import com.smarttoaster.safety.fakes.FakeCarriageLatch;
import com.smarttoaster.safety.fakes.FakeCurrentSensor;
import com.smarttoaster.safety.fakes.FakeHeaterSwitch;
import com.smarttoaster.safety.fakes.FakeTemperatureSensor;
import com.smarttoaster.safety.fakes.RecordingSafetyListener;
import com.smarttoaster.service.SelfTestReport.Outcome;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

class ServiceLifecycleTest {
  private static final long PID = 4242;

  @TempDir Path dir;

  private final RecordingNotifier notifier = new RecordingNotifier();
  private final Clock clock = Clock.system();
  private final FakeHeaterSwitch heater = new FakeHeaterSwitch(clock);
  private final FakeCarriageLatch latch = new FakeCarriageLatch();
  private final FakeTemperatureSensor sensor = new FakeTemperatureSensor(clock);
  private final FakeCurrentSensor current = new FakeCurrentSensor(heater, latch);
  private final RecordingSafetyListener faults = new RecordingSafetyListener();

  private ServiceLifecycle lifecycle(ToasterConfig cfg, Map<String, String> env) {
    return new ServiceLifecycle(cfg, "toaster.yaml", env, PID, notifier);
  }

  private ServiceLifecycle lifecycle(Map<String, String> env) {
    return lifecycle(ToasterConfig.defaults(), env);
  }

  private SafetySupervisor supervisor(ServiceLifecycle service) {
    return new SafetySupervisor(
        SafetyLimits.defaults(),
        heater,
        latch,
        sensor,
        current,
        clock,
        service.reporting(faults),
        service.faultStore());
  }

  private static ToasterConfig withStateDir(String stateDir) {
    ToasterConfig d = ToasterConfig.defaults();
    return new ToasterConfig(
        new ApplianceConfig(ApplianceKind.SIMULATED, "kitchen", 230, true, stateDir),
        d.safety(),
        d.controller(),
        d.simulation(),
        d.logging(),
        d.pi(),
        d.mqtt(),
        d.history());
  }

  @Test
  void withoutAStateDirectoryFaultsAreNotKeptAndTheSelfTestSaysSo() throws Exception {
    ServiceLifecycle service = lifecycle(Map.of());

    assertNull(service.faultStore());
    SelfTestReport report = service.selfTest(supervisor(service), sensor, current, ms -> {});
    assertEquals(
        List.of("config", "state", "model", "sensor", "heater"),
        report.items().stream().map(SelfTestReport.Item::name).toList());
    assertEquals(Outcome.WARN, report.items().get(1).outcome());
    assertEquals(
        "no state directory: a restart clears latched faults", report.items().get(1).detail());
  }

  @Test
  void systemdsStateDirectoryHoldsTheFaultStore() {
    ServiceLifecycle service = lifecycle(Map.of("STATE_DIRECTORY", dir.toString()));

    assertNotNull(service.faultStore());
    assertEquals(dir.resolve(FaultStore.FILE_NAME), service.faultStore().file());
  }

  @Test
  void configuredStateDirectoryIsCreated() {
    Path configured = dir.resolve("toaster-state");

    ServiceLifecycle service = lifecycle(withStateDir(configured.toString()), Map.of());

    assertTrue(Files.isDirectory(configured));
    assertEquals(configured, service.stateDirectory().orElseThrow().path());
  }

  @Test
  void unusableStateDirectoryIsAWarningAndNoStore() throws Exception {
    Path file = Files.writeString(dir.resolve("not-a-dir"), "x");

    ServiceLifecycle service = lifecycle(Map.of("STATE_DIRECTORY", file.toString()));

    assertNull(service.faultStore());
    SelfTestReport report = service.selfTest(supervisor(service), sensor, current, ms -> {});
    assertTrue(
        report.items().get(1).detail().startsWith("state directory " + file + " unusable"),
        report.items().get(1).detail());
  }

  @Test
  @Timeout(10)
  void readyAfterTheSelfTestThenWatchdogPingsWhileTheLoopRunsThenStopping() throws Exception {
    Map<String, String> env = new HashMap<>();
    env.put("STATE_DIRECTORY", dir.toString());
    env.put("WATCHDOG_USEC", "200000");
    env.put("WATCHDOG_PID", Long.toString(PID));
    ServiceLifecycle service = lifecycle(env);
    SafetySupervisor supervisor = supervisor(service);
    SelfTestReport report = service.selfTest(supervisor, sensor, current, ms -> {});

    try (SupervisorLoop loop = new SupervisorLoop(supervisor, 0.01)) {
      loop.start();
      service.ready(loop, supervisor, report);
      assertTrue(
          notifier.sent().get(0).startsWith("READY=1\nSTATUS=Ready: self-test passed"),
          notifier.sent().get(0));
      long deadline = System.nanoTime() + 3_000_000_000L;
      while (notifier.sent().stream().filter("WATCHDOG=1"::equals).count() < 3
          && System.nanoTime() < deadline) {
        Thread.sleep(10);
      }
      assertTrue(
          notifier.sent().stream().filter("WATCHDOG=1"::equals).count() >= 3,
          notifier.sent().toString());

      service.stopping();
      int sentAtStop = notifier.sent().size();
      assertEquals(
          "STOPPING=1\nSTATUS=Stopping: heater off, carriage released",
          notifier.sent().get(sentAtStop - 1));
      Thread.sleep(150);
      assertEquals(sentAtStop, notifier.sent().size(), "no pings after STOPPING=1");
      service.close();
      assertEquals(sentAtStop, notifier.sent().size(), "stopping is sent once");
    }
  }

  @Test
  void failedSelfTestIsReadyInTheFaultStateNotAnExit() throws Exception {
    ServiceLifecycle service = lifecycle(Map.of("STATE_DIRECTORY", dir.toString()));
    SafetySupervisor supervisor = supervisor(service);
    sensor.failReads("no such device");

    SelfTestReport report = service.selfTest(supervisor, sensor, current, ms -> {});
    try (SupervisorLoop loop = new SupervisorLoop(supervisor, 0.01)) {
      service.ready(loop, supervisor, report);
    }

    List<String> sent = notifier.sent();
    assertTrue(
        sent.get(0).startsWith("STATUS=FAULT SENSOR_FAULT: Start-up self-test"), sent.toString());
    assertTrue(
        sent.get(1).startsWith("READY=1\nSTATUS=FAULT SENSOR_FAULT: Start-up self-test"),
        sent.toString());
    assertEquals(FaultCode.SENSOR_FAULT, faults.faults().get(0).code());
    assertEquals(
        FaultCode.SENSOR_FAULT,
        FaultStore.in(dir).load().orElseThrow().fault().code(),
        "the self-test's fault is stored like any other");
  }

  @Test
  void aStoredFaultIsRestoredAndReportedAtStartUp() throws Exception {
    FaultStore.in(dir).save(new Fault(FaultCode.NO_HEAT_RISE, "No heat rise.", 0.4, 2, 0));
    ServiceLifecycle service = lifecycle(Map.of("STATE_DIRECTORY", dir.toString()));

    SafetySupervisor supervisor = supervisor(service);
    SelfTestReport report = service.selfTest(supervisor, sensor, current, ms -> {});

    assertEquals(FaultCode.NO_HEAT_RISE, supervisor.latchedFault().orElseThrow().code());
    assertTrue(
        notifier
            .sent()
            .get(0)
            .startsWith("STATUS=FAULT NO_HEAT_RISE: No heat rise. (Restored after a"),
        notifier.sent().toString());
    assertTrue(report.items().stream().anyMatch(i -> i.name().equals("stored fault")));
  }
}
