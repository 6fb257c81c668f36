package com.smarttoaster.hal.pi;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.pi4j.Pi4J;
import com.pi4j.context.Context;
import com.pi4j.plugin.mock.provider.gpio.digital.MockDigitalOutputProvider;
import com.smarttoaster.appliance.PiApplianceRunner;
import com.smarttoaster.config.ApplianceConfig;
import com.smarttoaster.config.ApplianceKind;
import com.smarttoaster.config.ControllerConfig;
import com.smarttoaster.config.LoggingConfig;
import com.smarttoaster.config.PredictorChoice;
import com.smarttoaster.config.SimulationConfig;
import com.smarttoaster.config.ToasterConfig;
import com.smarttoaster.control.ControllerListener;
import com.smarttoaster.control.CyclePhase;
import com.smarttoaster.hal.ThermocoupleFault;
import com.smarttoaster.hal.UserEvent;
import com.smarttoaster.safety.Fault;
import com.smarttoaster.safety.FaultCode;
import com.smarttoaster.safety.fakes.ManualClock;
import com.smarttoaster.toast.BreadType;
import com.smarttoaster.toast.ToastMode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * The real supervisor and controller driving the Pi implementations on Pi4J's mock providers, in
 * stepped time. The test plays the hardware: the chamber warms while the heater and latch pins are
 * both high, the MAX31855 frame of the chamber temperature is queued on the mock SPI before every
 * supervisor tick, the current sensor pin follows the heater, and the lever springs up when the
 * latch pin drops. Pins are asserted after every transition and after shutdown.
 */
class PiApplianceTest {
  private static final long SCAN_NANOS =
      10_000_000L; // the appliance scans every 2 ms; 10 ms keeps tests fast
  private static final int SCANS_PER_TICK = 5; // 50 ms supervisor and controller period

  private final ManualClock clock = new ManualClock();
  private final List<UserEvent> events = new ArrayList<>();
  private final List<Fault> faults = new ArrayList<>();
  private final List<CyclePhase> phases = new ArrayList<>();
  private MockPi pi;
  private PiApplianceRunner runner;
  private double chamberC = 21.0;
  private ThermocoupleFault sensorFault = ThermocoupleFault.NONE;
  private boolean relayWelded;
  private boolean userHoldsLever;

  private static ToasterConfig config(PiConfig wiring) {
    return new ToasterConfig(
        new ApplianceConfig(ApplianceKind.PI, "kitchen", 230.0, true),
        // (safety branch) this test queues one MAX31855 frame per tick and its chamber heats along
        // a
        // straight line: read on every tick, energy-balance observer off
        com.smarttoaster.safety.fakes.SafetyLimitsBuilder.defaults()
            .set("sensorSampleS", 0.05)
            .set("energyBalanceTripC", Double.POSITIVE_INFINITY)
            .build(),
        new ControllerConfig(
            0.05,
            PredictorChoice.FALLBACK,
            0.5,
            4,
            BreadType.WHITE,
            12.0,
            2,
            ToastMode.TOAST,
            true,
            1800.0),
        SimulationConfig.defaults(),
        LoggingConfig.defaults(),
        wiring,
        null,
        null);
  }

  private void build(Set<String> closedAtPowerUp, PiConfig wiring)
      throws HardwareUnavailableException {
    pi = new MockPi(closedAtPowerUp);
    ToasterConfig cfg = config(wiring);
    PiAppliance appliance =
        PiAppliance.open(wiring, true, pi.context, clock, cfg.controller().defaultSettings());
    runner =
        new PiApplianceRunner(
            cfg,
            appliance,
            clock,
            faults::add,
            new ControllerListener() {
              @Override
              public void onPhaseChanged(CyclePhase from, CyclePhase to, long atNanos) {
                phases.add(to);
              }
            });
    // Record what the panel sends, then hand it on to the controller as the runner wired it.
    appliance
        .controls()
        .onEvent(
            e -> {
              events.add(e);
              runner.controller().submit(e);
            });
  }

