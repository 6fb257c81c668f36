package com.smarttoaster.hal.pi;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * The Raspberry Pi's wiring: which BCM GPIO drives or reads what, and how the thermocouple is read.
 * Pins are BCM (Broadcom) GPIO numbers, not header pin numbers. Used only when the appliance kind
 * is pi; hardware/README.md has the matching pin table and diagram.
 *
 * @param heaterPin SSR input of the heater, active-high (BCM 9..27: pulled down at power-on)
 * @param latchPin carriage hold-down magnet driver, active-high (BCM 9..27)
 * @param leverPin lever-down switch to ground, active-low, debounced
 * @param currentSensorPin heater current comparator, high while current flows; null when no current
 *     sensor is fitted
 * @param cancelPin cancel button to ground, active-low
 * @param defrostPin defrost mode button to ground, active-low
 * @param bagelPin bagel mode button to ground, active-low
 * @param reheatPin reheat mode button to ground, active-low
 * @param resetPin fault-reset button to ground, active-low
 * @param remoteArmPin remote-start arm button to ground, active-low; null when not fitted
 * @param encoderAPin shade knob rotary encoder channel A to ground
 * @param encoderBPin shade knob rotary encoder channel B to ground
 * @param encoderStepsPerDetent quadrature steps per click of the encoder (1, 2 or 4)
 * @param toastingLedPin toasting LED, active-high
 * @param remoteArmedLedPin remote-armed LED, active-high
 * @param faultLedPin fault LED, active-high
 * @param buzzerPin active buzzer driver, active-high
 * @param debounceS how long a switch must read the same before it counts, s
 * @param thermocouple iio or spi
 * @param iioDevice sysfs directory of the maxim_thermocouple IIO device; null unless iio
 * @param spiChipSelect SPI0 chip select of the MAX31855 (0 or 1); null unless spi
 * @param deadManPin trigger of the hardware dead-man stage in front of the SSR and the magnet
 *     driver: the supervisor toggles it once per tick, and the stage drives them only while it
 *     keeps changing
 * @param breadPin bread button to ground, active-low: a press selects the next bread type, held it
 *     turns the shade knob into the slice-thickness knob; null when not fitted
 * @param slicesPin slices button to ground, active-low: a press toggles 1 and 2 slices; null when
 *     not fitted
 * @param breadThermometer whether the MLX90614 infrared bread thermometer is fitted on I2C1 (BCM 2
 *     SDA, BCM 3 SCL) at its factory address 0x5A
 */
