package com.smarttoaster.config;

import static com.smarttoaster.input.NumberRange.closed;

import com.smarttoaster.hal.pi.IndicatorWiring;
import com.smarttoaster.hal.pi.MainsWiring;
import com.smarttoaster.hal.pi.PanelWiring;
import com.smarttoaster.hal.pi.PiConfig;
import com.smarttoaster.hal.pi.ShadeKnobWiring;
import com.smarttoaster.hal.pi.ThermocoupleInterface;
import com.smarttoaster.hal.pi.ThermometerWiring;
import com.smarttoaster.input.Choices;
import com.smarttoaster.input.NumberRange;
import com.smarttoaster.input.ObjectFields;
import com.smarttoaster.input.Problems;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * The {@code pi} section: the Raspberry Pi's wiring. Required when appliance.kind is pi, and then
 * every pin is required too (hardware is never guessed) except the optional buttons (remote arm,
 * bread, slices); checked whenever present. Besides each range: no pin does two jobs, no pin is one
 * the appliance or the Pi itself already uses (ID EEPROM, I2C, the SPI0 bus of the thermocouple),
 * the heater and latch pins are ones the Pi pulls down at power-on, the dead-man trigger (optional,
 * default BCM 15) is no pin something else toggles, and the options of the thermocouple interface
 * that is not chosen are refused. The optional bread thermometer (none or mlx90614) needs no pin
 * option: it sits on I2C1, BCM 2 and 3, which no pin option may take.
 */
final class PiSection {
  /** Highest BCM GPIO on the 40-pin header. */
  static final int MAX_PIN = 27;

  /** Lowest BCM GPIO with a pull-down at power-on (BCM 0–8 are pulled up). */
  static final int FIRST_PULLED_DOWN_PIN = 9;

  /** The UART's transmit pin, toggled by a serial console while a kernel prints. */
  static final int UART_TXD_PIN = 14;

  /** GPCLK0, a clock output an overlay can start. */
  static final int GPCLK0_PIN = 4;

  static final NumberRange DEBOUNCE_S = closed(0.005, 0.1, "s");
  static final double DEFAULT_DEBOUNCE_S = 0.02;
  static final int DEFAULT_STEPS_PER_DETENT = 4;
  static final Pattern ABSOLUTE_PATH = Pattern.compile("/[^\\x00]{1,250}");

  static final List<String> OPTIONS =
      List.of(
          "heaterPin",
          "latchPin",
          "deadManPin",
          "leverPin",
          "currentSensorPin",
          "cancelPin",
          "defrostPin",
          "bagelPin",
          "reheatPin",
          "resetPin",
          "remoteArmPin",
          "breadPin",
          "slicesPin",
          "shadeKnob",
          "encoderAPin",
          "encoderBPin",
          "encoderStepsPerDetent",
          "toastingLedPin",
          "remoteArmedLedPin",
          "faultLedPin",
          "buzzerPin",
          "debounceS",
          "thermocouple",
          "iioDevice",
          "spiChipSelect",
          "breadThermometer");

  /**
   * pi.breadThermometer: the infrared bread thermometer on I2C1 (hardware/README.md, "Bread
   * thermometer"); none when absent, so a toaster built before it behaves as it did. An enum, like
   * every other choice, so the refusal message lists the ids in declaration order.
   */
  private enum BreadThermometerPart {
    NONE,
    MLX90614;

    String id() {
      return name().toLowerCase(Locale.ROOT);
    }
  }

  private static final Map<String, String> SHADE_KNOBS = Map.of("encoder", "encoder");
  private static final Map<String, String> REFUSED_KNOBS =
      Map.of(
          "potentiometer",
          "this build reads the shade from a rotary encoder only (see hardware/README.md, 'Shade knob')",
          "mcp3008",
          "this build reads the shade from a rotary encoder only (see hardware/README.md, 'Shade knob')");

  private PiSection() {}

