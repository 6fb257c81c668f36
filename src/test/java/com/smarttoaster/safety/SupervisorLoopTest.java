package com.smarttoaster.safety;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import com.smarttoaster.hal.Clock;
import com.smarttoaster.hal.TemperatureSensor;
import com.smarttoaster.safety.fakes.FakeCarriageLatch;
import com.smarttoaster.safety.fakes.FakeCurrentSensor;
import com.smarttoaster.safety.fakes.FakeHeaterSwitch;
import com.smarttoaster.safety.fakes.FakeTemperatureSensor;
import com.smarttoaster.safety.fakes.SafetyLimitsBuilder;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * The only tests on a real thread and the real clock. Waits are bounded well under a second and end
 * as soon as the awaited thing happens.
 */
@Timeout(5)
class SupervisorLoopTest {
  private static final double PERIOD_S = 0.01;
  private static final long WAIT_MS = 900;
  // generous lease so a slow build machine cannot expire it between the test's calls; the sensor is
  // read on every tick so the tests can count reads as ticks
  private static final SafetyLimits LIMITS =
      SafetyLimitsBuilder.defaults()
          .set("leaseS", 5.0)
          .set("hungS", 10.0)
          .set("sensorSampleS", PERIOD_S)
          .build();

  private final Clock clock = Clock.system();
  private final FakeHeaterSwitch heater = new FakeHeaterSwitch(clock);
  private final FakeCarriageLatch latch = new FakeCarriageLatch();
  private final FakeTemperatureSensor sensor = new FakeTemperatureSensor(clock);

  private SafetySupervisor supervisor(TemperatureSensor sensor) {
    return new SafetySupervisor(
        LIMITS, heater, latch, sensor, new FakeCurrentSensor(heater, latch), clock, null);
  }

  private static void startToasting(SafetySupervisor supervisor, FakeCarriageLatch latch) {
    latch.pressLever();
    assertTrue(supervisor.holdCarriage());
    supervisor.renewLease();
    supervisor.requestHeat(true);
  }

  @Test
  void ticksOnItsOwnThreadAndCloseLeavesHeatOffAndCarriageReleased() throws Exception {
    CountDownLatch fiveReads = new CountDownLatch(5);
    AtomicReference<Thread> loopThread = new AtomicReference<>();
    sensor.onRead(
        () -> {
          loopThread.set(Thread.currentThread());
          fiveReads.countDown();
        });
    SafetySupervisor supervisor = supervisor(sensor);
    SupervisorLoop loop = new SupervisorLoop(supervisor, PERIOD_S);
    startToasting(supervisor, latch);

    loop.start();
    assertTrue(heater.awaitCommanded(true, WAIT_MS), "the loop's tick should switch heat on");
    assertTrue(fiveReads.await(WAIT_MS, TimeUnit.MILLISECONDS), "the loop should keep ticking");
    loop.close();

    assertFalse(heater.isCommandedOn(), "close must leave the heater off");
    assertFalse(latch.isHeld(), "close must release the carriage");
    assertEquals(SupervisorLoop.THREAD_NAME, loopThread.get().getName());
    assertTrue(loopThread.get().isDaemon());
    assertEquals(Thread.MAX_PRIORITY, loopThread.get().getPriority());
    int readsAtClose = sensor.reads();
    Thread.sleep(30); // three periods: a closed loop must not tick again
    assertEquals(readsAtClose, sensor.reads(), "no tick after close");
  }

  @Test
  void sensorThatThrowsUncheckedDoesNotKillTheLoop() throws Exception {
    CountDownLatch tenReads = new CountDownLatch(10);
    TemperatureSensor throwing = mock(TemperatureSensor.class);
    when(throwing.read())
        .thenAnswer(
            call -> {
              tenReads.countDown();
              throw new IllegalStateException("driver bug");
            });

    try (SupervisorLoop loop = new SupervisorLoop(supervisor(throwing), PERIOD_S)) {
      loop.start();
      assertTrue(tenReads.await(WAIT_MS, TimeUnit.MILLISECONDS), "the loop should keep ticking");
    }
  }

  @Test
  void tickThatThrowsCutsHeatAndTheLoopCarriesOn() throws Exception {
    SafetySupervisor supervisor = supervisor(sensor);
    try (SupervisorLoop loop = new SupervisorLoop(supervisor, PERIOD_S)) {
      startToasting(supervisor, latch);
      loop.start();
      assertTrue(heater.awaitCommanded(true, WAIT_MS));

      latch.failLeverReadsWith(new IllegalStateException("GPIO read failed"));
      assertTrue(heater.awaitCommanded(false, WAIT_MS), "a failing tick must cut heat");

      latch.failLeverReadsWith(null);
      supervisor.renewLease();
      assertTrue(heater.awaitCommanded(true, WAIT_MS), "the loop must survive the failure");
    }
    assertFalse(heater.isCommandedOn());
    assertFalse(latch.isHeld());
  }

  @Test
  void closeWithoutStartStillMakesSafeAndCanBeRepeated() {
    SafetySupervisor supervisor = supervisor(sensor);
    startToasting(supervisor, latch);
    SupervisorLoop loop = new SupervisorLoop(supervisor);

    loop.close();
    loop.close();

    assertFalse(heater.isCommandedOn());
    assertFalse(latch.isHeld());
  }
}
