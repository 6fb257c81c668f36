package com.smarttoaster.safety;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.mockito.ArgumentMatchers.anyBoolean;
import static org.mockito.Mockito.doAnswer;
import static org.mockito.Mockito.doThrow;
import static org.mockito.Mockito.inOrder;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import com.smarttoaster.hal.AppliancePorts;
import com.smarttoaster.hal.CarriageLatch;
import com.smarttoaster.hal.DeadManTrigger;
import com.smarttoaster.hal.HeaterSwitch;
import com.smarttoaster.hal.Indicator;
import com.smarttoaster.hal.Indicators;
import com.smarttoaster.safety.fakes.FakeCarriageLatch;
import com.smarttoaster.safety.fakes.FakeTemperatureSensor;
import com.smarttoaster.safety.fakes.ManualClock;
import com.smarttoaster.safety.fakes.RecordingSafetyListener;
import com.smarttoaster.safety.fakes.SafetyLimitsBuilder;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.mockito.InOrder;

/**
 * The relay and the magnet are written outside the supervisor's lock: a write that hangs blocks
 * only the thread that made it, the controller still latches the fault, and the hardware dead-man
 * (no longer toggled) drops the heat. The fail-safe keeps its order: heater off first, the carriage
 * released even if that fails.
 */
@Timeout(10)
class OutputsOutsideTheLockTest {
  private static final long WAIT_MS = 5_000; // only ever reached when the code under test is broken

  private final ManualClock clock = new ManualClock();
  private final FakeTemperatureSensor sensor = new FakeTemperatureSensor(clock);
  private final FakeCarriageLatch latch = new FakeCarriageLatch();
  private final RecordingSafetyListener listener = new RecordingSafetyListener();
  private final AtomicInteger toggles = new AtomicInteger();
  private final DeadManTrigger deadMan = toggles::incrementAndGet;
  private final SafetyLimits noCurrentSensor =
      SafetyLimitsBuilder.defaults().set("currentSensorFitted", false).build();

  private static final Indicators NO_INDICATORS =
      new Indicators() {
        @Override
        public void set(Indicator indicator, boolean on) {}

        @Override
        public void beep(BeepPattern pattern) {}
      };

  private SafetySupervisor supervisor(HeaterSwitch heater, CarriageLatch latch) {
    return new SafetySupervisor(
        noCurrentSensor,
        new AppliancePorts(heater, latch, sensor, null, deadMan, l -> {}, NO_INDICATORS),
        clock,
        listener,
        null);
  }

  @Test
  void aHeaterWriteThatHangsEndsInAFaultFromTheControllerAndNoMoreDeadManToggles()
      throws Exception {
    CountDownLatch writeEntered = new CountDownLatch(1);
    CountDownLatch unblock = new CountDownLatch(1);
    AtomicBoolean relayOn = new AtomicBoolean();
    HeaterSwitch hanging = mock(HeaterSwitch.class);
    doAnswer(
            call -> {
              boolean on = call.getArgument(0);
              if (on) {
                writeEntered.countDown();
                unblock.await(); // the GPIO write never returns (until the test lets it)
              }
              relayOn.set(on);
              return null;
            })
        .when(hanging)
        .set(anyBoolean());
    SafetySupervisor supervisor = supervisor(hanging, latch);
    latch.pressLever();
    assertTrue(supervisor.holdCarriage());
    supervisor.renewLease();
    supervisor.requestHeat(true);
    int togglesBefore = toggles.get();

    Thread loop = new Thread(supervisor::tick, "loop");
    loop.start();
    assertTrue(
        writeEntered.await(WAIT_MS, TimeUnit.MILLISECONDS), "the tick reached the relay write");

    // The controller keeps renewing; after staleS without a tick it latches the fault itself.
    int renewals = 0;
    while (supervisor.latchedFault().isEmpty() && renewals < 40) {
      clock.advanceMillis(50);
      supervisor.renewLease(); // must return although the loop hangs in a write
      renewals++;
    }

    Fault fault =
        supervisor.latchedFault().orElseThrow(() -> new AssertionError("no fault latched"));
    assertEquals(FaultCode.SENSOR_STALE, fault.code(), fault.message());
    assertTrue(fault.message().startsWith("Safety loop stalled"), fault.message());
    assertEquals(21, renewals, "latched on the first renewal after staleS (1 s) without a tick");
    assertEquals(togglesBefore, toggles.get(), "the hung tick must not toggle the dead-man");
    assertTrue(loop.isAlive(), "the loop thread is still stuck in the write");
    assertEquals(
        1, listener.faults().size(), "the listener heard of it from the controller's thread");

    unblock.countDown(); // the write returns at last: the writer then applies the newest wish
    loop.join(WAIT_MS);
    assertFalse(loop.isAlive());
    assertFalse(relayOn.get(), "after the hung write, the heater was switched off");
    assertFalse(latch.isHeld(), "and the carriage released");
  }

