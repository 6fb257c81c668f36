package com.smarttoaster.toast;

/**
 * What the user asked for. Everything here is known to the appliance: the knob, the buttons and the
 * bread/thickness setting.
 *
 * @param shade 1 lightest … 7 darkest
 * @param bread bread type
 * @param thicknessMm slice thickness in millimetres
 * @param slices 1 or 2
 * @param mode toasting mode
 */
public record ToastSettings(
    int shade, BreadType bread, double thicknessMm, int slices, ToastMode mode) {
  public ToastSettings {
    if (!Shade.isValid(shade)) {
      throw new IllegalArgumentException("shade " + shade + " is outside 1..7");
    }
    if (bread == null || mode == null) {
      throw new IllegalArgumentException("bread and mode are required");
    }
    if (slices < 1 || slices > 2) {
      throw new IllegalArgumentException("slices " + slices + " is outside 1..2");
    }
    if (!(thicknessMm > 0)) {
      throw new IllegalArgumentException("thicknessMm " + thicknessMm + " must be positive");
    }
  }

  public ToastSettings withShade(int newShade) {
    return new ToastSettings(newShade, bread, thicknessMm, slices, mode);
  }

  public ToastSettings withMode(ToastMode newMode) {
    return new ToastSettings(shade, bread, thicknessMm, slices, newMode);
  }

  public ToastSettings withBread(BreadType newBread) {
    return new ToastSettings(shade, newBread, thicknessMm, slices, mode);
  }

  public ToastSettings withSlices(int newSlices) {
    return new ToastSettings(shade, bread, thicknessMm, newSlices, mode);
  }

  public ToastSettings withThicknessMm(double newThicknessMm) {
    return new ToastSettings(shade, bread, newThicknessMm, slices, mode);
  }
}
