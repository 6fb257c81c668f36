package com.smarttoaster.hal.pi;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * The Raspberry Pi's wiring: which BCM GPIO drives or reads what, and how the thermocouple is read.
 * Pins are BCM (Broadcom) GPIO numbers, not header pin numbers. Used only when the appliance kind
 * is pi; hardware/README.md has the matching pin table and diagram. Grouped by what the pins are
 * for, so a change to one part (another panel, another thermometer) is a change to one small
 * record.
 *
 * @param mains the heater relay, the latch magnet, the dead-man and the current sensor
 * @param panel the lever and the buttons
 * @param shadeKnob the shade encoder
 * @param indicators the LEDs and the buzzer
 * @param thermometers the thermocouple's interface and the bread thermometer
 */
public record PiConfig(
    MainsWiring mains,
    PanelWiring panel,
    ShadeKnobWiring shadeKnob,
    IndicatorWiring indicators,
    ThermometerWiring thermometers) {

  /**
   * Default dead-man trigger: BCM 15 (header 10), hardware/README.md's choice: pulled down at
   * power-on, and as the UART's RXD never driven by the Pi itself (with enable_uart=0 nothing uses
   * it). Not BCM 14 (TXD, toggled by a serial console while a kernel prints) nor BCM 4 (GPCLK0, a
   * clock an overlay can start): a pin that something else toggles would keep the dead-man
   * enabling.
   */
  public static final int DEFAULT_DEAD_MAN_PIN = 15;

  public PiConfig {
    Objects.requireNonNull(mains, "mains");
    Objects.requireNonNull(panel, "panel");
    Objects.requireNonNull(shadeKnob, "shadeKnob");
    Objects.requireNonNull(indicators, "indicators");
    Objects.requireNonNull(thermometers, "thermometers");
  }

  /** This wiring with another panel. */
  public PiConfig with(PanelWiring p) {
    return new PiConfig(mains, p, shadeKnob, indicators, thermometers);
  }

  /** This wiring with another shade knob. */
  public PiConfig with(ShadeKnobWiring k) {
    return new PiConfig(mains, panel, k, indicators, thermometers);
  }

  /** This wiring with the thermometers read another way. */
  public PiConfig with(ThermometerWiring t) {
    return new PiConfig(mains, panel, shadeKnob, indicators, t);
  }

  /**
   * Every pin in use, keyed by its option name, in file order; unfitted optional pins are left out.
   */
  public Map<String, Integer> pins() {
    Map<String, Integer> m = new LinkedHashMap<>();
    m.put("heaterPin", mains.heaterPin());
    m.put("latchPin", mains.latchPin());
    m.put("leverPin", panel.leverPin());
    putIfFitted(m, "currentSensorPin", mains.currentSensorPin());
    m.put("cancelPin", panel.cancelPin());
    m.put("defrostPin", panel.defrostPin());
    m.put("bagelPin", panel.bagelPin());
    m.put("reheatPin", panel.reheatPin());
    m.put("resetPin", panel.resetPin());
    putIfFitted(m, "remoteArmPin", panel.remoteArmPin());
    m.put("encoderAPin", shadeKnob.encoderAPin());
    m.put("encoderBPin", shadeKnob.encoderBPin());
    m.put("toastingLedPin", indicators.toastingLedPin());
    m.put("remoteArmedLedPin", indicators.remoteArmedLedPin());
    m.put("faultLedPin", indicators.faultLedPin());
    m.put("buzzerPin", indicators.buzzerPin());
    // The optional buttons after the required pins, so a clash is reported on the button, the pin
    // just added; the dead-man last, so a clash with its default is reported on it and not on the
    // pin the user set.
    putIfFitted(m, "breadPin", panel.breadPin());
    putIfFitted(m, "slicesPin", panel.slicesPin());
    m.put("deadManPin", mains.deadManPin());
    return m;
  }

  private static void putIfFitted(Map<String, Integer> m, String option, @Nullable Integer pin) {
    if (pin != null) {
      m.put(option, pin);
    }
  }
}
