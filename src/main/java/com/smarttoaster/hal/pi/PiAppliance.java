package com.smarttoaster.hal.pi;

import com.pi4j.Pi4J;
import com.pi4j.context.Context;
import com.pi4j.io.gpio.digital.DigitalInput;
import com.pi4j.io.gpio.digital.DigitalOutput;
import com.pi4j.plugin.gpiod.provider.gpio.digital.GpioDDigitalInputProvider;
import com.pi4j.plugin.gpiod.provider.gpio.digital.GpioDDigitalOutputProvider;
import com.pi4j.plugin.linuxfs.provider.i2c.LinuxFsI2CProvider;
import com.pi4j.plugin.linuxfs.provider.spi.LinuxFsSpiProvider;
import com.smarttoaster.hal.AppliancePorts;
import com.smarttoaster.hal.BreadThermometer;
import com.smarttoaster.hal.Clock;
import com.smarttoaster.hal.HeaterCurrentSensor;
import com.smarttoaster.hal.Indicator;
import com.smarttoaster.hal.TemperatureSensor;
import com.smarttoaster.toast.ToastSettings;
import java.io.IOException;
import java.nio.file.Path;
import java.util.EnumMap;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The Raspberry Pi toaster: the hal ports on Pi4J devices, opened from the {@code pi} config
 * section on a Pi4J context the caller built with exactly the providers it wants ({@link
 * #hardwareContext()} on the Pi: gpiod for GPIO, linuxfs for SPI; the mock providers in tests).
 *
 * <p>Opening order is the safety order: the heater output first (driven LOW at once), then the
 * latch (LOW), then the dead-man trigger (LOW), then everything else. If any device cannot be
 * opened, the ones already open are shut down (LOW) and a {@link HardwareUnavailableException}
 * names the device and its config option. {@link #close()} drives the heater and the latch LOW,
 * turns the LEDs and buzzer off, and shuts the context down (whose shutdown states are LOW as
 * well).
 *
 * <p>{@link #scan()} samples the front panel and steps the buzzer; the owner calls it every {@value
 * #SCAN_PERIOD_MS} ms (a thread on the appliance, explicit calls in tests).
 */
public final class PiAppliance implements AutoCloseable {
  /** Front-panel scan period, ms: fast enough for a quickly turned encoder, cheap for the CPU. */
  public static final int SCAN_PERIOD_MS = 2;

  private static final Logger log = LoggerFactory.getLogger(PiAppliance.class);

  private final Context pi4j;
  private final PiHeaterSwitch heater;
  private final PiCarriageLatch latch;
  private final PiDeadManTrigger deadMan;
  private final TemperatureSensor sensor;
  private final @Nullable PiCurrentSensor currentSensor;
  private final FrontPanel panel;
  private final PiIndicators indicators;
  private @Nullable BreadThermometer breadThermometer;
  private @Nullable BackgroundBreadThermometer breadReads;
  private boolean closed;

  private PiAppliance(
      Context pi4j,
      PiHeaterSwitch heater,
      PiCarriageLatch latch,
      PiDeadManTrigger deadMan,
      TemperatureSensor sensor,
      @Nullable PiCurrentSensor currentSensor,
      FrontPanel panel,
      PiIndicators indicators,
      @Nullable BreadThermometer breadThermometer) {
    this.breadThermometer = breadThermometer;
    this.pi4j = pi4j;
    this.heater = heater;
    this.latch = latch;
    this.deadMan = deadMan;
    this.sensor = sensor;
    this.currentSensor = currentSensor;
    this.panel = panel;
    this.indicators = indicators;
  }

  /**
   * The Pi4J context for the real appliance: no auto-detection, only the gpiod digital input and
   * output providers (the GPIO character device: works on the Pi 3B+, 4 and 5, no root, no pigpio)
   * the linuxfs SPI provider (/dev/spidev*) and I2C provider (/dev/i2c-*), and no Pi4J shutdown
   * hook (the appliance shuts its outputs down itself, in order).
   */
  public static Context hardwareContext() throws HardwareUnavailableException {
    try {
      return Pi4J.newContextBuilder()
          .noAutoDetect()
          .add(
              GpioDDigitalInputProvider.newInstance(),
              GpioDDigitalOutputProvider.newInstance(),
              LinuxFsSpiProvider.newInstance(),
              LinuxFsI2CProvider.newInstance())
          .disableShutdownHook()
          .build();
    } catch (RuntimeException | LinkageError e) {
      throw new HardwareUnavailableException(
          "Pi4J could not start its gpiod and linuxfs providers: " + GpioOpener.causeOf(e), e);
    }
  }

  /**
   * Opens every device the config names, on {@code pi4j}; on failure shuts {@code pi4j} down.
   *
   * @param currentSensorFitted appliance.currentSensorFitted: open pi.currentSensorPin or not
   * @param initial the settings the controller starts with (the knob and mode buttons start there)
   */
  public static PiAppliance open(
      PiConfig cfg, boolean currentSensorFitted, Context pi4j, Clock clock, ToastSettings initial)
      throws HardwareUnavailableException {
    PiAppliance pi = open(cfg, currentSensorFitted, pi4j, Sysfs.REAL, clock, initial);
    pi.readBreadThermometerInBackground(clock);
    return pi;
  }

  /**
   * As {@link #open(PiConfig, boolean, Context, Clock, ToastSettings)}, with the IIO thermocouple's
   * sysfs read through {@code sysfs} (the emulated Pi's kernel driver; {@link Sysfs#REAL} on a Pi).
   */
  public static PiAppliance open(
      PiConfig cfg,
      boolean currentSensorFitted,
      Context pi4j,
      Sysfs sysfs,
      Clock clock,
      ToastSettings initial)
      throws HardwareUnavailableException {
    GpioOpener io = new GpioOpener(pi4j);
    try {
      PiHeaterSwitch heater =
          new PiHeaterSwitch(io.output("heaterPin", cfg.mains().heaterPin(), "heater relay (SSR)"));
      DigitalOutput magnet = io.output("latchPin", cfg.mains().latchPin(), "carriage latch magnet");
      DebouncedInput lever =
          debounced(io, cfg, "leverPin", cfg.panel().leverPin(), "lever switch", clock);
      PiCarriageLatch latch = new PiCarriageLatch(magnet, lever);
      PiDeadManTrigger deadMan =
          new PiDeadManTrigger(
              io.output("deadManPin", cfg.mains().deadManPin(), "dead-man trigger"));
      TemperatureSensor sensor = openThermocouple(io, cfg, sysfs, clock);
      PiCurrentSensor current = null;
      if (currentSensorFitted) {
        if (cfg.mains().currentSensorPin() == null) {
          throw new IllegalArgumentException(
              "appliance.currentSensorFitted is true but pi.currentSensorPin is not set");
        }
        current =
            new PiCurrentSensor(
                io.inputPulledUp(
                    "currentSensorPin", cfg.mains().currentSensorPin(), "heater current sensor"));
      }
      Map<Indicator, DigitalOutput> leds = new EnumMap<>(Indicator.class);
      leds.put(
          Indicator.TOASTING,
          io.output("toastingLedPin", cfg.indicators().toastingLedPin(), "toasting LED"));
      leds.put(
          Indicator.REMOTE_ARMED,
          io.output("remoteArmedLedPin", cfg.indicators().remoteArmedLedPin(), "remote-armed LED"));
      leds.put(
          Indicator.FAULT, io.output("faultLedPin", cfg.indicators().faultLedPin(), "fault LED"));
      Buzzer buzzer =
          new Buzzer(io.output("buzzerPin", cfg.indicators().buzzerPin(), "buzzer"), clock);
      PiIndicators indicators = new PiIndicators(leds, buzzer);
      FrontPanel.Inputs inputs =
          new FrontPanel.Inputs(
              lever,
              debounced(io, cfg, "cancelPin", cfg.panel().cancelPin(), "cancel button", clock),
              debounced(io, cfg, "defrostPin", cfg.panel().defrostPin(), "defrost button", clock),
              debounced(io, cfg, "bagelPin", cfg.panel().bagelPin(), "bagel button", clock),
              debounced(io, cfg, "reheatPin", cfg.panel().reheatPin(), "reheat button", clock),
              debounced(io, cfg, "resetPin", cfg.panel().resetPin(), "reset button", clock),
              cfg.panel().remoteArmPin() == null
                  ? null
                  : debounced(
                      io,
                      cfg,
                      "remoteArmPin",
                      cfg.panel().remoteArmPin(),
                      "remote-arm button",
                      clock),
              io.inputPulledUp(
                  "encoderAPin", cfg.shadeKnob().encoderAPin(), "shade encoder channel A"),
              io.inputPulledUp(
                  "encoderBPin", cfg.shadeKnob().encoderBPin(), "shade encoder channel B"),
              cfg.shadeKnob().encoderStepsPerDetent(),
              cfg.panel().breadPin() == null
                  ? null
                  : debounced(io, cfg, "breadPin", cfg.panel().breadPin(), "bread button", clock),
              cfg.panel().slicesPin() == null
                  ? null
                  : debounced(
                      io, cfg, "slicesPin", cfg.panel().slicesPin(), "slices button", clock));
      FrontPanel panel = new FrontPanel(inputs, clock, initial);
      BreadThermometer bread =
          cfg.thermometers().breadThermometer() ? openBreadThermometer(io) : null;
      log.info(
          "Pi appliance open: heater BCM {}, latch BCM {}, dead-man BCM {}, thermocouple {}, current sensor {}, bread thermometer {}",
          cfg.mains().heaterPin(),
          cfg.mains().latchPin(),
          cfg.mains().deadManPin(),
          cfg.thermometers().thermocouple().id(),
          current == null ? "not fitted" : "BCM " + cfg.mains().currentSensorPin(),
          cfg.thermometers().breadThermometer() ? "I2C1 0x5A" : "not fitted");
      return new PiAppliance(
          pi4j, heater, latch, deadMan, sensor, current, panel, indicators, bread);
    } catch (HardwareUnavailableException | RuntimeException e) {
      shutDownQuietly(pi4j);
      throw e;
    }
  }

  private static DebouncedInput debounced(
      GpioOpener io, PiConfig cfg, String option, int pin, String device, Clock clock)
      throws HardwareUnavailableException {
    DigitalInput input = io.inputPulledUp(option, pin, device);
    return new DebouncedInput(input, true, clock, cfg.panel().debounceS());
  }

  /**
   * On the real Pi the bread thermometer is read on its own thread ({@link
   * BackgroundBreadThermometer}): a hung I2C transfer must not hold up the controller's tick. (The
   * emulated Pi reads it directly: its chip answers at once, in simulated time.)
   */
  private void readBreadThermometerInBackground(Clock clock) {
    if (breadThermometer != null) {
      breadReads = new BackgroundBreadThermometer(breadThermometer, clock);
      breadReads.start();
      breadThermometer = breadReads;
    }
  }

  /**
   * The bread thermometer, or, when its bus cannot be opened, one that always fails with the
   * reason: it is no safety input, so the toaster runs and every cycle's event says why it was not
   * used.
   */
  private static BreadThermometer openBreadThermometer(GpioOpener io) {
    try {
      return new I2cBreadThermometer(
          io.mlx90614(), Mlx90614Word.FACTORY_ADDRESS, "I2C1 address 0x5A");
    } catch (HardwareUnavailableException e) {
      log.warn("Bread thermometer unavailable; toasting without it: {}", e.getMessage());
      String why = e.getMessage();
      return () -> {
        throw new IOException(why);
      };
    }
  }

  private static TemperatureSensor openThermocouple(
      GpioOpener io, PiConfig cfg, Sysfs sysfs, Clock clock) throws HardwareUnavailableException {
    if (cfg.thermometers().thermocouple() == ThermocoupleInterface.SPI) {
      Integer cs = cfg.thermometers().spiChipSelect();
      if (cs == null) { // the config refuses this; a PiConfig built in code may not
        throw new HardwareUnavailableException(
            "pi.thermocouple = spi but pi.spiChipSelect is not set; set it to 0 or 1 (the MAX31855's"
                + " chip select)");
      }
      return new SpiThermocouple(
          io.max31855(cs), clock, "SPI0 CE" + cs + " (pi.spiChipSelect = " + cs + ")");
    }
    String iioDevice = cfg.thermometers().iioDevice();
    if (iioDevice == null) {
      throw new HardwareUnavailableException(
          "pi.thermocouple = iio but pi.iioDevice is not set; set it to /sys/bus/iio/devices");
    }
    Path dir = Path.of(iioDevice);
    try {
      return IioThermocouple.open(dir, clock, sysfs);
    } catch (IOException e) {
      throw new HardwareUnavailableException(
          "the thermocouple IIO device "
              + dir
              + " (pi.iioDevice, with pi.thermocouple = iio) could not be opened: "
              + GpioOpener.causeOf(e)
              + ". Load the kernel driver with dtoverlay=maxtherm,spi0-0,max31855k in"
              + " /boot/firmware/config.txt and set pi.iioDevice to /sys/bus/iio/devices (or to the directory whose"
              + " name file says "
              + IioThermocouple.DRIVER_NAME
              + ")",
          e);
    }
  }

  /**
   * Every port as one bundle, for the toaster assembly. The heater and the latch are reachable only
   * through this bundle, which goes to the safety supervisor (ArchitectureTest holds who may call
   * them).
   */
  public AppliancePorts ports() {
    return new AppliancePorts(
        heater, latch, sensor, currentSensor, deadMan(), panel, indicators, breadThermometer);
  }

  /** The hardware dead-man's trigger, for the supervisor's loop only. */
  public PiDeadManTrigger deadMan() {
    return deadMan;
  }

  public TemperatureSensor sensor() {
    return sensor;
  }

  /** The heater current sensor, or null when none is fitted. */
  public @Nullable HeaterCurrentSensor currentSensor() {
    return currentSensor;
  }

  public FrontPanel controls() {
    return panel;
  }

  public PiIndicators indicators() {
    return indicators;
  }

  /** One scan: front panel inputs, then the buzzer pattern. */
  public void scan() {
    panel.scan();
    indicators.buzzer().update();
  }

  /**
   * Heater LOW, latch LOW, LEDs and buzzer off, Pi4J context shut down. Idempotent; never throws.
   */
  @Override
  public synchronized void close() {
    if (closed) {
      return;
    }
    closed = true;
    try {
      heater.set(false);
    } catch (RuntimeException e) {
      log.error("Could not drive the heater pin low on close", e);
    }
    try {
      latch.release();
    } catch (RuntimeException e) {
      log.error("Could not release the carriage latch on close", e);
    }
    try {
      indicators.allOff();
    } catch (RuntimeException e) {
      log.warn("Could not turn the LEDs and buzzer off on close", e);
    }
    if (breadReads != null) {
      breadReads.close();
    }
    shutDownQuietly(pi4j);
    log.info("Pi appliance closed: heater off, carriage released");
  }

  private static void shutDownQuietly(Context pi4j) {
    try {
      if (!pi4j.isShutdown()) {
        pi4j.shutdown();
      }
    } catch (RuntimeException e) {
      log.error("Pi4J context shutdown failed", e);
    }
  }
}
