package com.smarttoaster.hal.sim;

import static com.smarttoaster.hal.sim.HeatPaths.BREAD_EMISSIVITY;
import static com.smarttoaster.hal.sim.HeatPaths.kelvin4;

import java.io.IOException;
import java.util.SplittableRandom;
import java.util.function.BooleanSupplier;

/**
 * What an infrared thermometer looking at the slice through the chamber's aperture receives, as the
 * apparent temperature it reports at emissivity 1 (hardware/README.md, "Bread thermometer").
 *
 * <pre>
 *   T_read⁴ = ε·T_s⁴ + (1 − ε)·T_b⁴ + offset       (kelvin; T_s the slice surface, T_b the boards)
 * </pre>
 *
 * The slice is opaque in the thermopile's 5.5–14 µm band, so what it does not emit it reflects
 * (Kirchhoff: reflectance 1 − ε); what it faces is the mica boards that carry the ribbons, so the
 * reflected part is theirs. ε is the physics' own bread emissivity ({@link
 * HeatPaths#BREAD_EMISSIVITY}, 0.9). The ribbons are left out: the reading is used at the press,
 * before heat flows, when they are at the boards' temperature. With the carriage up the sensor sees
 * the opposite board. The carriage, not the physics' step, says where the slices are: the press
 * that lowers them is the moment the reading is taken.
 *
 * <p>The part's calibration error is one fixed offset per appliance, drawn uniformly within the
 * MLX90614's ±0.5 °C accuracy (Melexis datasheet 3901090614, "Features": 0.5 °C for T_a and T_o in
 * 0…50 °C); below 0 °C the datasheet's accuracy is wider, which the controller's threshold margin
 * ({@code control.BreadCheck}) covers. No noise: the chip's IIR/FIR filters average it well below
 * the 0.02 °C resolution the bus reports.
 */
public final class BreadRadiance {
  /** MLX90614 accuracy for T_a and T_o in 0…50 °C, °C (datasheet 3901090614, "Features"). */
  public static final double ACCURACY_C = 0.5;

  private final ToasterPhysics physics;
  private final BooleanSupplier breadInView;
  private final double offsetC;
  private volatile boolean failed;

  /**
   * @param breadInView whether the slices stand in the slot (the carriage is down)
   * @param seed draws the part's calibration offset (the same seed, the same part)
   */
  public BreadRadiance(ToasterPhysics physics, BooleanSupplier breadInView, long seed) {
    this.physics = physics;
    this.breadInView = breadInView;
    this.offsetC = (new SplittableRandom(seed ^ 0x1A90614L).nextDouble() * 2 - 1) * ACCURACY_C;
  }

  /** A part with no calibration error (for tests that hold the equation). */
  BreadRadiance(ToasterPhysics physics) {
    this.physics = physics;
    this.breadInView = () -> true;
    this.offsetC = 0.0;
  }

  /**
   * The apparent (emissivity 1) temperature of the scene, °C.
   *
   * @throws IOException while {@link #fail(boolean)} holds: the part answers nothing usable
   */
  public double apparentC() throws IOException {
    if (failed) {
      throw new IOException("bread thermometer failed (injected)");
    }
    return apparentC(physics, breadInView.getAsBoolean(), offsetC);
  }

  /**
   * What a part with calibration offset {@code offsetC} reads in {@code physics}'s toaster, °C: the
   * bread facing the boards with the carriage down, the opposite board with it up. The dataset's
   * rows read the part this way too ({@code dataset.BackToBackCycles}).
   */
  public static double apparentC(ToasterPhysics physics, boolean breadInView, double offsetC) {
    return apparentC(physics.breadSurfaceC(), physics.boardC(), breadInView) + offsetC;
  }

  /**
   * The scene's apparent temperature for a surface at {@code surfaceC} facing boards at {@code
   * boardC}, °C.
   */
  public static double apparentC(double surfaceC, double boardC, boolean breadInView) {
    if (!breadInView) {
      return boardC;
    }
    double t4 = BREAD_EMISSIVITY * kelvin4(surfaceC) + (1 - BREAD_EMISSIVITY) * kelvin4(boardC);
    return Math.pow(t4, 0.25) - 273.15;
  }

  /** The part's calibration offset, °C. */
  public double offsetC() {
    return offsetC;
  }

  /** Makes the part fail (no usable reading) or work again. */
  public void fail(boolean fail) {
    this.failed = fail;
  }

  public boolean isFailed() {
    return failed;
  }
}