  /**
   * Reads the section; missing or invalid values become placeholders (-1), which is harmless
   * because a config with problems is never used.
   *
   * @param currentSensor what appliance.currentSensorFitted says
   */
  static PiConfig read(ObjectFields f, CurrentSensorOption currentSensor, Problems problems) {
    Integer currentSensorPin = null;
    if (currentSensor == CurrentSensorOption.FITTED) {
      currentSensorPin = (int) f.requiredInteger("currentSensorPin", 0, MAX_PIN).orElse(-1);
    } else if (currentSensor == CurrentSensorOption.NOT_FITTED && f.has("currentSensorPin")) {
      problems.add(
          f.path("currentSensorPin"),
          f.path("currentSensorPin")
              + " is set but appliance.currentSensorFitted is false; set"
              + " currentSensorFitted: true if the current sensor is wired, or delete currentSensorPin");
    }
    Integer remoteArmPin = optionalPin(f, "remoteArmPin");
    Integer breadPin = optionalPin(f, "breadPin");
    Integer slicesPin = optionalPin(f, "slicesPin");
    f.choice("shadeKnob", false, SHADE_KNOBS, REFUSED_KNOBS);

    ThermocoupleInterface tc =
        f.choice(
                "thermocouple",
                true,
                Choices.byId(ThermocoupleInterface.values(), ThermocoupleInterface::id))
            .orElse(null);
    String iioDevice = null;
    Integer spiChipSelect = null;
    if (tc == ThermocoupleInterface.IIO) {
      iioDevice =
          f.text(
                  "iioDevice",
                  true,
                  ABSOLUTE_PATH,
                  "an absolute path such as /sys/bus/iio/devices/iio:device0")
              .orElse("/");
      refuseUnused(
          f,
          "spiChipSelect",
          "iio",
          "the maxtherm overlay's spi0-0 or spi0-1 parameter picks it",
          problems);
    } else if (tc == ThermocoupleInterface.SPI) {
      spiChipSelect = (int) f.requiredInteger("spiChipSelect", 0, 1).orElse(-1);
      refuseUnused(f, "iioDevice", "spi", "it is only read with thermocouple: iio", problems);
    }

    // Read in file order: problems are reported in the order they are found.
    int heaterPin = pin(f, "heaterPin");
    int latchPin = pin(f, "latchPin");
    int leverPin = pin(f, "leverPin");
    int cancelPin = pin(f, "cancelPin");
    int defrostPin = pin(f, "defrostPin");
    int bagelPin = pin(f, "bagelPin");
    int reheatPin = pin(f, "reheatPin");
    int resetPin = pin(f, "resetPin");
    ShadeKnobWiring knob =
        new ShadeKnobWiring(
            pin(f, "encoderAPin"), pin(f, "encoderBPin"), stepsPerDetent(f, problems));
    IndicatorWiring indicators =
        new IndicatorWiring(
            pin(f, "toastingLedPin"),
            pin(f, "remoteArmedLedPin"),
            pin(f, "faultLedPin"),
            pin(f, "buzzerPin"));
    double debounceS = f.decimal("debounceS", DEBOUNCE_S).orElse(DEFAULT_DEBOUNCE_S);
    int deadManPin = f.has("deadManPin") ? pin(f, "deadManPin") : PiConfig.DEFAULT_DEAD_MAN_PIN;
    boolean breadThermometer =
        f.choice(
                "breadThermometer",
                false,
                Choices.byId(BreadThermometerPart.values(), BreadThermometerPart::id))
            .map(part -> part == BreadThermometerPart.MLX90614)
            .orElse(false);
    PiConfig pi =
        new PiConfig(
            new MainsWiring(heaterPin, latchPin, deadManPin, currentSensorPin),
            new PanelWiring(
                leverPin,
                cancelPin,
                defrostPin,
                bagelPin,
                reheatPin,
                resetPin,
                remoteArmPin,
                breadPin,
                slicesPin,
                debounceS),
            knob,
            indicators,
            new ThermometerWiring(
                tc == null ? ThermocoupleInterface.IIO : tc,
                iioDevice,
                spiChipSelect,
                breadThermometer));
    checkPins(f, pi, problems);
    return pi;
  }

  private static int pin(ObjectFields f, String key) {
    return (int) f.requiredInteger(key, 0, MAX_PIN).orElse(-1);
  }

