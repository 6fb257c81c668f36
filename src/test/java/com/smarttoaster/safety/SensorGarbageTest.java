package com.smarttoaster.safety;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import com.smarttoaster.hal.TemperatureReading;
import com.smarttoaster.hal.TemperatureSensor;
import com.smarttoaster.hal.ThermocoupleFault;
import com.smarttoaster.safety.fakes.FakeCarriageLatch;
import com.smarttoaster.safety.fakes.FakeCurrentSensor;
import com.smarttoaster.safety.fakes.FakeHeaterSwitch;
import com.smarttoaster.safety.fakes.ManualClock;
import com.smarttoaster.safety.fakes.RecordingSafetyListener;
import org.junit.jupiter.api.Test;

/** A sensor driver that misbehaves: throws unchecked exceptions or returns garbage. */
class SensorGarbageTest {
  private final ManualClock clock = new ManualClock();
  private final FakeHeaterSwitch heater = new FakeHeaterSwitch(clock);
  private final FakeCarriageLatch latch = new FakeCarriageLatch();
  private final RecordingSafetyListener listener = new RecordingSafetyListener();
  private final TemperatureSensor sensor = mock(TemperatureSensor.class);
  private final SafetySupervisor supervisor =
      new SafetySupervisor(
          SafetyLimits.defaults(),
          heater,
          latch,
          sensor,
          new FakeCurrentSensor(heater, latch),
          clock,
          listener);

  private void tickFor(double seconds) {
    for (int i = (int) Math.round(seconds / 0.05); i > 0; i--) {
      clock.advanceMillis(50);
      supervisor.renewLease();
      assertDoesNotThrow(supervisor::tick, "a misbehaving sensor must never escape tick()");
    }
  }

  private void startToasting() throws Exception {
    when(sensor.read())
        .thenAnswer(
            call -> new TemperatureReading(50.0, 21.0, ThermocoupleFault.NONE, clock.nanos()));
    latch.pressLever();
    assertTrue(supervisor.holdCarriage());
    supervisor.renewLease();
    supervisor.requestHeat(true);
    tickFor(0.05);
    assertTrue(heater.isCommandedOn());
  }

  @Test
  void uncheckedExceptionFromTheDriverIsNoSampleAndEndsInStale() throws Exception {
    startToasting();
    when(sensor.read()).thenThrow(new IllegalStateException("driver bug"));

    tickFor(1.0);
    assertTrue(supervisor.latchedFault().isEmpty(), "not stale before 1 s");
    tickFor(0.05);

    Fault fault = supervisor.latchedFault().orElseThrow();
    assertEquals(FaultCode.SENSOR_STALE, fault.code());
    assertTrue(fault.message().contains("IllegalStateException: driver bug"), fault.message());
    assertTrue(!heater.isCommandedOn() && !latch.isHeld());
  }

  @Test
  void nullReadingIsNoSample() throws Exception {
    startToasting();
    when(sensor.read()).thenReturn(null);

    tickFor(1.05);

    Fault fault = supervisor.latchedFault().orElseThrow();
    assertEquals(FaultCode.SENSOR_STALE, fault.code());
    assertTrue(fault.message().contains("returned no reading"), fault.message());
  }

  @Test
  void notANumberIsASensorFault() throws Exception {
    startToasting();
    when(sensor.read())
        .thenAnswer(call -> new TemperatureReading(Double.NaN, 21.0, ThermocoupleFault.NONE, 0));

    tickFor(0.35); // two samples at the shipped sample period, 0.15 s

    Fault fault = supervisor.latchedFault().orElseThrow();
    assertEquals(FaultCode.SENSOR_FAULT, fault.code());
    assertTrue(fault.message().contains("returned no number (NaN)"), fault.message());
    assertTrue(!heater.isCommandedOn() && !latch.isHeld());
    assertEquals(1, listener.faults().size());
  }

  @Test
  void missingFaultStatusIsASensorFault() throws Exception {
    startToasting();
    when(sensor.read()).thenAnswer(call -> new TemperatureReading(50.0, 21.0, null, 0));

    tickFor(0.35); // two samples at the shipped sample period, 0.15 s

    Fault fault = supervisor.latchedFault().orElseThrow();
    assertEquals(FaultCode.SENSOR_FAULT, fault.code());
    assertTrue(fault.message().contains("reported no status"), fault.message());
  }

  @Test
  void infiniteReadingIsASensorFault() throws Exception {
    startToasting();
    when(sensor.read())
        .thenAnswer(
            call ->
                new TemperatureReading(Double.POSITIVE_INFINITY, 21.0, ThermocoupleFault.NONE, 0));

    tickFor(0.35); // two samples at the shipped sample period, 0.15 s

    assertEquals(FaultCode.SENSOR_FAULT, supervisor.latchedFault().orElseThrow().code());
  }
}
