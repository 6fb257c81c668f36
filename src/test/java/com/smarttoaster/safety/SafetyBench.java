package com.smarttoaster.safety;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.smarttoaster.safety.fakes.FakeCarriageLatch;
import com.smarttoaster.safety.fakes.FakeChamber;
import com.smarttoaster.safety.fakes.FakeCurrentSensor;
import com.smarttoaster.safety.fakes.FakeHeaterSwitch;
import com.smarttoaster.safety.fakes.FakeTemperatureSensor;
import com.smarttoaster.safety.fakes.ManualClock;
import com.smarttoaster.safety.fakes.RecordingSafetyListener;
import com.smarttoaster.safety.fakes.SafetyLimitsBuilder;

/**
 * A supervisor wired to fakes, with a stand-in controller and a crude chamber, stepped in manual
 * time. By default the sensor reads the {@link FakeChamber}, which warms only while the relay
 * conducts and the carriage is held; tests override the sensor to script readings.
 *
 * <p>The checks' tests count samples one per step, so the bench's supervisor reads the sensor on
 * every tick ({@code sensorSampleS = loopPeriodS}, {@link #create}); {@link #sampledAsShipped}
 * keeps the limits' own sensorSampleS (0.125 s: a sample every third tick), for the tests of the
 * sampler's timing and of the windows derived for it.
 *
 * <p>The {@link FakeChamber} heats along a straight line, as no real element does, so the bench
 * switches the energy-balance observer off ({@code energyBalanceTripC = +Infinity}); the observer
 * is tested on the simulated appliance, whose physics it models (EnergyBalanceSurveyTest,
 * SlowSensorLiesScenarioTest).
 *
 * <p>One {@link #step()} is one loop period, in the order of the real appliance: the chamber
 * evolves over the period with the heat that flowed during it, time advances, the controller renews
 * the lease (unless it hangs), and the supervisor ticks.
 */
public final class SafetyBench {
  public final ManualClock clock = new ManualClock();
  public final FakeChamber chamber;
  public final FakeTemperatureSensor sensor = new FakeTemperatureSensor(clock);
  public final FakeHeaterSwitch heater = new FakeHeaterSwitch(clock);
  public final FakeCarriageLatch latch = new FakeCarriageLatch();

  /** Null when the limits say no current sensor is fitted. */
  public final FakeCurrentSensor current;

  public final RecordingSafetyListener listener = new RecordingSafetyListener();
  public final SafetyLimits limits;
  public final SafetySupervisor supervisor;
  private final long periodNanos;
  private boolean controllerAlive = true;

  private SafetyBench(SafetyLimits limits, FakeChamber chamber) {
    this(limits, chamber, null);
  }

  private SafetyBench(SafetyLimits limits, FakeChamber chamber, FaultStore store) {
    this(limits, chamber, store, true);
  }

  private SafetyBench(
      SafetyLimits limits, FakeChamber chamber, FaultStore store, boolean everyTick) {
    SafetyLimitsBuilder fake =
        SafetyLimitsBuilder.from(limits).set("energyBalanceTripC", Double.POSITIVE_INFINITY);
    limits = everyTick ? fake.set("sensorSampleS", limits.loopPeriodS()).build() : fake.build();
    this.limits = limits;
    this.chamber = chamber;
    this.current = limits.currentSensorFitted() ? new FakeCurrentSensor(heater, latch) : null;
    this.periodNanos = Math.round(limits.loopPeriodS() * 1e9);
    sensor.setSource(chamber::temperatureC);
    this.supervisor =
        new SafetySupervisor(limits, heater, latch, sensor, current, clock, listener, store);
  }

  /** Default limits, latched faults kept in {@code store} (restored at construction). */
  public static SafetyBench withFaultStore(FaultStore store) {
    return new SafetyBench(SafetyLimits.defaults(), FakeChamber.typical(), store);
  }

  /**
   * As {@link #create(SafetyLimits)}, but the sensor is read only every sensorSampleS of {@code
   * limits}.
   */
  public static SafetyBench sampledAsShipped(SafetyLimits limits) {
    return new SafetyBench(limits, FakeChamber.typical(), null, false);
  }

  public static SafetyBench create() {
    return create(SafetyLimits.defaults());
  }

  public static SafetyBench create(SafetyLimits limits) {
    return new SafetyBench(limits, FakeChamber.typical());
  }

  public static SafetyBench create(SafetyLimits limits, FakeChamber chamber) {
    return new SafetyBench(limits, chamber);
  }

  /** Default limits, but no heater current sensor fitted. */
  public static SafetyBench withoutCurrentSensor() {
    return create(SafetyLimitsBuilder.defaults().set("currentSensorFitted", false).build());
  }

  /** One loop period. */
  public void step() {
    boolean heatFlows = heater.conducts() && latch.isHeld();
    chamber.update(heatFlows, periodNanos / 1e9);
    clock.advanceNanos(periodNanos);
    if (controllerAlive) {
      supervisor.renewLease();
    }
    supervisor.tick();
  }

  /** Number of loop periods in {@code seconds}. */
  public int periods(double seconds) {
    return (int) Math.round(seconds * 1e9 / periodNanos);
  }

  /** Steps for {@code seconds}, whatever happens. */
  public void run(double seconds) {
    for (int i = periods(seconds); i > 0; i--) {
      step();
    }
  }

  /**
   * Steps until a fault latches, at most {@code maxSeconds}; returns the seconds stepped, or NaN if
   * no fault latched.
   */
  public double runUntilFault(double maxSeconds) {
    int limit = periods(maxSeconds);
    for (int i = 1; i <= limit; i++) {
      step();
      if (supervisor.latchedFault().isPresent()) {
        return i * periodNanos / 1e9;
      }
    }
    return Double.NaN;
  }

  /** The controller stops calling renewLease (it hangs). */
  public void controllerHangs() {
    controllerAlive = false;
  }

  /** Lever down, carriage held, lease renewed: armed, no heat. */
  public void arm() {
    latch.pressLever();
    assertTrue(supervisor.holdCarriage(), "holdCarriage refused");
    supervisor.renewLease();
  }

  /** Lever down, carriage held, lease renewed, heat requested, one tick: the heater is on. */
  public void startToasting() {
    arm();
    supervisor.requestHeat(true);
    step();
    assertTrue(heater.isCommandedOn(), "heater should be on after the first tick of a cycle");
  }

  public Fault fault() {
    return supervisor
        .latchedFault()
        .orElseThrow(() -> new AssertionError("expected a latched fault, got none"));
  }

  public void assertNoFault() {
    assertEquals(
        null, supervisor.latchedFault().orElse(null), "no fault expected, but one latched");
  }

  /** Heater commanded off, latch released, status agrees. */
  public void assertSafe() {
    assertFalse(heater.isCommandedOn(), "heater must be commanded off");
    assertFalse(latch.isHeld(), "carriage latch must be released");
    assertFalse(supervisor.status().heaterCommandedOn(), "status must say heater off");
    assertFalse(supervisor.status().carriageHeld(), "status must say carriage released");
  }

  /** Asserts the latched fault's code, that the heater is off and the carriage released. */
  public Fault assertTripped(FaultCode code) {
    Fault fault = fault();
    assertEquals(code, fault.code(), () -> "wrong fault: " + fault.message());
    assertSafe();
    assertEquals(1, listener.faults().size(), "the listener must hear of the fault exactly once");
    assertEquals(fault, listener.faults().get(0));
    return fault;
  }
}
