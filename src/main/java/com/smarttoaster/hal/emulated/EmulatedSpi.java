package com.smarttoaster.hal.emulated;

import com.pi4j.io.spi.Spi;
import com.pi4j.io.spi.SpiBase;
import com.pi4j.io.spi.SpiConfig;
import com.pi4j.io.spi.SpiProvider;
import com.pi4j.io.spi.SpiProviderBase;
import org.jspecify.annotations.Nullable;

/**
 * A Pi4J SPI provider for SPI0 whose chip selects lead to emulated chips, in the place of the
 * linuxfs provider. Every read, write or transfer call is one transaction: chip select low, the
 * bytes clocked, chip select high, as spidev does for one ioctl. The MAX31855 is read-only (no
 * MOSI), so what is written is ignored, but a write still moves chip select and so still aborts a
 * conversion. What the chip sends after its 32 bits the datasheet leaves open; this sends zeros.
 *
 * <p>On pi4j-core's base classes for the reason given in {@link EmulatedGpio}.
 */
public final class EmulatedSpi {
  /** A chip on one chip select. */
  @FunctionalInterface
  public interface Chip {
    /** One transaction: chip select low, then high; returns the 32 bits shifted out, D31 first. */
    int transfer();
  }

  private EmulatedSpi() {}

  /**
   * The provider; {@code ce0} and {@code ce1} are the chips on SPI0 CE0 and CE1, null where none is
   * fitted (MISO then reads all zeros: nothing drives it against the Pi's pull-down).
   */
  public static SpiProvider provider(@Nullable Chip ce0, @Nullable Chip ce1) {
    return new Provider(ce0, ce1);
  }

  private static final class Provider extends SpiProviderBase {
    private final Chip[] chips;

    Provider(@Nullable Chip ce0, @Nullable Chip ce1) {
      super("emulated-spi", "Emulated Pi SPI0");
      this.chips = new Chip[] {ce0, ce1};
    }

    @Override
    public Spi create(SpiConfig config) {
      Integer ce = config.channel();
      if (ce == null || ce < 0 || ce > 1) {
        throw new IllegalArgumentException("SPI0 has chip selects 0 and 1, not " + ce);
      }
      Chip chip = chips[ce] != null ? chips[ce] : () -> Max31855Chip.NO_ANSWER;
      Spi spi = new Device(this, config, chip);
      context.registry().add(spi);
      return spi;
    }
  }

  private static final class Device extends SpiBase {
    private final Chip chip;

    Device(SpiProvider provider, SpiConfig config, Chip chip) {
      super(provider, config);
      this.chip = chip;
    }

    @Override
    public int transfer(
        byte @Nullable [] write, int writeOffset, byte[] read, int readOffset, int length) {
      int frame = chip.transfer();
      for (int i = 0; i < length; i++) {
        read[readOffset + i] = i < 4 ? (byte) (frame >>> (24 - 8 * i)) : 0;
      }
      return length;
    }

    @Override
    public int read(byte[] buffer, int offset, int length) {
      return transfer(null, 0, buffer, offset, length);
    }

    @Override
    public int read() {
      byte[] b = new byte[1];
      read(b, 0, 1);
      return b[0] & 0xFF;
    }

    @Override
    public int write(byte b) {
      chip.transfer();
      return 1;
    }

    @Override
    public int write(byte[] data, int offset, int length) {
      chip.transfer();
      return length;
    }
  }
}
