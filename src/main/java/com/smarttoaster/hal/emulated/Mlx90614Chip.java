package com.smarttoaster.hal.emulated;

import com.smarttoaster.hal.pi.Mlx90614Word;
import com.smarttoaster.hal.sim.BreadRadiance;
import java.io.IOException;

/**
 * A Melexis MLX90614 infrared thermometer (datasheet 3901090614; application note 390119061402)
 * looking at the world's bread ({@link BreadRadiance}), as its SMBus sees it:
 *
 * <ul>
 *   <li>Read Word of RAM 0x07 (T_obj1) answers the scene's apparent temperature in 0.02 K steps,
 *       clamped to 0x27AD…0x7FFF (−70.01…+382.19 °C); RAM 0x06 (T_a) the chip's own temperature,
 *       taken as the room's (it sits outside the hot slot). Each answer is followed by its PEC
 *       ({@link Mlx90614Word#readWordPec}).
 *   <li>When the world's sensor has failed, T_obj1 carries the error flag (MSb set) with a valid
 *       PEC: the chip answers, but says its value is bad.
 *   <li>{@link #disconnect(boolean)}: nothing acknowledges address 0x5A (a broken wire), so the bus
 *       read fails as the Linux I2C driver reports it, with an error instead of bytes.
 *   <li>Other RAM cells and EEPROM are not modelled: reading them is refused like a NACK.
 * </ul>
 *
 * The scene is sampled at each read; the chip's own refresh (its IIR/FIR filters) is left out, as
 * the reading is taken once, at the press, of a scene that changes over seconds.
 */
public final class Mlx90614Chip {
  private final BreadRadiance scene;
  private final double ambientC;
  private volatile boolean disconnected;

  /**
   * @param scene what the sensor looks at
   * @param ambientC the chip's own temperature, °C
   */
  public Mlx90614Chip(BreadRadiance scene, double ambientC) {
    this.scene = scene;
    this.ambientC = ambientC;
  }

  /**
   * One SMBus Read Word at {@code address}: the two data bytes and the PEC, low byte first.
   *
   * @throws IOException when no chip acknowledges (wrong address, disconnected) or the command is
   *     not modelled
   */
  public byte[] readWord(int address, int command) throws IOException {
    if (disconnected || address != Mlx90614Word.FACTORY_ADDRESS) {
      throw new IOException(
          String.format("no acknowledge from I2C address 0x%02X (Remote I/O error)", address));
    }
    int word;
    if (command == Mlx90614Word.RAM_TOBJ1) {
      word = objectWord();
    } else if (command == Mlx90614Word.RAM_TA) {
      word = Mlx90614Word.encodeObject(ambientC);
    } else {
      throw new IOException(String.format("command 0x%02X is not modelled", command));
    }
    int pec = Mlx90614Word.readWordPec(address, command, word);
    return new byte[] {(byte) word, (byte) (word >>> 8), (byte) pec};
  }

  private int objectWord() {
    try {
      return Mlx90614Word.encodeObject(scene.apparentC());
    } catch (IOException failed) {
      return Mlx90614Word.ERROR_FLAG | Mlx90614Word.OBJECT_MIN_RAW;
    }
  }

  /** Cuts (or mends) the chip's bus wires. */
  public void disconnect(boolean cut) {
    this.disconnected = cut;
  }
}