  private void build() throws HardwareUnavailableException {
    build(Set.of(), MockPi.SPI_WIRING);
  }

  @AfterEach
  void close() {
    if (runner != null) {
      runner.close();
    }
  }

  /**
   * One 50 ms period: panel scans, then the physics, then a frame, a supervisor and a controller
   * tick.
   */
  private void step() {
    for (int i = 0; i < SCANS_PER_TICK; i++) {
      clock.advanceNanos(SCAN_NANOS);
      runner.scan();
    }
    boolean heatFlows = (pi.isHigh("heaterPin") || relayWelded) && pi.isHigh("latchPin");
    chamberC += heatFlows ? 1.0 * 0.05 : -0.01 * (chamberC - 21.0) * 0.05;
    pi.set("currentSensorPin", heatFlows);
    if (!pi.isHigh("latchPin") && !userHoldsLever) {
      pi.open("leverPin"); // the carriage springs up and lifts the lever
    }
    if (pi.spi() != null) {
      pi.queueReading(chamberC, 22.0, sensorFault);
    }
    runner.supervisor().tick();
    runner.tickController();
  }

  private void run(double seconds) {
    for (long i = Math.round(seconds / 0.05); i > 0; i--) {
      step();
    }
  }

  /** Steps until the controller is in {@code target}; returns the seconds stepped. */
  private double runUntil(CyclePhase target, double maxS) {
    for (int i = 1; i <= Math.round(maxS / 0.05); i++) {
      step();
      if (phase() == target) {
        return i * 0.05;
      }
    }
    throw new AssertionError("not " + target + " after " + maxS + " s but " + phase());
  }

  private CyclePhase phase() {
    return runner.controller().snapshot().phase();
  }

  /**
   * The user pushes the lever down (the switch bounces for 8 ms) and lets go after half a second.
   */
  private void pushLever() {
    userHoldsLever = true;
    for (int i = 0; i < 4; i++) {
      pi.set("leverPin", i % 2 == 1);
      clock.advanceNanos(2_000_000L);
      runner.scan();
    }
    pi.close("leverPin");
    run(0.5);
    userHoldsLever = false;
  }

  private void press(String button, double seconds) {
    pi.close(button);
    run(seconds);
    pi.open(button);
    run(0.1);
  }

  private void assertPins(
      boolean heater, boolean latch, boolean toasting, boolean armed, boolean fault) {
    assertEquals(heater, pi.isHigh("heaterPin"), "heater pin");
    assertEquals(latch, pi.isHigh("latchPin"), "latch pin");
    assertEquals(toasting, pi.isHigh("toastingLedPin"), "toasting LED");
    assertEquals(armed, pi.isHigh("remoteArmedLedPin"), "remote-armed LED");
    assertEquals(fault, pi.isHigh("faultLedPin"), "fault LED");
  }

  private void assertAllOutputsLow() {
    for (String out :
        List.of(
            "heaterPin",
            "latchPin",
            "toastingLedPin",
            "remoteArmedLedPin",
            "faultLedPin",
            "buzzerPin")) {
      assertFalse(pi.isHigh(out), out + " must be low");
    }
  }

  @Test
  void everyOutputStartsLowAndIsLowAgainAfterShutdown() throws Exception {
    build();
    assertAllOutputsLow();
    pushLever();
    assertPins(true, true, true, false, false);
    runner.close();
    assertAllOutputsLow();
    assertTrue(pi.context.isShutdown(), "the Pi4J context is shut down with the appliance");
  }

  @Test
  void everySupervisorTickTogglesTheDeadManPinWhichStartsLow() throws Exception {
    build();
    assertFalse(pi.isHigh("deadManPin"), "opened LOW");
    boolean before = pi.isHigh("deadManPin");
    for (int i = 0; i < 4; i++) {
      runner.supervisor().tick();
      assertEquals(!before, pi.isHigh("deadManPin"), "tick " + i + " changes the level");
      before = !before;
    }
  }

