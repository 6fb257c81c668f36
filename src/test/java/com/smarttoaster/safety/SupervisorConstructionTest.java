package com.smarttoaster.safety;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.mockingDetails;

import com.smarttoaster.hal.CarriageLatch;
import com.smarttoaster.hal.Clock;
import com.smarttoaster.hal.HeaterCurrentSensor;
import com.smarttoaster.hal.HeaterSwitch;
import com.smarttoaster.hal.TemperatureSensor;
import com.smarttoaster.safety.fakes.FakeCarriageLatch;
import com.smarttoaster.safety.fakes.FakeHeaterSwitch;
import com.smarttoaster.safety.fakes.FakeTemperatureSensor;
import com.smarttoaster.safety.fakes.ManualClock;
import com.smarttoaster.safety.fakes.SafetyLimitsBuilder;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.mockito.invocation.Invocation;

class SupervisorConstructionTest {

  @Test
  void heaterOffAndLatchReleasedBeforeAnythingElse() {
    HeaterSwitch heater = mock(HeaterSwitch.class);
    CarriageLatch latch = mock(CarriageLatch.class);
    TemperatureSensor sensor = mock(TemperatureSensor.class);
    HeaterCurrentSensor current = mock(HeaterCurrentSensor.class);
    Clock clock = mock(Clock.class);

    new SafetySupervisor(
        SafetyLimits.defaults(), heater, latch, sensor, current, clock, SafetyListener.NONE);

    // Every interaction with any port, in the order it happened: the first two must be the outputs'
    // off, so nothing (a clock read, a sensor read that throws or hangs) can come before them.
    List<Invocation> all =
        Stream.of(heater, latch, sensor, current, clock)
            .flatMap(m -> mockingDetails(m).getInvocations().stream())
            .sorted(Comparator.comparingInt(Invocation::getSequenceNumber))
            .toList();
    assertTrue(all.size() >= 2, "the outputs were not even touched: " + all);
    assertEquals(
        List.of("heater.set(false)", "latch.release()"),
        all.subList(0, 2).stream().map(SupervisorConstructionTest::describe).toList(),
        "first interactions of all: " + all);
  }

  private static String describe(Invocation i) {
    String who =
        i.getMock() instanceof HeaterSwitch
            ? "heater"
            : i.getMock() instanceof CarriageLatch ? "latch" : "other";
    String args = i.getArguments().length == 0 ? "" : String.valueOf(i.getArguments()[0]);
    return who + "." + i.getMethod().getName() + "(" + args + ")";
  }

  @Test
  void badLimitsAreRefusedButTheOutputsAreAlreadySafe() {
    ManualClock clock = new ManualClock();
    FakeHeaterSwitch heater = new FakeHeaterSwitch(clock);
    heater.set(true); // whatever state the relay woke up in
    FakeCarriageLatch latch = new FakeCarriageLatch();
    SafetyLimits bad = SafetyLimitsBuilder.defaults().set("leaseS", 0.0).build();

    IllegalArgumentException e =
        assertThrows(
            IllegalArgumentException.class,
            () ->
                new SafetySupervisor(
                    bad, heater, latch, new FakeTemperatureSensor(clock), null, clock, null));

    assertEquals("SafetyLimits.leaseS must be above 0, was 0.0", e.getMessage());
    assertEquals(false, heater.isCommandedOn());
    assertEquals(1, latch.releaseCount());
  }

  @Test
  void fittedCurrentSensorMustBeGiven() {
    ManualClock clock = new ManualClock();

    IllegalArgumentException e =
        assertThrows(
            IllegalArgumentException.class,
            () ->
                new SafetySupervisor(
                    SafetyLimits.defaults(),
                    new FakeHeaterSwitch(clock),
                    new FakeCarriageLatch(),
                    new FakeTemperatureSensor(clock),
                    null,
                    clock,
                    null));

    assertEquals(
        "SafetyLimits.currentSensorFitted is true but no HeaterCurrentSensor was given; pass the"
            + " sensor, or set currentSensorFitted to false",
        e.getMessage());
  }

  @Test
  void defaultLimitsAreSane() {
    assertEquals(SafetyLimits.defaults(), SafetyLimitsCheck.requireSane(SafetyLimits.defaults()));
  }
}
