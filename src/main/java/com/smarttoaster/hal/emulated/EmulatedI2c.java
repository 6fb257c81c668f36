package com.smarttoaster.hal.emulated;

import com.pi4j.io.i2c.I2C;
import com.pi4j.io.i2c.I2CBase;
import com.pi4j.io.i2c.I2CBusBase;
import com.pi4j.io.i2c.I2CConfig;
import com.pi4j.io.i2c.I2CProvider;
import com.pi4j.io.i2c.I2CProviderBase;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.concurrent.Callable;
import org.jspecify.annotations.Nullable;

/**
 * A Pi4J I2C provider for I2C1 whose one device is an emulated {@link Mlx90614Chip}, in the place
 * of the linuxfs provider. A register read is one SMBus Read Word (write the command, repeated
 * start, read): the only transaction the MLX90614 answers besides Write Word (datasheet 3901090614,
 * "Differences with the standard SMBus specification"); anything else is refused. A chip that does
 * not acknowledge makes the read throw, as linuxfs does for an ioctl that fails.
 *
 * <p>On pi4j-core's base classes for the reason given in {@link EmulatedGpio}.
 */
public final class EmulatedI2c {
  private EmulatedI2c() {}

  /** The provider; {@code chip} null when no bread thermometer is fitted (nothing answers). */
  public static I2CProvider provider(@Nullable Mlx90614Chip chip) {
    return new Provider(chip);
  }

  private static final class Provider extends I2CProviderBase {
    private final @Nullable Mlx90614Chip chip;

    Provider(@Nullable Mlx90614Chip chip) {
      super("emulated-i2c", "Emulated Pi I2C1");
      this.chip = chip;
    }

    @Override
    public I2C create(I2CConfig config) {
      if (config.bus() == null || config.bus() != 1) {
        throw new IllegalArgumentException("only I2C1 is wired, not I2C" + config.bus());
      }
      I2C i2c = new Device(this, config, new Bus(config), chip);
      context.registry().add(i2c);
      return i2c;
    }
  }

  private static final class Bus extends I2CBusBase {
    Bus(I2CConfig config) {
      super(config);
    }

    @Override
    public <R> R execute(I2C i2c, Callable<R> action) {
      return _execute(i2c, action);
    }
  }

  private static final class Device extends I2CBase<Bus> {
    private final @Nullable Mlx90614Chip chip;
    private final int address;

    Device(I2CProvider provider, I2CConfig config, Bus bus, @Nullable Mlx90614Chip chip) {
      super(provider, config, bus);
      this.chip = chip;
      this.address = config.device();
    }

    @Override
    public int readRegister(int register, byte[] buffer, int offset, int length) {
      if (chip == null) {
        throw new IllegalStateException(
            String.format("no acknowledge from I2C address 0x%02X (Remote I/O error)", address));
      }
      byte[] answer;
      try {
        answer = chip.readWord(address, register);
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
      int n = Math.min(length, answer.length);
      System.arraycopy(answer, 0, buffer, offset, n);
      return n;
    }

    @Override
    public int readRegister(int register) {
      throw notSmbusWord();
    }

    @Override
    public int readRegister(byte[] register, byte[] buffer, int offset, int length) {
      throw notSmbusWord();
    }

    @Override
    public int writeRegister(int register, byte b) {
      throw notSmbusWord();
    }

    @Override
    public int writeRegister(int register, byte[] data, int offset, int length) {
      throw notSmbusWord();
    }

    @Override
    public int writeRegister(byte[] register, byte[] data, int offset, int length) {
      throw notSmbusWord();
    }

    @Override
    public int read() {
      throw notSmbusWord();
    }

    @Override
    public int read(byte[] buffer, int offset, int length) {
      throw notSmbusWord();
    }

    @Override
    public int write(byte b) {
      throw notSmbusWord();
    }

    @Override
    public int write(byte[] data, int offset, int length) {
      throw notSmbusWord();
    }

    private static UnsupportedOperationException notSmbusWord() {
      return new UnsupportedOperationException(
          "the MLX90614 answers only SMBus Read Word and Write Word");
    }
  }
}