  /** An optional pin: null when absent (the feature is off), -1 when invalid (already reported). */
  private static @Nullable Integer optionalPin(ObjectFields f, String key) {
    return f.has(key) ? (int) f.integer(key, 0, MAX_PIN).orElse(-1) : null;
  }

  private static int stepsPerDetent(ObjectFields f, Problems problems) {
    String path = f.path("encoderStepsPerDetent");
    long steps = f.integer("encoderStepsPerDetent", 1, 4).orElse(DEFAULT_STEPS_PER_DETENT);
    if (steps == 3) {
      problems.add(
          path,
          path
              + " = 3 is not allowed; expected 1, 2 or 4 (quadrature steps per click, 4 for"
              + " most detent encoders)");
    }
    return (int) steps;
  }

  private static void refuseUnused(
      ObjectFields f, String key, String chosen, String why, Problems problems) {
    if (f.has(key)) {
      problems.add(
          f.path(key),
          f.path(key)
              + " is set but "
              + f.path("thermocouple")
              + " is "
              + chosen
              + " ("
              + why
              + "); delete "
              + key);
    }
  }

  /** One problem per pin at most: power-on state, then reserved pins, then a pin given twice. */
  private static void checkPins(ObjectFields f, PiConfig pi, Problems problems) {
    Map<Integer, String> usedBy = new HashMap<>();
    for (Map.Entry<String, Integer> e : pi.pins().entrySet()) {
      String key = e.getKey();
      String path = f.path(key);
      int pin = e.getValue();
      if (pin < 0 || problems.has(path)) {
        continue;
      }
      String shown =
          path + " = " + pin + (key.equals("deadManPin") && !f.has(key) ? " (the default)" : "");
      boolean switchesMains = key.equals("heaterPin") || key.equals("latchPin");
      if (switchesMains && pin < FIRST_PULLED_DOWN_PIN) {
        problems.add(
            path,
            shown
                + " is out of range; expected BCM "
                + FIRST_PULLED_DOWN_PIN
                + " to "
                + MAX_PIN
                + ": the Pi pulls those down at power-on, so the "
                + (key.equals("heaterPin") ? "relay" : "latch")
                + " stays off while it boots (BCM 0-8 are pulled up); choose e.g. "
                + (key.equals("heaterPin") ? 17 : 27));
        continue;
      }
      String toggledBy = key.equals("deadManPin") ? toggledByOthers(pin) : null;
      if (toggledBy != null) {
        problems.add(
            path,
            shown
                + " is not allowed: "
                + toggledBy
                + ", and every toggle would keep the dead-man"
                + " enabling the heater; choose BCM "
                + PiConfig.DEFAULT_DEAD_MAN_PIN
                + " (hardware/README.md, 'Dead-man')");
        continue;
      }
      String reserved = reservedFor(pin);
      if (reserved != null) {
        problems.add(
            path,
            shown + " is reserved: " + reserved + "; choose a free pin from BCM 4-6 or 12-27");
        continue;
      }
      String other = usedBy.putIfAbsent(pin, key);
      if (other != null) {
        problems.add(
            path,
            shown
                + " is already used by "
                + f.path(other)
                + "; each pin can do only one job,"
                + " give "
                + key
                + " its own pin (see hardware/README.md for the pin table)");
      }
    }
  }

  /** Why something other than the software may toggle {@code pin}; null when nothing does. */
  private static @Nullable String toggledByOthers(int pin) {
    if (pin == UART_TXD_PIN) {
      return "BCM 14 is the UART's TXD, which a serial console toggles while a kernel prints";
    }
    if (pin == GPCLK0_PIN) {
      return "BCM 4 is GPCLK0, a clock output that an overlay (or 1-Wire's default) can drive";
    }
    return null;
  }

  private static @Nullable String reservedFor(int pin) {
    if (pin <= 1) {
      return "BCM 0-1 are the HAT ID EEPROM bus";
    }
    if (pin <= 3) {
      return "BCM 2-3 are I2C with fixed 1.8 kOhm pull-ups, so they read high at power-on";
    }
    if (pin >= 7 && pin <= 11) {
      return "BCM 7-11 are the SPI0 bus of the thermocouple converter (CE1 7, CE0 8, MISO 9, MOSI 10, SCLK 11)";
    }
    return null;
  }
}