  @Test
  void aWholeCycleThroughThePiPins() throws Exception {
    build();
    run(0.2);
    assertPins(false, false, false, false, false);

    pushLever();
    assertEquals(List.of(new UserEvent.LeverDown()), events, "one LeverDown for a bouncing lever");
    assertEquals(CyclePhase.TOASTING, phase());
    assertPins(true, true, true, false, false);

    double predicted = runner.controller().snapshot().prediction().seconds();
    double tookS = runUntil(CyclePhase.DONE, predicted + 1.0);
    assertEquals(predicted, tookS, 0.6, "the cycle lasts the predicted time");
    assertTrue(pi.isHigh("buzzerPin"), "the DONE beeps sound");
    assertPins(
        false, true, false, false,
        false); // heat off at once; the carriage opens after the current check
    run(0.15);
    assertPins(false, false, false, false, false);
    run(1.0);
    assertFalse(pi.isHigh("buzzerPin"), "and stop");
    assertEquals(List.of(CyclePhase.PREPARING, CyclePhase.TOASTING, CyclePhase.DONE), phases);
    assertEquals(
        List.of(new UserEvent.LeverDown(), new UserEvent.LeverUp()),
        events,
        "the lever came up with the bread");
    assertTrue(faults.isEmpty(), () -> "no fault expected: " + faults);
  }

  @Test
  void theCancelButtonCutsTheHeatWithinTwoTicks() throws Exception {
    build();
    pushLever();
    run(10);
    pi.close("cancelPin");
    runUntil(CyclePhase.CANCELLED, 0.1); // debounce 20 ms, then the next controller tick
    assertPins(false, true, false, false, false);
    assertTrue(pi.isHigh("buzzerPin"), "the cancelled chirp");
    run(0.15);
    assertPins(false, false, false, false, false);
  }

  @ParameterizedTest
  @EnumSource(
      value = ThermocoupleFault.class,
      names = {"OPEN_CIRCUIT", "SHORT_TO_GND", "SHORT_TO_VCC"})
  void aFaultFrameTripsTheSupervisorAndTheFaultLedLights(ThermocoupleFault fault) throws Exception {
    build();
    pushLever();
    run(5);
    sensorFault = fault;
    run(0.15);
    assertEquals(FaultCode.SENSOR_FAULT, faults.get(0).code(), faults.get(0).message());
    assertEquals(CyclePhase.FAULT, phase());
    assertPins(false, false, false, false, true);
    assertTrue(pi.isHigh("buzzerPin"), "the FAULT beeps sound");
  }

  @Test
  void aLatchedFaultIsClearedByHoldingResetThreeSecondsOnceTheChamberIsCool() throws Exception {
    build();
    pushLever();
    run(2);
    sensorFault = ThermocoupleFault.OPEN_CIRCUIT;
    run(0.2);
    sensorFault = ThermocoupleFault.NONE;
    assertPins(false, false, false, false, true);

    press("resetPin", 2.8);
    assertEquals(CyclePhase.FAULT, phase(), "2.8 s is not a deliberate reset");
    assertFalse(events.contains(new UserEvent.ResetHeld()));

    press("resetPin", 3.1);
    assertTrue(events.contains(new UserEvent.ResetHeld()));
    assertEquals(CyclePhase.IDLE, phase());
    assertPins(false, false, false, false, false);
    pushLever();
    assertEquals(CyclePhase.TOASTING, phase(), "a new cycle starts after the reset");
  }

