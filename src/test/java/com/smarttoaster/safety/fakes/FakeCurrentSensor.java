package com.smarttoaster.safety.fakes;

import com.smarttoaster.hal.CarriageLatch;
import com.smarttoaster.hal.HeaterCurrentSensor;

/**
 * A current transformer on the element circuit. Current flows when the relay conducts and the
 * carriage is held (its mains contacts closed); a test can force a reading or make reads fail.
 */
public final class FakeCurrentSensor implements HeaterCurrentSensor {
  private final FakeHeaterSwitch relay;
  private final CarriageLatch carriage;
  private Boolean forced;
  private boolean failing;

  public FakeCurrentSensor(FakeHeaterSwitch relay, CarriageLatch carriage) {
    this.relay = relay;
    this.carriage = carriage;
  }

  /** Forces what the sensor reports; null goes back to following the relay and carriage. */
  public synchronized void force(Boolean flowing) {
    this.forced = flowing;
  }

  /** Reads throw IllegalStateException while {@code failing}. */
  public synchronized void setFailing(boolean failing) {
    this.failing = failing;
  }

  @Override
  public synchronized boolean isCurrentFlowing() {
    if (failing) {
      throw new IllegalStateException("simulated current sensor failure");
    }
    if (forced != null) {
      return forced;
    }
    return relay.conducts() && carriage.isHeld();
  }
}
