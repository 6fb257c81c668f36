package com.smarttoaster.hal;

import java.io.IOException;

/**
 * A non-contact infrared thermometer looking at the bread through an aperture in the chamber wall
 * (hardware/README.md, "Bread thermometer"). Optional: a toaster without one behaves as before.
 *
 * <p>What it reports is the apparent temperature of whatever fills its field of view, computed for
 * an emissivity of 1: for bread of emissivity ε facing walls at T_sur, T_read⁴ ≈ ε·T_bread⁴ + (1 −
 * ε)·T_sur⁴ (kelvin). Turning that into the bread's own temperature needs the surroundings, which
 * the chamber thermocouple knows and the sensor does not; the controller does it ({@code
 * control.BreadCheck}). Not a safety input: the supervisor never reads it.
 */
public interface BreadThermometer {
  /**
   * One reading of the object temperature, °C, at emissivity 1.
   *
   * @throws IOException when no trustworthy value could be read (bus error, checksum mismatch, the
   *     chip's error flag)
   */
  double apparentC() throws IOException;
}
