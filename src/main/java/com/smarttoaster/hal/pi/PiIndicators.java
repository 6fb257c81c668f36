package com.smarttoaster.hal.pi;

import com.pi4j.io.gpio.digital.DigitalOutput;
import com.pi4j.io.gpio.digital.DigitalState;
import com.smarttoaster.hal.Indicator;
import com.smarttoaster.hal.Indicators;
import java.util.EnumMap;
import java.util.Map;
import java.util.Objects;

/** The front-panel LEDs (each on a GPIO through a resistor, active-high) and the buzzer. */
public final class PiIndicators implements Indicators {
  private final Map<Indicator, DigitalOutput> leds;
  private final Buzzer buzzer;

  /**
   * @param leds one output per indicator
   */
  public PiIndicators(Map<Indicator, DigitalOutput> leds, Buzzer buzzer) {
    this.leds = new EnumMap<>(leds);
    for (Indicator i : Indicator.values()) {
      if (!this.leds.containsKey(i)) {
        throw new IllegalArgumentException("no LED output for " + i);
      }
    }
    this.buzzer = buzzer;
    allOff();
  }

  @Override
  public void set(Indicator indicator, boolean on) {
    led(indicator).state(on ? DigitalState.HIGH : DigitalState.LOW);
  }

  @Override
  public void beep(BeepPattern pattern) {
    buzzer.play(pattern);
  }

  /** True while the LED's pin is high. */
  public boolean isLit(Indicator indicator) {
    return led(indicator).state().isHigh();
  }

  private DigitalOutput led(Indicator indicator) {
    // The constructor refuses a map without an LED for every indicator.
    return Objects.requireNonNull(leds.get(indicator), "no LED output for " + indicator);
  }

  public Buzzer buzzer() {
    return buzzer;
  }

  /** Every LED off and the buzzer silent. */
  public void allOff() {
    for (DigitalOutput led : leds.values()) {
      led.state(DigitalState.LOW);
    }
    buzzer.silence();
  }
}
