package com.smarttoaster.model;

import com.smarttoaster.predict.PredictionInput;
import com.smarttoaster.toast.BreadType;
import com.smarttoaster.toast.ToastMode;
import com.smarttoaster.toast.ToastSettings;
import java.util.List;

/**
 * How what the appliance knows becomes the model's raw (unscaled) input vector. Only observable
 * things: the knob and buttons, the bread and thickness setting, the chamber and cold-junction
 * readings at start, and the configured mains voltage. Never simulator internals, and never the
 * bread's own temperature, which no toaster can measure (defrost mode is how a user says "frozen").
 * Reheat is not modelled: it is a fixed non-ML rule.
 */
public final class ModelFeatures {
  /** Feature names in vector order, as they appear in the dataset CSV and the model card. */
  public static final List<String> NAMES = List.of(
      "shade", "thicknessMm", "slices", "chamberStartC", "ambientC", "mainsVolts",
      "bread_white", "bread_wholegrain", "bread_sourdough", "bread_rye", "bread_brioche", "bread_bagel",
      "mode_defrost", "mode_bagel");

  /** Units of {@link #NAMES}, for the model card. */
  public static final List<String> UNITS = List.of(
      "1-7", "mm", "count", "°C", "°C", "V", "0/1", "0/1", "0/1", "0/1", "0/1", "0/1", "0/1", "0/1");

  public static final int COUNT = NAMES.size();

  private ModelFeatures() {}

  public static float[] encode(PredictionInput in) {
    ToastSettings s = in.settings();
    if (s.mode() == ToastMode.REHEAT) {
      throw new IllegalArgumentException("reheat is not modelled; it uses the fixed reheat rule");
    }
    float[] f = new float[COUNT];
    f[0] = s.shade();
    f[1] = (float) s.thicknessMm();
    f[2] = s.slices();
    f[3] = (float) in.chamberStartC();
    f[4] = (float) in.ambientC();
    f[5] = (float) in.mainsVolts();
    f[6 + breadIndex(s.bread())] = 1f;
    f[12] = s.mode() == ToastMode.DEFROST ? 1f : 0f;
    f[13] = s.mode() == ToastMode.BAGEL ? 1f : 0f;
    return f;
  }

  private static int breadIndex(BreadType b) {
    switch (b) {
      case WHITE:
        return 0;
      case WHOLEGRAIN:
        return 1;
      case SOURDOUGH:
        return 2;
      case RYE:
        return 3;
      case BRIOCHE:
        return 4;
      default:
        return 5;
    }
  }
}
