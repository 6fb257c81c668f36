package com.smarttoaster.control;

import com.smarttoaster.hal.Indicator;
import com.smarttoaster.hal.Indicators;
import com.smarttoaster.safety.SafetyListener;
import com.smarttoaster.safety.SafetySupervisor;
import com.smarttoaster.safety.fakes.FakeCarriageLatch;
import com.smarttoaster.safety.fakes.FakeCurrentSensor;
import com.smarttoaster.safety.fakes.FakeHeaterSwitch;
import com.smarttoaster.safety.fakes.FakeTemperatureSensor;
import com.smarttoaster.safety.fakes.ManualClock;
import com.smarttoaster.safety.fakes.SafetyLimitsBuilder;

/**
 * The controller tests' toaster: the real {@link SafetySupervisor} with its default limits on fake
 * ports, and a chamber that rises 1 °C/s while heat flows (relay on, carriage held). The line is
 * not the physics, so the energy-balance observer, which knows the physics, is off; every other
 * check runs. The test steps time (50 ms) and owns the controller.
 */
final class FakeChamberRig {
  static final double STEP_S = 0.05;

  /** The LEDs and the buzzer, for tests that do not look at them. */
  static final Indicators UNWATCHED =
      new Indicators() {
        @Override
        public void set(Indicator indicator, boolean on) {}

        @Override
        public void beep(BeepPattern pattern) {}
      };

  final ManualClock clock = new ManualClock();
  final FakeHeaterSwitch heater = new FakeHeaterSwitch(clock);
  final FakeCarriageLatch latch = new FakeCarriageLatch();
  final FakeTemperatureSensor sensor = new FakeTemperatureSensor(clock);
  final SafetySupervisor safety;
  private final double roomC;
  private final boolean coolsToRoom;
  private double chamberC;

  /**
   * @param roomC where the chamber starts (and cools back to, when it does)
   * @param noiseC the thermocouple's noise, σ in °C (0.25 °C steps either way)
   * @param coolsToRoom whether the chamber cools towards the room while no heat flows (1 %/s of the
   *     difference), or holds its temperature
   */
  FakeChamberRig(double roomC, double noiseC, boolean coolsToRoom) {
    this.roomC = roomC;
    this.coolsToRoom = coolsToRoom;
    this.chamberC = roomC;
    sensor.setSource(() -> chamberC).setNoise(noiseC, 1).setQuantum(0.25);
    safety =
        new SafetySupervisor(
            SafetyLimitsBuilder.defaults()
                .set("energyBalanceTripC", Double.POSITIVE_INFINITY)
                .build(),
            heater,
            latch,
            sensor,
            new FakeCurrentSensor(heater, latch),
            clock,
            SafetyListener.NONE);
  }

  void setChamberC(double c) {
    chamberC = c;
  }

  /** One 50 ms step: supervisor, then controller, then the chamber heats or cools. */
  void step(ToastController controller) {
    safety.tick();
    controller.tick();
    if (heater.conducts() && latch.isHeld()) {
      chamberC += 1.0 * STEP_S;
    } else if (coolsToRoom) {
      chamberC -= 0.01 * (chamberC - roomC) * STEP_S;
    }
    clock.advanceMillis(50);
  }
}
