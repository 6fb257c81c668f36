package com.smarttoaster.safety;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.smarttoaster.hal.ThermocoupleFault;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class SensorHealthCheckTest {

  @ParameterizedTest
  @CsvSource({
    "OPEN_CIRCUIT, thermocouple open circuit: wire broken or unplugged",
    "SHORT_TO_GND, thermocouple shorted to ground",
    "SHORT_TO_VCC, thermocouple shorted to the supply voltage",
  })
  void faultBitTripsOnTheSecondSampleWhileHeating(ThermocoupleFault bit, String plainWords) {
    SafetyBench bench = SafetyBench.create();
    bench.startToasting();
    bench.run(10);
    bench.sensor.setFault(bit);

    double tripAfter = bench.runUntilFault(1.0);

    assertEquals(2 * 0.05, tripAfter, 1e-9, "must trip on the second faulty sample");
    Fault fault = bench.assertTripped(FaultCode.SENSOR_FAULT);
    assertTrue(fault.message().contains(plainWords), fault.message());
    assertTrue(fault.message().contains("for 2 samples in a row (limit 2)"), fault.message());
    assertEquals(2.0, fault.measured());
    assertEquals(2.0, fault.limit());
  }

  @Test
  void faultBitTripsWhileIdleToo() {
    SafetyBench bench = SafetyBench.create();
    bench.run(1);
    bench.sensor.setFault(ThermocoupleFault.OPEN_CIRCUIT);

    assertEquals(0.1, bench.runUntilFault(1.0), 1e-9);
    assertEquals(
        "Temperature sensor fault: thermocouple open circuit: wire broken or unplugged, for 2"
            + " samples in a row (limit 2). Heat cut and bread released. Unplug the toaster, check"
            + " the thermocouple and its connector, then hold the reset button for 3 s.",
        bench.assertTripped(FaultCode.SENSOR_FAULT).message());
  }

  @Test
  void singleFaultySamplesBetweenGoodOnesAreTolerated() {
    SafetyBench bench = SafetyBench.create();
    bench.startToasting();
    for (int i = 0; i < 50; i++) {
      bench.sensor.setFault(i % 2 == 0 ? ThermocoupleFault.SHORT_TO_GND : ThermocoupleFault.NONE);
      bench.step();
    }
    bench.assertNoFault();
  }

  @Test
  void lowestBelievableReadingIsAccepted() {
    SafetyBench bench = SafetyBench.create();
    bench.sensor.setChamberC(-40.0);

    bench.run(5);

    bench.assertNoFault();
  }

  @Test
  void readingJustBelowTheBelievableRangeTrips() {
    SafetyBench bench = SafetyBench.create();
    bench.sensor.setChamberC(-40.25);

    assertEquals(0.1, bench.runUntilFault(1.0), 1e-9);
    Fault fault = bench.assertTripped(FaultCode.SENSOR_FAULT);
    assertEquals(-40.25, fault.measured());
    assertEquals(-40.0, fault.limit());
    assertTrue(
        fault
            .message()
            .contains(
                "chamber read -40.25 °C, outside the believable range -40.0 °C" + " to 500.0 °C"),
        fault.message());
  }

  @Test
  void readingAboveTheBelievableRangeTripsAsASensorFault() {
    SafetyBench bench = SafetyBench.create();
    bench.startToasting();
    bench.sensor.setChamberC(1372.0); // a K-type converter's full scale: a classic short

    assertEquals(0.1, bench.runUntilFault(1.0), 1e-9);
    Fault fault = bench.assertTripped(FaultCode.SENSOR_FAULT);
    assertEquals(1372.0, fault.measured());
    assertEquals(500.0, fault.limit());
  }

  @Test
  void sampleCountIsConfigurable() {
    SafetyBench bench =
        SafetyBench.create(
            com.smarttoaster.safety.fakes.SafetyLimitsBuilder.defaults()
                .set("sensorFaultSamples", 4)
                .build());
    bench.sensor.setFault(ThermocoupleFault.SHORT_TO_VCC);

    assertEquals(0.2, bench.runUntilFault(1.0), 1e-9);
    assertEquals(4.0, bench.assertTripped(FaultCode.SENSOR_FAULT).measured());
  }
}
