package com.smarttoaster.hal.emulated;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.smarttoaster.control.CyclePhase;
import com.smarttoaster.hal.pi.PiConfig;
import com.smarttoaster.hal.pi.ThermocoupleInterface;
import com.smarttoaster.hal.pi.ThermometerWiring;
import com.smarttoaster.hal.sim.ApplianceConditions;
import com.smarttoaster.hal.sim.SimulatedAppliance;
import com.smarttoaster.safety.SafetyLimits;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** The real toaster software through the emulated Pi, end to end, in simulated time. */
class EmulatedPiApplianceTest {
  /**
   * config/pi.yaml's wiring; the thermocouple read through the kernel driver or directly over SPI.
   */
  static PiConfig wiring(ThermocoupleInterface tc) {
    return EmulatedPiAppliance.SHIPPED_WIRING.with(
        tc == ThermocoupleInterface.IIO
            ? ThermometerWiring.iio("/sys/bus/iio/devices", false)
            : ThermometerWiring.spi(0, false));
  }

  private static void assertCompletes(EmulatedToaster t) {
    t.stepped.pushLever();
    t.runUntil(CyclePhase.TOASTING, 1.0);
    t.run(0.1); // heat starts at the next supervisor tick
    assertTrue(t.world.isHeatFlowing(), "heat flows through the emulated SSR, magnet and dead-man");
    double predicted = t.controller.snapshot().prediction().seconds();
    double took = t.runUntil(CyclePhase.DONE, predicted + 5);
    assertTrue(t.faults.isEmpty(), () -> "no fault expected: " + t.faults);
    assertEquals(predicted, took, 1.0, "the cycle lasts the predicted time");
    t.run(1.0);
    assertFalse(t.world.isHeatFlowing(), "heat off");
    assertFalse(t.world.isCarriageDown(), "the carriage came up after the current check");
    assertTrue(
        t.faults.isEmpty(),
        () -> "no false HEATER_STUCK_ON from the current sense chain: " + t.faults);
    assertEquals(List.of(CyclePhase.PREPARING, CyclePhase.TOASTING, CyclePhase.DONE), t.phases);
    assertTrue(t.world.physics().achievedShade() > 2, "the bread was toasted");
  }

  /**
   * The end-to-end cycle: the supervisor ticks every 50 ms and its sampler reads the chip at most
   * every 0.125 s, so conversions complete between reads (read on every tick, each read would abort
   * the conversion in progress and the reading would never change: Max31855ChipTest).
   */
  @ParameterizedTest
  @EnumSource(ThermocoupleInterface.class)
  void aCycleCompletesThroughTheEmulatedPi(ThermocoupleInterface tc) throws Exception {
    try (EmulatedToaster t = new EmulatedToaster(wiring(tc), ApplianceConditions.typical())) {
      assertCompletes(t);
      assertTrue(t.appliance.chip().conversions() > 100, "the chip converted between reads");
    }
  }

  /**
   * A 120 V supply (60 Hz here): the current sense chain releases in time, no false
   * HEATER_STUCK_ON. The physics has only the 230 V element, which heats at a quarter of its power
   * on 120 V; the energy-balance observer rightly calls that no toaster it knows (SENSOR_DRIFT), so
   * it is off here: this test is about the current sensing.
   */
  @Test
  void aCycleCompletesOnA120VoltSupply() throws Exception {
    SafetyLimits observerOff =
        com.smarttoaster.safety.fakes.SafetyLimitsBuilder.defaults()
            .set("energyBalanceTripC", Double.POSITIVE_INFINITY)
            .build();
    try (EmulatedToaster t =
        new EmulatedToaster(
            wiring(ThermocoupleInterface.SPI),
            ApplianceConditions.typical().withMainsVolts(120.0),
            observerOff)) {
      t.stepped.pushLever();
      t.runUntil(CyclePhase.TOASTING, 1.0);
      t.runUntil(CyclePhase.DONE, 300);
      t.run(1.0);
      assertTrue(t.faults.isEmpty(), () -> "no fault expected: " + t.faults);
      assertFalse(t.world.isCarriageDown());
    }
  }

  /**
   * A crashed process: the software stops mid-cycle, the heater and magnet pins stay high (nothing
   * resets them), and only the world's dead-man stage ends heat, within its timeout, because the
   * dead-man pin stops toggling.
   */
  @Test
  void pinsKeepTheirLevelWhenTheSoftwareStopsAndTheDeadManCutsTheHeat() throws Exception {
    PiConfig w = wiring(ThermocoupleInterface.SPI);
    try (EmulatedToaster t = new EmulatedToaster(w, ApplianceConditions.typical())) {
      t.stepped.pushLever();
      t.runUntil(CyclePhase.TOASTING, 1.0);
      t.run(5.0);
      assertTrue(t.world.isHeatFlowing());
      t.softwareAlive = false;
      double crashS = t.clock.seconds();
      Boolean deadMan = t.appliance.header().driven(w.mains().deadManPin());
      double cutS = Double.NaN;
      for (int i = 0; i < 300; i++) {
        t.step();
        if (Double.isNaN(cutS) && !t.world.isHeatFlowing()) {
          cutS = t.clock.seconds() - crashS;
        }
        assertEquals(
            Boolean.TRUE,
            t.appliance.header().driven(w.mains().heaterPin()),
            "heater pin still high at step " + i);
        assertEquals(
            Boolean.TRUE,
            t.appliance.header().driven(w.mains().latchPin()),
            "latch pin still high at step " + i);
        assertEquals(
            deadMan,
            t.appliance.header().driven(w.mains().deadManPin()),
            "dead-man pin no longer toggles");
      }
      assertTrue(
          cutS <= SimulatedAppliance.DEAD_MAN_TIMEOUT_S + 0.06,
          "heat cut by the dead-man " + cutS + " s after the crash");
      assertFalse(t.world.isCarriageDown(), "and the magnet let the carriage go");
    }
  }

