package com.smarttoaster.safety;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.smarttoaster.hal.ThermocoupleFault;
import com.smarttoaster.safety.fakes.FakeCarriageLatch;
import com.smarttoaster.safety.fakes.FakeCurrentSensor;
import com.smarttoaster.safety.fakes.FakeHeaterSwitch;
import com.smarttoaster.safety.fakes.FakeTemperatureSensor;
import com.smarttoaster.safety.fakes.ManualClock;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

class SafetyListenerTest {

  @Test
  void faultIsReportedOnceThoughItsCausePersists() {
    SafetyBench bench = SafetyBench.create();
    bench.startToasting();
    bench.sensor.setFault(ThermocoupleFault.OPEN_CIRCUIT);

    bench.run(30);

    assertEquals(1, bench.listener.faults().size());
    assertEquals(List.of(true, false), bench.listener.heaterCommands());
    assertEquals(1, bench.listener.carriageReleases().size());
  }

  @Test
  void listenerMayCallBackIntoTheSupervisor() {
    ManualClock clock = new ManualClock();
    FakeHeaterSwitch heater = new FakeHeaterSwitch(clock);
    FakeCarriageLatch latch = new FakeCarriageLatch();
    FakeTemperatureSensor sensor = new FakeTemperatureSensor(clock);
    AtomicReference<SafetySupervisor> supervisor = new AtomicReference<>();
    List<SafetyStatus> seen = new ArrayList<>();
    SafetyListener callsBack = fault -> seen.add(supervisor.get().status());
    supervisor.set(
        new SafetySupervisor(
            SafetyLimits.defaults(),
            heater,
            latch,
            sensor,
            new FakeCurrentSensor(heater, latch),
            clock,
            callsBack));
    sensor.setFault(ThermocoupleFault.SHORT_TO_VCC);

    for (int i = 0; i < 5; i++) { // two samples at the shipped 0.15 s sample period
      clock.advanceMillis(50);
      supervisor.get().tick();
    }

    assertEquals(1, seen.size());
    assertEquals(FaultCode.SENSOR_FAULT, seen.get(0).fault().code());
    assertFalse(seen.get(0).heaterCommandedOn());
  }

  @Test
  void throwingListenerCannotUndoTheFault() {
    ManualClock clock = new ManualClock();
    FakeHeaterSwitch heater = new FakeHeaterSwitch(clock);
    FakeCarriageLatch latch = new FakeCarriageLatch();
    FakeTemperatureSensor sensor = new FakeTemperatureSensor(clock);
    SafetyListener throwing =
        new SafetyListener() {
          @Override
          public void onFault(Fault fault) {
            throw new IllegalStateException("MQTT down");
          }

          @Override
          public void onHeaterCommand(boolean on, long atNanos) {
            throw new IllegalStateException("MQTT down");
          }
        };
    SafetySupervisor supervisor =
        new SafetySupervisor(
            SafetyLimits.defaults(),
            heater,
            latch,
            sensor,
            new FakeCurrentSensor(heater, latch),
            clock,
            throwing);
    latch.pressLever();
    assertTrue(supervisor.holdCarriage());
    supervisor.renewLease();
    supervisor.requestHeat(true);
    clock.advanceMillis(50);
    supervisor.tick();
    assertTrue(heater.isCommandedOn());
    sensor.setFault(ThermocoupleFault.OPEN_CIRCUIT);

    for (int i = 0; i < 6; i++) { // two samples at the shipped 0.15 s sample period
      clock.advanceMillis(50);
      supervisor.renewLease();
      supervisor.tick();
    }

    assertEquals(FaultCode.SENSOR_FAULT, supervisor.latchedFault().orElseThrow().code());
    assertFalse(heater.isCommandedOn());
    assertFalse(latch.isHeld());
  }

  @Test
  void failingRelayStillGetsTheCarriageReleasedOnAFault() {
    SafetyBench bench = SafetyBench.create();
    bench.startToasting();
    bench.heater.failWith(new IllegalStateException("GPIO write failed"));
    bench.sensor.setFault(ThermocoupleFault.OPEN_CIRCUIT);

    for (int i = 0; i < 2; i++) {
      try {
        bench.step();
      } catch (IllegalStateException expected) {
        // every relay write fails; the loop would run its own fail-safe after each such tick
      }
    }

    assertEquals(FaultCode.SENSOR_FAULT, bench.fault().code());
    assertFalse(bench.latch.isHeld(), "the carriage contacts must open when the relay cannot");
    assertEquals(1, bench.listener.faults().size());
  }
}
