package com.smarttoaster.service;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.smarttoaster.hal.ThermocoupleFault;
import com.smarttoaster.predict.Predictors;
import com.smarttoaster.predict.UnavailableModelPredictor;
import com.smarttoaster.safety.Fault;
import com.smarttoaster.safety.FaultCode;
import com.smarttoaster.safety.SafetyLimits;
import com.smarttoaster.safety.SafetySupervisor;
import com.smarttoaster.safety.fakes.FakeCarriageLatch;
import com.smarttoaster.safety.fakes.FakeCurrentSensor;
import com.smarttoaster.safety.fakes.FakeHeaterSwitch;
import com.smarttoaster.safety.fakes.FakeTemperatureSensor;
import com.smarttoaster.safety.fakes.ManualClock;
import com.smarttoaster.safety.fakes.RecordingSafetyListener;
import com.smarttoaster.service.SelfTestReport.Outcome;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class StartupSelfTestTest {
  private final ManualClock clock = new ManualClock();
  private final FakeHeaterSwitch heater = new FakeHeaterSwitch(clock);
  private final FakeCarriageLatch latch = new FakeCarriageLatch();
  private final FakeTemperatureSensor sensor = new FakeTemperatureSensor(clock);
  private final FakeCurrentSensor current = new FakeCurrentSensor(heater, latch);
  private final RecordingSafetyListener listener = new RecordingSafetyListener();
  private final SafetySupervisor supervisor =
      new SafetySupervisor(
          SafetyLimits.defaults(), heater, latch, sensor, current, clock, listener);
  private final List<Long> pauses = new ArrayList<>();

  private SelfTestReport run(String predictorName) throws InterruptedException {
    return new StartupSelfTest(
            supervisor,
            sensor,
            current,
            predictorName,
            new UnavailableModelPredictor(
                "no model installed: model/toast-time.tflite is not in this build"),
            pauses::add)
        .run();
  }

  private SelfTestReport run() throws InterruptedException {
    return run("fallback");
  }

  private static SelfTestReport.Item item(SelfTestReport report, String name) {
    return report.items().stream().filter(i -> i.name().equals(name)).findFirst().orElseThrow();
  }

  @Test
  void idleToasterAtRoomTemperaturePassesAndLatchesNothing() throws Exception {
    sensor.setChamberC(20.5).setColdJunctionC(24.0);

    SelfTestReport report = run();

    assertTrue(report.passed(), report.summary());
    assertEquals("passed", report.summary());
    assertNull(report.latched());
    assertTrue(supervisor.latchedFault().isEmpty());
    assertEquals(
        "chamber 20.5 °C, cold junction 24.0 °C (4 of 4 samples valid), within 15.0 °C of each other",
        item(report, "sensor").detail());
    assertEquals("commanded off, no current (4 of 4 samples)", item(report, "heater").detail());
    assertEquals(List.of(100L, 100L, 100L), pauses, "four samples, 100 ms apart");
    assertEquals(4, sensor.reads());
  }

  @Test
  void unreadableSensorLatchesSensorFaultAndTheServiceStaysInTheFaultState() throws Exception {
    sensor.failReads("SPI transfer failed");

    SelfTestReport report = run();

    assertFalse(report.passed());
    Fault fault = supervisor.latchedFault().orElseThrow();
    assertEquals(FaultCode.SENSOR_FAULT, fault.code());
    assertEquals(
        "Start-up self-test: the chamber temperature could not be read: 0 of 4 samples valid, 3 needed"
            + " (SPI transfer failed). Heat is off and no cycle can start. Check the thermocouple and its connector"
            + " (hardware/README.md), then hold the reset button for 3 s.",
        fault.message());
    assertEquals(0.0, fault.measured());
    assertEquals(3.0, fault.limit());
    assertEquals(List.of(fault), listener.faults());
    assertFalse(heater.isCommandedOn());
    assertFalse(latch.isHeld());
    latch.pressLever();
    assertFalse(
        supervisor.holdCarriage(),
        "the controller cannot start a cycle from the self-test's fault");
  }

  @Test
  void oneGlitchInFourSamplesIsTolerated() throws Exception {
    sensor.setChamberC(21).setColdJunctionC(22).enqueue(Double.NaN);

    SelfTestReport report = run();

    assertTrue(report.passed(), report.summary());
    assertEquals(
        "chamber 21.0 °C, cold junction 22.0 °C (3 of 4 samples valid), within 15.0 °C of each other",
        item(report, "sensor").detail());
  }

  @Test
  void openThermocoupleIsASensorFault() throws Exception {
    sensor.setFault(ThermocoupleFault.OPEN_CIRCUIT);

    run();

    Fault fault = supervisor.latchedFault().orElseThrow();
    assertEquals(FaultCode.SENSOR_FAULT, fault.code());
    assertTrue(fault.message().contains("(fault bit OPEN_CIRCUIT)"), fault.message());
  }

  @Test
  void idleChamberFarBelowTheColdJunctionIsImplausible() throws Exception {
    sensor.setChamberC(4.0).setColdJunctionC(25.0);

    run();

    Fault fault = supervisor.latchedFault().orElseThrow();
    assertEquals(FaultCode.SENSOR_IMPLAUSIBLE, fault.code());
    assertEquals(
        "Start-up self-test: the idle chamber reads 4.0 °C, 21.0 °C below the converter's cold junction"
            + " (25.0 °C); at most 15.0 °C below is believable. Heat is off and no cycle can start. Check the"
            + " thermocouple type (K), its polarity and its connector, then hold the reset button for 3 s.",
        fault.message());
    assertEquals(-21.0, fault.measured(), 1e-9);
    assertEquals(-15.0, fault.limit());
  }

  @Test
  void toleranceIsInclusive() throws Exception {
    sensor.setChamberC(10.0).setColdJunctionC(25.0);

    assertTrue(run().passed());
  }

  @Test
  void warmChamberIsNotComparedWithTheColdJunction() throws Exception {
    sensor.setChamberC(140.0).setColdJunctionC(30.0);

    SelfTestReport report = run();

    assertTrue(report.passed(), report.summary());
    assertEquals(
        "chamber 140.0 °C, cold junction 30.0 °C (4 of 4 samples valid); the chamber is still warm, so it"
            + " is not compared with the cold junction",
        item(report, "sensor").detail());
  }

  @Test
  void coldJunctionOutsideItsBelievableRangeIsImplausible() throws Exception {
    sensor.setChamberC(21.0).setColdJunctionC(127.9);

    run();

    Fault fault = supervisor.latchedFault().orElseThrow();
    assertEquals(FaultCode.SENSOR_IMPLAUSIBLE, fault.code());
    assertEquals(127.9, fault.measured());
    assertEquals(85.0, fault.limit());
  }

  @Test
  void currentWithTheHeaterOffAndCarriageReleasedIsAStuckHeaterThatNeedsService() throws Exception {
    current.force(true);

    SelfTestReport report = run();

    Fault fault = supervisor.latchedFault().orElseThrow();
    assertEquals(FaultCode.HEATER_STUCK_ON, fault.code());
    assertTrue(fault.code().needsService());
    assertEquals(4.0, fault.measured());
    assertTrue(
        fault.message().endsWith("After the repair, hold the reset button while powering up."),
        fault.message());
    assertEquals(Outcome.FAIL, item(report, "heater").outcome());
    assertEquals(Outcome.PASS, item(report, "sensor").outcome());
  }

  @Test
  void unreadableCurrentSensorIsOnlyAWarning() throws Exception {
    current.setFailing(true);

    SelfTestReport report = run();

    assertTrue(report.passed());
    assertEquals(Outcome.WARN, item(report, "heater").outcome());
    assertTrue(supervisor.latchedFault().isEmpty());
  }

  @Test
  void withoutACurrentSensorTheHeaterIsCommandedOffButNotConfirmed() throws Exception {
    SelfTestReport report =
        new StartupSelfTest(supervisor, sensor, null, "fallback", null, pauses::add).run();

    assertEquals(
        "commanded off (no current sensor fitted, so not confirmed by current)",
        item(report, "heater").detail());
  }

  @Test
  void refusedModelWarnsButLatchesNothing() throws Exception {
    SelfTestReport report = run("model");

    assertTrue(report.passed());
    assertEquals(Outcome.WARN, item(report, "model").outcome());
    assertEquals(
        "passed with 1 warning: model: refused (no model installed: model/toast-time.tflite is not in this"
            + " build); every cycle uses the non-ML fallback time table. Reinstall the package to restore the model and"
            + " its card.",
        report.summary());
    assertTrue(supervisor.latchedFault().isEmpty());
  }

  @Test
  void installedModelPassesWithItsChecksumChecked() throws Exception {
    SelfTestReport report =
        new StartupSelfTest(
                supervisor,
                sensor,
                current,
                "model",
                Predictors.named("model", null, null),
                pauses::add)
            .run();

    SelfTestReport.Item model = item(report, "model");
    assertEquals(Outcome.PASS, model.outcome(), model.detail());
    assertTrue(model.detail().contains("SHA-256 matches its card"), model.detail());
  }

  @Test
  void modelNotChosenIsNotChecked() throws Exception {
    assertEquals(
        "not used (controller.predictor = fixed-timer)",
        item(run("fixed-timer"), "model").detail());
  }

  @Test
  void aFaultAlreadyLatchedStaysTheLatchedOne() throws Exception {
    Fault earlier = new Fault(FaultCode.NO_HEAT_RISE, "restored", 0.5, 2, 0L);
    supervisor.latch(earlier);
    sensor.failReads("bus error");

    SelfTestReport report = run();

    assertFalse(report.passed());
    assertEquals(FaultCode.NO_HEAT_RISE, supervisor.latchedFault().orElseThrow().code());
  }
}
