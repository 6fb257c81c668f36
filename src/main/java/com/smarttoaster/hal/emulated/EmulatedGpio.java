package com.smarttoaster.hal.emulated;

import com.pi4j.io.exception.IOException;
import com.pi4j.io.gpio.digital.DigitalInput;
import com.pi4j.io.gpio.digital.DigitalInputBase;
import com.pi4j.io.gpio.digital.DigitalInputConfig;
import com.pi4j.io.gpio.digital.DigitalInputProvider;
import com.pi4j.io.gpio.digital.DigitalInputProviderBase;
import com.pi4j.io.gpio.digital.DigitalOutput;
import com.pi4j.io.gpio.digital.DigitalOutputBase;
import com.pi4j.io.gpio.digital.DigitalOutputConfig;
import com.pi4j.io.gpio.digital.DigitalOutputProvider;
import com.pi4j.io.gpio.digital.DigitalOutputProviderBase;
import com.pi4j.io.gpio.digital.DigitalState;
import com.pi4j.io.gpio.digital.PullResistance;

/**
 * Pi4J digital input and output providers on a {@link GpioHeader}, in the place of the gpiod
 * providers of the real appliance.
 *
 * <p>Built on pi4j-core's provider and device base classes rather than on pi4j-plugin-mock's: the
 * emulation needs a hook on every write and a read that asks the circuit, which the mock classes (a
 * stored state set by the test) do not give, and pi4j-core is already a compile dependency, so the
 * device jar needs nothing new and the mock plugin stays test scope.
 */
public final class EmulatedGpio {
  private EmulatedGpio() {}

  /** The output provider: every write goes to the header's line (and its loads). */
  public static DigitalOutputProvider outputs(GpioHeader header) {
    return new Outputs(header);
  }

  /** The input provider: every read asks the header's line. */
  public static DigitalInputProvider inputs(GpioHeader header) {
    return new Inputs(header);
  }

  private static final class Outputs extends DigitalOutputProviderBase {
    private final GpioHeader header;

    Outputs(GpioHeader header) {
      super("emulated-digital-output", "Emulated Pi GPIO outputs");
      this.header = header;
    }

    @Override
    public DigitalOutput create(DigitalOutputConfig config) {
      DigitalOutput out = new Output(this, config, header);
      context.registry().add(out);
      return out;
    }
  }

  private static final class Output extends DigitalOutputBase {
    private final GpioHeader header;

    Output(DigitalOutputProvider provider, DigitalOutputConfig config, GpioHeader header) {
      super(provider, config);
      this.header = header;
    }

    @Override
    public DigitalOutput state(DigitalState state) throws IOException {
      super.state(state);
      header.write(config().address(), state.isHigh());
      return this;
    }
  }

  private static final class Inputs extends DigitalInputProviderBase {
    private final GpioHeader header;

    Inputs(GpioHeader header) {
      super("emulated-digital-input", "Emulated Pi GPIO inputs");
      this.header = header;
    }

    @Override
    public DigitalInput create(DigitalInputConfig config) {
      DigitalInput in = new Input(this, config, header);
      context.registry().add(in);
      return in;
    }
  }

  private static final class Input extends DigitalInputBase {
    private final GpioHeader header;
    private final boolean pulledUp;

    Input(DigitalInputProvider provider, DigitalInputConfig config, GpioHeader header) {
      super(provider, config);
      this.header = header;
      this.pulledUp = config.pull() == PullResistance.PULL_UP;
    }

    @Override
    public DigitalState state() {
      return header.read(config().address(), pulledUp) ? DigitalState.HIGH : DigitalState.LOW;
    }
  }
}
