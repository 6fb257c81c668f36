package com.smarttoaster.safety;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.smarttoaster.hal.AppliancePorts;
import com.smarttoaster.hal.CarriageLatch;
import com.smarttoaster.hal.DeadManTrigger;
import com.smarttoaster.hal.Indicator;
import com.smarttoaster.hal.Indicators;
import com.smarttoaster.safety.fakes.FakeCarriageLatch;
import com.smarttoaster.safety.fakes.FakeHeaterSwitch;
import com.smarttoaster.safety.fakes.FakeTemperatureSensor;
import com.smarttoaster.safety.fakes.ManualClock;
import com.smarttoaster.safety.fakes.RecordingSafetyListener;
import com.smarttoaster.safety.fakes.SafetyLimitsBuilder;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The carriage magnet misbehaving, the second switch failing the supervisor: a magnet that will not
 * hold must never lead to heat, and a release that throws inside the fail-safe must not stop the
 * heater going off or the fault being latched and reported.
 */
class MisbehavingLatchTest {
  private final ManualClock clock = new ManualClock();
  private final FakeTemperatureSensor sensor = new FakeTemperatureSensor(clock).setChamberC(25);
  private final FakeHeaterSwitch heater = new FakeHeaterSwitch(clock);
  private final FaultyLatch latch = new FaultyLatch();
  private final RecordingSafetyListener listener = new RecordingSafetyListener();
  private final SafetyLimits limits =
      SafetyLimitsBuilder.defaults().set("currentSensorFitted", false).build();
  private final SafetySupervisor supervisor =
      new SafetySupervisor(
          limits,
          new AppliancePorts(
              heater, latch, sensor, null, DeadManTrigger.NONE, l -> {}, NO_INDICATORS),
          clock,
          listener,
          null);

  @Test
  void aMagnetThatWillNotHoldRefusesTheStartAndNoHeatEverFlows() {
    latch.refuseHold = true;
    latch.fake.pressLever();

    assertFalse(supervisor.holdCarriage(), "a start with a magnet that reads not held");
    supervisor.requestHeat(true);
    run(5);

    assertTrue(
        heater.changes().stream().noneMatch(FakeHeaterSwitch.Command::on),
        () -> "relay commands " + heater.changes());
    assertFalse(heater.isCommandedOn());
    assertTrue(
        latch.fake.releaseCount() >= 2,
        "released again after the failed hold (constructor + retry): " + latch.fake.releaseCount());
  }

  @Test
  void aReleaseThatThrowsInTheFailSafeStillCutsHeatAndReportsTheFault() {
    latch.fake.pressLever();
    assertTrue(supervisor.holdCarriage());
    supervisor.requestHeat(true);
    run(1);
    assertTrue(heater.isCommandedOn(), "heating before the fault");

    latch.releaseFailure = new IllegalStateException("magnet driver: GPIO write failed");
    sensor.setChamberC(
        limits.cutoffC() + 30); // a jump past the cut-off: a fault, heat off, carriage released
    try {
      run(2);
    } catch (RuntimeException e) {
      // SupervisorLoop runs the fail-safe when a tick throws; here the test is the loop
      tickThrew = e;
      heaterOnWhenTheTickThrew = heater.isCommandedOn();
      supervisor.cutHeatAfterFailure();
    }

    assertFalse(heater.isCommandedOn(), "heater off although the release threw");
    assertTrue(supervisor.latchedFault().isPresent(), "fault latched");
    assertEquals(List.of(supervisor.latchedFault().get()), listener.faults(), "reported once");
    // The release failure reaches the tick's caller (SupervisorLoop logs it and runs the
    // fail-safe),
    // but only after the heater write: the relay was already off when it surfaced.
    assertEquals(latch.releaseFailure, tickThrew, "the failure is not hidden");
    assertFalse(heaterOnWhenTheTickThrew, "heater off before the release failure surfaced");
    assertTrue(latch.releaseAttempts > 0, "the release was attempted");
  }

  private RuntimeException tickThrew;
  private boolean heaterOnWhenTheTickThrew = true;

  private void run(double seconds) {
    for (int i = 0; i < Math.round(seconds / limits.loopPeriodS()); i++) {
      supervisor.renewLease();
      supervisor.tick();
      clock.advanceSeconds(limits.loopPeriodS());
    }
  }

  /** A real fake latch whose hold can be refused and whose release can throw. */
  private static final class FaultyLatch implements CarriageLatch {
    final FakeCarriageLatch fake = new FakeCarriageLatch();
    boolean refuseHold;
    RuntimeException releaseFailure;
    int releaseAttempts;

    @Override
    public void hold() {
      if (!refuseHold) {
        fake.hold();
      }
    }

    @Override
    public void release() {
      if (releaseFailure != null) {
        releaseAttempts++;
        throw releaseFailure;
      }
      fake.release();
    }

    @Override
    public boolean isHeld() {
      return fake.isHeld();
    }

    @Override
    public boolean isLeverDown() {
      return fake.isLeverDown();
    }
  }

  private static final Indicators NO_INDICATORS =
      new Indicators() {
        @Override
        public void set(Indicator indicator, boolean on) {}

        @Override
        public void beep(BeepPattern pattern) {}
      };
}