  @Test
  void theBuzzerIsHeardAsTheSimulatedAppliancesBeeps() throws Exception {
    try (EmulatedToaster t =
        new EmulatedToaster(wiring(ThermocoupleInterface.SPI), ApplianceConditions.typical())) {
      List<String> beeps = new java.util.ArrayList<>();
      t.world.onBeep(p -> beeps.add(p.name()));
      t.stepped.pushLever();
      t.runUntil(CyclePhase.TOASTING, 1.0);
      t.run(5.0);
      t.appliance.press(new com.smarttoaster.hal.UserEvent.CancelPressed());
      t.runUntil(CyclePhase.CANCELLED, 0.5);
      t.run(2.0);
      assertEquals(List.of("REFUSED"), beeps, "the cancelled chirp");
    }
  }

  /**
   * A scenario's arm-remote-start: the button, then the lever, in that order, arms instead of
   * starting.
   */
  @Test
  void theRemoteArmButtonThenTheLeverArms() throws Exception {
    PiConfig w = wiring(ThermocoupleInterface.SPI);
    try (EmulatedToaster t = new EmulatedToaster(w, ApplianceConditions.typical())) {
      t.stepped.press(new com.smarttoaster.hal.UserEvent.RemoteArmPressed());
      t.stepped.pushLever();
      t.runUntil(CyclePhase.ARMED, 1.0);
      t.run(1.0);
      assertEquals(CyclePhase.ARMED, t.phase());
      assertFalse(t.world.isHeatFlowing(), "armed: no heat");
      assertTrue(t.world.isCarriageDown(), "armed: the carriage is held");
      assertEquals(
          Boolean.TRUE,
          t.appliance.header().driven(w.indicators().remoteArmedLedPin()),
          "the remote-armed LED");
      assertTrue(
          t.world.light(com.smarttoaster.hal.Indicator.REMOTE_ARMED),
          "shown on the world's panel too");
    }
  }

  @Test
  void theFactoryTakesNullForTheShippedWiringAndNamesWhatItCannotOpen() {
    com.smarttoaster.hal.sim.SimClock clock = new com.smarttoaster.hal.sim.SimClock();
    SimulatedAppliance world = new SimulatedAppliance(ApplianceConditions.typical(), 1, clock);
    try (EmulatedPiAppliance pi =
        EmulatedPiAppliance.create(null, true, world, clock, EmulatedToaster.SETTINGS)) {
      assertEquals(
          EmulatedPiAppliance.SHIPPED_WIRING.thermometers().iioDevice(), "/sys/bus/iio/devices");
      assertEquals("IioThermocouple", pi.ports().sensor().getClass().getSimpleName());
    }
    PiConfig wrongDevice =
        EmulatedPiAppliance.SHIPPED_WIRING.with(
            ThermometerWiring.iio("/sys/bus/iio/devices/iio:device3", false));
    IllegalArgumentException e =
        org.junit.jupiter.api.Assertions.assertThrows(
            IllegalArgumentException.class,
            () ->
                EmulatedPiAppliance.create(
                    wrongDevice, true, world, clock, EmulatedToaster.SETTINGS));
    assertTrue(
        e.getMessage().contains("iio:device3") && e.getMessage().contains("pi.iioDevice"),
        e.getMessage());
  }

  @Test
  void theShippedWiringIsConfigPiYamls() throws Exception {
    assertEquals(
        com.smarttoaster.config.ConfigLoader.load(java.nio.file.Path.of("config/pi.yaml")).pi(),
        EmulatedPiAppliance.SHIPPED_WIRING);
  }

  @Test
  void itIsThePiEmulatedApplianceWithTheRealPiClassesBehindItsPorts() throws Exception {
    try (EmulatedToaster t =
        new EmulatedToaster(EmulatedPiAppliance.SHIPPED_WIRING, ApplianceConditions.typical())) {
      assertEquals("pi-emulated", t.appliance.kind());
      var p = t.appliance.ports();
      assertEquals(
          List.of(
              "PiHeaterSwitch",
              "PiCarriageLatch",
              "IioThermocouple",
              "PiCurrentSensor",
              "PiDeadManTrigger",
              "FrontPanel",
              "PiIndicators"),
          List.of(
                  p.heater(),
                  p.latch(),
                  p.sensor(),
                  p.currentSensor(),
                  p.deadMan(),
                  p.controls(),
                  p.indicators())
              .stream()
              .map(o -> o.getClass().getSimpleName())
              .toList());
      assertTrue(t.world == t.appliance.world());
    }
  }
}
