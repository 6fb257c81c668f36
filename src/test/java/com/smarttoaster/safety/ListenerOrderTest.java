package com.smarttoaster.safety;

import static org.junit.jupiter.api.Assertions.assertTrue;

import com.smarttoaster.safety.fakes.FakeCarriageLatch;
import com.smarttoaster.safety.fakes.FakeHeaterSwitch;
import com.smarttoaster.safety.fakes.FakeTemperatureSensor;
import com.smarttoaster.safety.fakes.ManualClock;
import com.smarttoaster.safety.fakes.SafetyLimitsBuilder;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.junit.jupiter.api.RepeatedTest;
import org.junit.jupiter.api.Timeout;

/**
 * Listener events arrive in the order the supervisor decided them, although the loop thread
 * switches the heater on and the controller's thread switches it off: the heater commands the
 * listener hears alternate on, off, on, off and never repeat.
 */
@Timeout(30)
class ListenerOrderTest {
  /**
   * Enough heater events to judge the order; the rounds go on until they are heard (a loaded
   * machine interleaves less).
   */
  private static final int EVENTS_WANTED = 40;

  /** At most this many rounds (1 ms of the clock each: 100 s, within the cycle's heat limit). */
  private static final int MAX_ROUNDS = 100_000;

  @RepeatedTest(3)
  void heaterEventsFromTwoThreadsArriveInOrder() throws Exception {
    ManualClock clock = new ManualClock();
    FakeHeaterSwitch heater = new FakeHeaterSwitch(clock);
    FakeCarriageLatch latch = new FakeCarriageLatch();
    FakeTemperatureSensor sensor = new FakeTemperatureSensor(clock).setNoise(0.3, 7);
    List<Boolean> heard = Collections.synchronizedList(new ArrayList<>());
    SafetyListener slowListener =
        new SafetyListener() {
          @Override
          public void onFault(Fault fault) {}

          @Override
          public void onHeaterCommand(boolean on, long atNanos) {
            Thread.yield(); // widen the window in which another thread's event could overtake this
            // one
            heard.add(on);
          }
        };
    SafetyLimits limits =
        SafetyLimitsBuilder.defaults()
            .set("currentSensorFitted", false)
            .set("leaseS", 1.0)
            .set("hungS", 2.0)
            .build();
    SafetySupervisor supervisor =
        new SafetySupervisor(limits, heater, latch, sensor, null, clock, slowListener);
    latch.pressLever();
    assertTrue(supervisor.holdCarriage());
    supervisor.renewLease();

    java.util.concurrent.atomic.AtomicBoolean done =
        new java.util.concurrent.atomic.AtomicBoolean();
    java.util.concurrent.atomic.AtomicLong ticks = new java.util.concurrent.atomic.AtomicLong();
    Thread controller =
        new Thread(
            () -> {
              long seenTicks = 0;
              for (int i = 0;
                  i < MAX_ROUNDS
                      && heard.size() < EVENTS_WANTED
                      && supervisor.latchedFault().isEmpty();
                  i++) {
                // Time moves only after a tick, so neither thread outruns the other's checks. Yield
                // rather than spin: on two loaded cores a spinning thread starves the loop thread
                // it waits for (the test once ran past its timeout that way).
                while (ticks.get() == seenTicks) {
                  Thread.yield();
                }
                seenTicks = ticks.get();
                clock.advanceMillis(1);
                supervisor.renewLease();
                supervisor.requestHeat(true);
                supervisor.requestHeat(false); // heat off from this thread
              }
              done.set(true);
            },
            "controller");
    Thread loop =
        new Thread(
            () -> {
              while (!done.get()) {
                supervisor.tick(); // heat on from this thread, when the controller's wish is on
                ticks.incrementAndGet();
              }
            },
            "loop");
    loop.start();
    controller.start();
    controller.join();
    loop.join();

    List<Boolean> events = List.copyOf(heard);
    for (int i = 1; i < events.size(); i++) {
      int at = i;
      assertTrue(
          !events.get(i).equals(events.get(i - 1)),
          () ->
              "event "
                  + at
                  + " repeats "
                  + events.get(at)
                  + ": out of order; around it "
                  + events.subList(Math.max(0, at - 3), Math.min(events.size(), at + 3)));
    }
    assertTrue(
        events.size() >= 20,
        "the threads interleaved enough to test anything: "
            + events.size()
            + " events; fault "
            + supervisor.latchedFault().map(Fault::message).orElse("none"));
  }
}
