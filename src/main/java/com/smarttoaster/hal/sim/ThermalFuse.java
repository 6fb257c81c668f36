package com.smarttoaster.hal.sim;

/**
 * The one-shot thermal fuse (thermal cut-off, TCO) in series with the cut-out, on the same bracket
 * (hardware/README.md): a SEFUSE SF240R organic-pellet thermal link, 15 A 250 V AC (SF/R series; 10
 * A as SF240R0 J1), rated functioning temperature Tf = 240 °C. IEC 60691 lets a link open anywhere
 * from Tf − 10 °C to Tf (SEFUSE catalogue, "Definition of Terms": +0/−10 °C), so the model opens it
 * at {@link #OPENS_AT_C}, the earliest. It never closes again.
 */
final class ThermalFuse extends MountedThermalSwitch {
  /** Rated functioning temperature Tf, °C. */
  static final double RATED_TF_C = 240.0;

  /** Lowest temperature at which a link of this rating may open (Tf − 10 °C), °C. */
  static final double OPENS_AT_C = RATED_TF_C - 10.0;

  ThermalFuse(ProtectorMount mount, double opensAtC) {
    super(mount, opensAtC);
  }
}
