package com.smarttoaster.safety;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.smarttoaster.hal.Clock;
import com.smarttoaster.safety.fakes.FakeCarriageLatch;
import com.smarttoaster.safety.fakes.FakeCurrentSensor;
import com.smarttoaster.safety.fakes.FakeHeaterSwitch;
import com.smarttoaster.safety.fakes.FakeTemperatureSensor;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

/**
 * A loop ticked by a simulation measures its age on the simulation's clock: the time its ticks run
 * in, not the machine's.
 */
class SupervisorLoopInSimulatedTimeTest {
  private final AtomicLong nanos = new AtomicLong(1_000_000_000L);
  private final Clock clock = nanos::get;
  private final FakeHeaterSwitch heater = new FakeHeaterSwitch(clock);
  private final FakeCarriageLatch latch = new FakeCarriageLatch();
  private final SafetySupervisor supervisor =
      new SafetySupervisor(
          SafetyLimits.defaults(),
          heater,
          latch,
          new FakeTemperatureSensor(clock),
          new FakeCurrentSensor(heater, latch),
          clock,
          null);

  @Test
  void ageIsSimulatedTimeSinceTheLastGoodTick() throws InterruptedException {
    SupervisorLoop loop = SupervisorLoop.tickedIn(clock, supervisor);
    assertEquals(Long.MAX_VALUE, loop.nanosSinceLastGoodTick(), "no tick yet");

    loop.tickOnce();
    nanos.addAndGet(300_000_000L);
    assertEquals(300_000_000L, loop.nanosSinceLastGoodTick(), "0.3 s of simulated time later");

    Thread.sleep(20); // real time passes, simulated time does not
    assertEquals(300_000_000L, loop.nanosSinceLastGoodTick(), "the machine's clock is not read");

    loop.tickOnce();
    assertEquals(0L, loop.nanosSinceLastGoodTick(), "a new tick at the same simulated time");
  }
}