  @Test
  void resetHeldAtPowerUpIsAServiceResetNotAUserReset() throws Exception {
    build(Set.of("resetPin"), MockPi.SPI_WIRING);
    assertTrue(runner.appliance().controls().resetHeldAtPowerUp());
    step();
    assertTrue(pi.isHigh("buzzerPin"), "the service reset is acknowledged with a beep");
    run(4);
    assertFalse(
        events.contains(new UserEvent.ResetHeld()), "the power-up press is not a user reset");
    pi.open("resetPin");
    run(0.1);
    press("resetPin", 3.1);
    assertTrue(events.contains(new UserEvent.ResetHeld()), "a later press is a user reset again");
  }

  @Test
  void aWeldedRelayIsCaughtByTheCurrentSensorBeforeTheCarriageOpens() throws Exception {
    build();
    pushLever();
    run(3);
    relayWelded = true;
    pi.close("cancelPin");
    run(0.3);
    assertEquals(FaultCode.HEATER_STUCK_ON, faults.get(0).code(), faults.get(0).message());
    assertPins(false, false, false, false, true);
  }

  @Test
  void theShadeKnobTurnsBothWaysWithinOneToSeven() throws Exception {
    build();
    int[][] clockwise = {{0, 1}, {0, 0}, {1, 0}, {1, 1}};
    int[][] anticlockwise = {{1, 0}, {0, 0}, {0, 1}, {1, 1}};
    turn(clockwise, 2);
    assertEquals(6, runner.controller().snapshot().settings().shade());
    turn(clockwise, 3);
    assertEquals(7, runner.controller().snapshot().settings().shade(), "7 is the darkest");
    turn(anticlockwise, 8);
    assertEquals(1, runner.controller().snapshot().settings().shade(), "1 is the lightest");
    assertEquals(
        List.of(5, 6, 7, 6, 5, 4, 3, 2, 1),
        events.stream()
            .filter(e -> e instanceof UserEvent.ShadeChanged)
            .map(e -> ((UserEvent.ShadeChanged) e).shade())
            .toList());
  }

  /**
   * Turns the encoder {@code clicks} clicks, one 2 ms scan per quadrature state, faster than a
   * controller tick.
   */
  private void turn(int[][] states, int clicks) {
    for (int c = 0; c < clicks; c++) {
      for (int[] s : states) {
        pi.set("encoderAPin", s[0] == 1);
        pi.set("encoderBPin", s[1] == 1);
        clock.advanceNanos(2_000_000L);
        runner.scan();
      }
    }
    run(0.1);
  }

  @Test
  void modeButtonsSelectTheirModeAndASecondPressGoesBackToToast() throws Exception {
    build();
    press("defrostPin", 0.1);
    assertEquals(ToastMode.DEFROST, runner.controller().snapshot().settings().mode());
    press("bagelPin", 0.1);
    assertEquals(ToastMode.BAGEL, runner.controller().snapshot().settings().mode());
    press("bagelPin", 0.1);
    assertEquals(ToastMode.TOAST, runner.controller().snapshot().settings().mode());
    press("reheatPin", 0.1);
    assertEquals(ToastMode.REHEAT, runner.controller().snapshot().settings().mode());
  }

  @Test
  void remoteArmThenLeverHoldsTheCarriageWithoutHeatAndLightsTheArmedLed() throws Exception {
    build();
    press("remoteArmPin", 0.1);
    pushLever();
    assertEquals(CyclePhase.ARMED, phase());
    assertPins(false, true, false, true, false);
    pi.close("cancelPin");
    runUntil(CyclePhase.CANCELLED, 0.1);
    run(0.15);
    assertPins(false, false, false, false, false);
  }

  @Test
  void theIioThermocoupleFeedsTheSupervisor(@TempDir Path sys) throws Exception {
    Path dev = Files.createDirectories(sys.resolve("iio:device0"));
    Files.writeString(dev.resolve("name"), "maxim_thermocouple\n");
    Files.writeString(dev.resolve("in_temp_scale"), "250\n");
    Files.writeString(dev.resolve("in_temp_ambient_scale"), "62.500000\n");
    Files.writeString(dev.resolve("in_temp_raw"), "92\n");
    Files.writeString(dev.resolve("in_temp_ambient_raw"), "352\n");
    build(Set.of(), MockPi.wiring(ThermocoupleInterface.IIO, dev.toString(), null));
    step();
    assertEquals(
        23.0,
        runner.supervisor().status().lastReading().chamberC(),
        0.1,
        "type-K corrected, 1 °C above the chip");
    assertEquals(22.0, runner.supervisor().status().lastReading().coldJunctionC(), 1e-9);
  }