public record PiConfig(
    int heaterPin,
    int latchPin,
    int leverPin,
    @Nullable Integer currentSensorPin,
    int cancelPin,
    int defrostPin,
    int bagelPin,
    int reheatPin,
    int resetPin,
    @Nullable Integer remoteArmPin,
    int encoderAPin,
    int encoderBPin,
    int encoderStepsPerDetent,
    int toastingLedPin,
    int remoteArmedLedPin,
    int faultLedPin,
    int buzzerPin,
    double debounceS,
    ThermocoupleInterface thermocouple,
    @Nullable String iioDevice,
    @Nullable Integer spiChipSelect,
    int deadManPin,
    @Nullable Integer breadPin,
    @Nullable Integer slicesPin,
    boolean breadThermometer) {

  /**
   * Default dead-man trigger: BCM 15 (header 10), hardware/README.md's choice: pulled down at
   * power-on, and as the UART's RXD never driven by the Pi itself (with enable_uart=0 nothing uses
   * it). Not BCM 14 (TXD, toggled by a serial console while a kernel prints) nor BCM 4 (GPCLK0, a
   * clock an overlay can start): a pin that something else toggles would keep the dead-man
   * enabling.
   */
  public static final int DEFAULT_DEAD_MAN_PIN = 15;

  public PiConfig {
    Objects.requireNonNull(thermocouple, "thermocouple");
  }

  /** The wiring with the dead-man trigger on its default pin, {@value #DEFAULT_DEAD_MAN_PIN}. */
  public PiConfig(
      int heaterPin,
      int latchPin,
      int leverPin,
      @Nullable Integer currentSensorPin,
      int cancelPin,
      int defrostPin,
      int bagelPin,
      int reheatPin,
      int resetPin,
      @Nullable Integer remoteArmPin,
      int encoderAPin,
      int encoderBPin,
      int encoderStepsPerDetent,
      int toastingLedPin,
      int remoteArmedLedPin,
      int faultLedPin,
      int buzzerPin,
      double debounceS,
      ThermocoupleInterface thermocouple,
      @Nullable String iioDevice,
      @Nullable Integer spiChipSelect) {
    this(
        heaterPin,
        latchPin,
        leverPin,
        currentSensorPin,
        cancelPin,
        defrostPin,
        bagelPin,
        reheatPin,
        resetPin,
        remoteArmPin,
        encoderAPin,
        encoderBPin,
        encoderStepsPerDetent,
        toastingLedPin,
        remoteArmedLedPin,
        faultLedPin,
        buzzerPin,
        debounceS,
        thermocouple,
        iioDevice,
        spiChipSelect,
        DEFAULT_DEAD_MAN_PIN);
  }

  /** The wiring without the optional bread and slices buttons. */
  public PiConfig(
      int heaterPin,
      int latchPin,
      int leverPin,
      @Nullable Integer currentSensorPin,
      int cancelPin,
      int defrostPin,
      int bagelPin,
      int reheatPin,
      int resetPin,
      @Nullable Integer remoteArmPin,
      int encoderAPin,
      int encoderBPin,
      int encoderStepsPerDetent,
      int toastingLedPin,
      int remoteArmedLedPin,
      int faultLedPin,
      int buzzerPin,
      double debounceS,
      ThermocoupleInterface thermocouple,
      @Nullable String iioDevice,
      @Nullable Integer spiChipSelect,
      int deadManPin) {
    this(
        heaterPin,
        latchPin,
        leverPin,
        currentSensorPin,
        cancelPin,
        defrostPin,
        bagelPin,
        reheatPin,
        resetPin,
        remoteArmPin,
        encoderAPin,
        encoderBPin,
        encoderStepsPerDetent,
        toastingLedPin,
        remoteArmedLedPin,
        faultLedPin,
        buzzerPin,
        debounceS,
        thermocouple,
        iioDevice,
        spiChipSelect,
        deadManPin,
        null,
        null,
        false);
  }

  /** This wiring with the dead-man trigger on {@code pin}. */
  public PiConfig withDeadManPin(int pin) {
    return new PiConfig(
        heaterPin,
        latchPin,
        leverPin,
        currentSensorPin,
        cancelPin,
        defrostPin,
        bagelPin,
        reheatPin,
        resetPin,
        remoteArmPin,
        encoderAPin,
        encoderBPin,
        encoderStepsPerDetent,
        toastingLedPin,
        remoteArmedLedPin,
        faultLedPin,
        buzzerPin,
        debounceS,
        thermocouple,
        iioDevice,
        spiChipSelect,
        pin,
        breadPin,
        slicesPin,
        breadThermometer);
  }

  /**
   * This wiring with the bread and slices buttons on {@code bread} and {@code slices} (null: not
   * fitted).
   */
  public PiConfig withBreadAndSlicesPins(@Nullable Integer bread, @Nullable Integer slices) {
    return new PiConfig(
        heaterPin,
        latchPin,
        leverPin,
        currentSensorPin,
        cancelPin,
        defrostPin,
        bagelPin,
        reheatPin,
        resetPin,
        remoteArmPin,
        encoderAPin,
        encoderBPin,
        encoderStepsPerDetent,
        toastingLedPin,
        remoteArmedLedPin,
        faultLedPin,
        buzzerPin,
        debounceS,
        thermocouple,
        iioDevice,
        spiChipSelect,
        deadManPin,
        bread,
        slices,
        breadThermometer);
  }

  /** This wiring with the bread thermometer fitted or not. */
  public PiConfig withBreadThermometer(boolean fitted) {
    return new PiConfig(
        heaterPin,
        latchPin,
        leverPin,
        currentSensorPin,
        cancelPin,
        defrostPin,
        bagelPin,
        reheatPin,
        resetPin,
        remoteArmPin,
        encoderAPin,
        encoderBPin,
        encoderStepsPerDetent,
        toastingLedPin,
        remoteArmedLedPin,
        faultLedPin,
        buzzerPin,
        debounceS,
        thermocouple,
        iioDevice,
        spiChipSelect,
        deadManPin,
        breadPin,
        slicesPin,
        fitted);
  }

  /**
   * Every pin in use, keyed by its option name, in file order; unfitted optional pins are left out.
   */
  public Map<String, Integer> pins() {
    Map<String, Integer> m = new LinkedHashMap<>();
    m.put("heaterPin", heaterPin);
    m.put("latchPin", latchPin);
    m.put("leverPin", leverPin);
    if (currentSensorPin != null) {
      m.put("currentSensorPin", currentSensorPin);
    }
    m.put("cancelPin", cancelPin);
    m.put("defrostPin", defrostPin);
    m.put("bagelPin", bagelPin);
    m.put("reheatPin", reheatPin);
    m.put("resetPin", resetPin);
    if (remoteArmPin != null) {
      m.put("remoteArmPin", remoteArmPin);
    }
    m.put("encoderAPin", encoderAPin);
    m.put("encoderBPin", encoderBPin);
    m.put("toastingLedPin", toastingLedPin);
    m.put("remoteArmedLedPin", remoteArmedLedPin);
    m.put("faultLedPin", faultLedPin);
    m.put("buzzerPin", buzzerPin);
    // the optional buttons after the required pins: a clash is reported on the button, the pin just
    // added
    if (breadPin != null) {
      m.put("breadPin", breadPin);
    }
    if (slicesPin != null) {
      m.put("slicesPin", slicesPin);
    }
    m.put(
        "deadManPin",
        deadManPin); // last: a clash with its default is reported on it, not on the pin the user
    // set
    return m;
  }
}
