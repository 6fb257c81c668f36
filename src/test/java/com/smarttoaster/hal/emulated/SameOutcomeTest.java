package com.smarttoaster.hal.emulated;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.smarttoaster.control.CyclePhase;
import com.smarttoaster.hal.ThermocoupleFault;
import com.smarttoaster.hal.pi.ThermocoupleInterface;
import com.smarttoaster.hal.sim.ApplianceConditions;
import com.smarttoaster.hal.sim.SimulatedAppliance;
import com.smarttoaster.safety.Fault;
import java.util.function.Consumer;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Faults injected into the world give the same outcome through the emulated Pi (with reads 125 ms
 * apart, as the sampler will make them) as through the simulated appliance: the world's sensor
 * faults reach the software through the emulated chip, its relay and element faults through the
 * emulated current sense and pins.
 */
class SameOutcomeTest {
  private static Consumer<SimulatedAppliance> fault(String kind) {
    return switch (kind) {
      case "none" -> w -> {};
      case "sensor-open" -> w -> w.thermocouple().setWiringFault(ThermocoupleFault.OPEN_CIRCUIT);
      case "sensor-short" -> w -> w.thermocouple().setWiringFault(ThermocoupleFault.SHORT_TO_GND);
      case "sensor-short-vcc" ->
          w -> w.thermocouple().setWiringFault(ThermocoupleFault.SHORT_TO_VCC);
      case "sensor-stuck" -> w -> w.thermocouple().setStuck(true);
      case "latch-stuck" -> SimulatedAppliance::jamLatch;
      case "sensor-drift" -> w -> w.thermocouple().setDrift(-5.0);
      case "sensor-noise" -> w -> w.thermocouple().setExtraNoise(1.0);
      case "heater-open" -> SimulatedAppliance::breakElement;
      case "sensor-dropout" -> w -> w.thermocouple().startDropout(3.0);
      case "heater-stuck-on" -> SimulatedAppliance::weldRelay;
      case "overheat" -> w -> w.startCrumbFire(20.0);
      default -> throw new IllegalArgumentException(kind);
    };
  }

  /**
   * Runs a cycle, injects the fault 10 s in, runs on until the cycle is over; the fault code or
   * "none".
   */
  private static String outcome(EmulatedToaster t, String kind) {
    t.stepped.pushLever();
    t.runUntil(CyclePhase.TOASTING, 1.0);
    t.run(10.0);
    fault(kind).accept(t.world);
    for (int i = 0; i < 30_000 && t.phase().isActive(); i++) {
      t.step();
    }
    t.run(2.0);
    return t.faults.stream().findFirst().map(Fault::code).map(Enum::name).orElse("none")
        + (t.world.isHeatFlowing() ? " heat still on" : "");
  }

  @ParameterizedTest(name = "{0} through {1}")
  @CsvSource({
    "none, SPI",
    "none, IIO",
    "sensor-open, SPI",
    "sensor-open, IIO",
    "sensor-short, SPI",
    "sensor-short, IIO",
    "sensor-short-vcc, SPI",
    "sensor-stuck, SPI",
    "sensor-stuck, IIO",
    "sensor-dropout, SPI",
    "sensor-dropout, IIO",
    "heater-stuck-on, SPI",
    "heater-stuck-on, IIO",
    "overheat, SPI",
    "overheat, IIO",
    "latch-stuck, SPI",
    "sensor-drift, SPI",
    "sensor-drift, IIO",
    "sensor-noise, SPI",
    "sensor-noise, IIO",
    "heater-open, SPI"
  })
  void theEmulatedPiAndTheSimulatedApplianceAgree(String kind, ThermocoupleInterface tc)
      throws Exception {
    // (the IIO driver does not name a thermocouple fault; it still reads as SENSOR_FAULT, see
    // IioThermocouple)
    String sim;
    try (EmulatedToaster t = EmulatedToaster.simulated(ApplianceConditions.typical())) {
      sim = outcome(t, kind);
    }
    try (EmulatedToaster t =
        new EmulatedToaster(EmulatedPiApplianceTest.wiring(tc), ApplianceConditions.typical())) {
      assertEquals(sim, outcome(t, kind));
    }
  }

  /**
   * Fault-free cycles at the corners of the realistic envelope (DESIGN §5, mains 200-250 V): no
   * false trip through the Pi code. (120 V needs a 120 V element, which the physics does not have
   * yet.)
   */
  @ParameterizedTest(
      name = "ambient {0} °C, mains {1} V, chamber {2} °C, bread {3} °C {4} mm, {5} slice(s)")
  @CsvSource({
    "5, 200, 5, -25, 35, 2",
    "40, 250, 40, 30, 8, 1",
    "21, 230, 200, 21, 12, 2",
    "21, 207, 21, -18, 28, 2",
    "30, 250, 150, 21, 20, 1"
  })
  void noFalseTripAcrossTheEnvelope(
      double ambientC, double volts, double chamberC, double breadC, double mm, int slices)
      throws Exception {
    ApplianceConditions c =
        ApplianceConditions.typical()
            .withAmbientC(ambientC)
            .withMainsVolts(volts)
            .withChamberStartC(chamberC)
            .withBreadStartC(breadC)
            .withThicknessMm(mm)
            .withSlices(slices);
    String sim;
    try (EmulatedToaster t = EmulatedToaster.simulated(c)) {
      sim = outcome(t, "none");
    }
    for (ThermocoupleInterface tc : ThermocoupleInterface.values()) {
      try (EmulatedToaster t = new EmulatedToaster(EmulatedPiApplianceTest.wiring(tc), c)) {
        assertEquals("none", outcome(t, "none"), tc.name());
      }
    }
    assertEquals("none", sim, "the simulated appliance agrees");
  }
}