  @Test
  void aMissingIioDeviceNamesItsOptionAndLeavesEveryOutputLow(@TempDir Path sys) {
    pi = new MockPi();
    PiConfig wiring =
        MockPi.wiring(ThermocoupleInterface.IIO, sys.resolve("iio:device3").toString(), null);
    HardwareUnavailableException e =
        assertThrows(
            HardwareUnavailableException.class,
            () ->
                PiAppliance.open(
                    wiring,
                    true,
                    pi.context,
                    clock,
                    config(wiring).controller().defaultSettings()));
    assertTrue(
        e.getMessage().contains("iio:device3 (pi.iioDevice, with pi.thermocouple = iio)"),
        e.getMessage());
    assertTrue(e.getMessage().contains("dtoverlay=maxtherm"), e.getMessage());
    assertFalse(pi.isHigh("heaterPin"));
    assertFalse(pi.isHigh("latchPin"));
    assertTrue(pi.context.isShutdown(), "what was opened is shut down");
  }

  /**
   * A PiConfig built in code (the config file refuses this) with no chip select or IIO directory
   * for its thermocouple: a clear error naming the option, not a NullPointerException.
   */
  @Test
  void aThermocoupleWithoutItsAddressNamesTheMissingOption() {
    for (PiConfig wiring :
        List.of(
            MockPi.wiring(ThermocoupleInterface.SPI, null, null),
            MockPi.wiring(ThermocoupleInterface.IIO, null, null))) {
      pi = new MockPi();
      HardwareUnavailableException e =
          assertThrows(
              HardwareUnavailableException.class,
              () ->
                  PiAppliance.open(
                      wiring,
                      true,
                      pi.context,
                      clock,
                      config(MockPi.SPI_WIRING).controller().defaultSettings()));
      String option =
          wiring.thermometers().thermocouple() == ThermocoupleInterface.SPI
              ? "pi.spiChipSelect"
              : "pi.iioDevice";
      assertTrue(e.getMessage().contains(option + " is not set"), e.getMessage());
      assertFalse(pi.isHigh("heaterPin"));
      assertFalse(pi.isHigh("latchPin"));
      assertTrue(pi.context.isShutdown(), "what was opened is shut down");
    }
  }

  @Test
  void aMissingSpiDeviceNamesItsOptions() {
    Context noSpi =
        Pi4J.newContextBuilder()
            .noAutoDetect()
            .add(
                new MockPi.PulledUpMockInputs(Set.of(), new HashMap<>()),
                MockDigitalOutputProvider.newInstance())
            .disableShutdownHook()
            .build();
    HardwareUnavailableException e =
        assertThrows(
            HardwareUnavailableException.class,
            () ->
                PiAppliance.open(
                    MockPi.SPI_WIRING,
                    true,
                    noSpi,
                    clock,
                    config(MockPi.SPI_WIRING).controller().defaultSettings()));
    assertTrue(
        e.getMessage().contains("SPI0 CE0") && e.getMessage().contains("pi.spiChipSelect = 0"),
        e.getMessage());
    assertTrue(noSpi.isShutdown());
  }

  @Test
  void theSupervisorSeesAnSpiReadErrorAsAMissingSample()
      throws IOException, HardwareUnavailableException {
    build();
    runner.supervisor().tick(); // nothing queued: the read fails
    assertEquals(null, runner.supervisor().status().lastReading());
    assertTrue(faults.isEmpty(), "one missing sample is not a fault");
  }
}