  @Test
  void aLatchThatWillNotHoldRefusesTheStartAndNothingHeats() {
    HeaterSwitch heater = mock(HeaterSwitch.class);
    CarriageLatch weak = mock(CarriageLatch.class);
    when(weak.isLeverDown()).thenReturn(true);
    when(weak.isHeld()).thenReturn(false); // the magnet is energised but does not hold
    SafetySupervisor supervisor = supervisor(heater, weak);

    assertFalse(supervisor.holdCarriage());
    supervisor.renewLease();
    supervisor.requestHeat(true);
    for (int i = 0; i < 10; i++) {
      clock.advanceMillis(50);
      supervisor.tick();
    }

    InOrder order = inOrder(weak);
    order.verify(weak).hold();
    order.verify(weak).release();
    assertFalse(supervisor.status().carriageHeld());
    assertFalse(supervisor.status().heaterCommandedOn());
    org.mockito.Mockito.verify(heater, org.mockito.Mockito.never()).set(true);
  }

  @Test
  void theFailSafeReleasesTheCarriageWhenTheHeaterCannotBeSwitchedOff() {
    HeaterSwitch broken = mock(HeaterSwitch.class);
    SafetySupervisor supervisor = supervisor(broken, latch);
    latch.pressLever();
    assertTrue(supervisor.holdCarriage());
    doThrow(new IllegalStateException("GPIO write failed")).when(broken).set(false);

    assertDoesNotThrow(supervisor::cutHeatAfterFailure);

    assertFalse(latch.isHeld(), "the carriage's contacts are the second switch");
    assertFalse(supervisor.status().carriageHeld());
    assertEquals(1, listener.carriageReleases().size());
  }

  @Test
  void aReleaseThatThrowsInsideTheFailSafeIsSwallowedAfterTheHeaterWasTriedFirst() {
    HeaterSwitch broken = mock(HeaterSwitch.class);
    CarriageLatch stuck = mock(CarriageLatch.class);
    when(stuck.isLeverDown()).thenReturn(true);
    when(stuck.isHeld()).thenReturn(true);
    SafetySupervisor supervisor = supervisor(broken, stuck);
    assertTrue(supervisor.holdCarriage());
    doThrow(new IllegalStateException("relay GPIO failed")).when(broken).set(false);
    doThrow(new IllegalStateException("magnet GPIO failed")).when(stuck).release();

    assertDoesNotThrow(supervisor::cutHeatAfterFailure);

    InOrder order = inOrder(broken, stuck);
    order.verify(broken).set(false);
    order.verify(stuck).release();
  }

  @Test
  void aFaultCutsTheHeaterBeforeReleasingAndReleasesEvenWhenTheRelayThrows() {
    HeaterSwitch broken = mock(HeaterSwitch.class);
    SafetySupervisor supervisor = supervisor(broken, latch);
    latch.pressLever();
    assertTrue(supervisor.holdCarriage());
    doThrow(new IllegalStateException("GPIO write failed")).when(broken).set(false);

    try {
      supervisor.latch(new Fault(FaultCode.OVER_TEMPERATURE, "test", 0, 0, 0));
    } catch (IllegalStateException expected) {
      // the relay's failure reaches the caller, after the release was written
    }

    assertFalse(latch.isHeld(), "released although the relay write threw");
    assertEquals(FaultCode.OVER_TEMPERATURE, supervisor.latchedFault().orElseThrow().code());
  }
}
