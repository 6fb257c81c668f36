package com.smarttoaster.hal.pi;

import com.pi4j.Pi4J;
import com.pi4j.context.Context;
import com.pi4j.io.IO;
import com.pi4j.io.gpio.digital.DigitalInput;
import com.pi4j.io.gpio.digital.DigitalInputConfig;
import com.pi4j.io.gpio.digital.DigitalOutput;
import com.pi4j.io.gpio.digital.DigitalOutputConfig;
import com.pi4j.io.gpio.digital.DigitalState;
import com.pi4j.io.gpio.digital.PullResistance;
import com.pi4j.io.spi.Spi;
import com.pi4j.io.spi.SpiConfig;
import com.pi4j.plugin.mock.provider.gpio.digital.MockDigitalInput;
import com.pi4j.plugin.mock.provider.gpio.digital.MockDigitalInputProviderImpl;
import com.pi4j.plugin.mock.provider.gpio.digital.MockDigitalOutputProviderImpl;
import com.pi4j.plugin.mock.provider.spi.MockSpi;
import com.pi4j.plugin.mock.provider.spi.MockSpiProviderImpl;
import com.smarttoaster.hal.ThermocoupleFault;
import com.smarttoaster.hal.emulated.EmulatedPiAppliance;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A Pi4J context on the mock plugin's providers, built the way the appliance builds its real one
 * (explicit providers, no auto-detection), plus handles on the pins by their config option names.
 * Inputs configured with a pull-up start HIGH, as a real pulled-up pin with its switch open does.
 */
final class MockPi {
  /** The wiring of config/pi.yaml, with the thermocouple on SPI CE0. */
  static final PiConfig SPI_WIRING = wiring(ThermocoupleInterface.SPI, null, 0);

  final Context context;

  /** Every device opened, by id; kept here because the registry forgets them at shutdown. */
  private final Map<String, IO<?, ?, ?>> opened = new ConcurrentHashMap<>();

  MockPi() {
    this(Set.of());
  }

  /**
   * @param closedAtPowerUp options of inputs whose switch is already closed (pin low) when opened
   */
  MockPi(Set<String> closedAtPowerUp) {
    context =
        Pi4J.newContextBuilder()
            .noAutoDetect()
            .add(
                new PulledUpMockInputs(closedAtPowerUp, opened),
                new RecordingMockOutputs(opened),
                new RecordingMockSpi(opened))
            .disableShutdownHook()
            .build();
  }

  static PiConfig wiring(ThermocoupleInterface tc, String iioDevice, Integer spiChipSelect) {
    return EmulatedPiAppliance.SHIPPED_WIRING.with(
        new ThermometerWiring(tc, iioDevice, spiChipSelect, false));
  }

  /** The output opened for config option {@code option} (e.g. "heaterPin"). */
  DigitalOutput out(String option) {
    return (DigitalOutput) device(option);
  }

  boolean isHigh(String option) {
    return out(option).state().isHigh();
  }

  /** Sets the level of the input opened for {@code option}. */
  void set(String option, boolean high) {
    ((MockDigitalInput) device(option)).mockState(high ? DigitalState.HIGH : DigitalState.LOW);
  }

  /** A switch to ground: closed pulls the pin low. */
  void close(String option) {
    set(option, false);
  }

  void open(String option) {
    set(option, true);
  }

  /** The thermocouple's mock SPI device, or null when the thermocouple is read through IIO. */
  MockSpi spi() {
    return (MockSpi) opened.get("thermocouple");
  }

  private IO<?, ?, ?> device(String id) {
    IO<?, ?, ?> io = opened.get(id);
    if (io == null) {
      throw new IllegalArgumentException(
          "no device was opened with id " + id + "; opened: " + opened.keySet());
    }
    return io;
  }

  /** Queues one MAX31855 frame for the next SPI read. */
  void queueFrame(int frame) {
    spi()
        .write(
            new byte[] {
              (byte) (frame >>> 24), (byte) (frame >>> 16), (byte) (frame >>> 8), (byte) frame
            });
  }

  /** Queues the frame a MAX31855K sends for a junction truly at {@code hotC} (type-K curve). */
  void queueReading(double hotC, double coldC, ThermocoupleFault fault) {
    queueFrame(Max31855Frame.encodeTrue(hotC, coldC, fault));
  }

  /** The mock input provider, with pulled-up inputs starting HIGH. */
  static final class PulledUpMockInputs extends MockDigitalInputProviderImpl {
    private final Set<String> closedAtPowerUp;
    private final Map<String, IO<?, ?, ?>> opened;

    PulledUpMockInputs(Set<String> closedAtPowerUp, Map<String, IO<?, ?, ?>> opened) {
      this.closedAtPowerUp = closedAtPowerUp;
      this.opened = opened;
    }

    @Override
    public DigitalInput create(DigitalInputConfig config) {
      DigitalInput input = super.create(config);
      if (config.pull() == PullResistance.PULL_UP && !closedAtPowerUp.contains(config.id())) {
        ((MockDigitalInput) input).mockState(DigitalState.HIGH);
      }
      opened.put(config.id(), input);
      return input;
    }
  }

  static final class RecordingMockOutputs extends MockDigitalOutputProviderImpl {
    private final Map<String, IO<?, ?, ?>> opened;

    RecordingMockOutputs(Map<String, IO<?, ?, ?>> opened) {
      this.opened = opened;
    }

    @Override
    public DigitalOutput create(DigitalOutputConfig config) {
      DigitalOutput output = super.create(config);
      opened.put(config.id(), output);
      return output;
    }
  }

  static final class RecordingMockSpi extends MockSpiProviderImpl {
    private final Map<String, IO<?, ?, ?>> opened;

    RecordingMockSpi(Map<String, IO<?, ?, ?>> opened) {
      this.opened = opened;
    }

    @Override
    public Spi create(SpiConfig config) {
      Spi spi = super.create(config);
      opened.put(config.id(), spi);
      return spi;
    }
  }
}
