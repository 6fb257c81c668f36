package com.smarttoaster.predict;

import com.smarttoaster.toast.BreadType;
import com.smarttoaster.toast.ToastMode;
import com.smarttoaster.toast.ToastSettings;
import java.util.List;

/**
 * How what the appliance knows becomes the model's raw (unscaled) input vector. Only observable
 * things: the knob and buttons, the bread and thickness setting, the chamber and cold-junction
 * readings at start, the configured mains voltage and the element's design (nominal) voltage, when
 * the previous cycle ended and how long it heated, the heat the controller's earlier cycles left in
 * the toaster's fast and slow parts ({@link HeatHistory}), and, for a re-prediction, how far the
 * chamber reading rose after 10, 20 and 30 s of heating. Never simulator internals and never the
 * actual mains voltage (the appliance does not measure it). The bread's temperature only as the
 * optional infrared bread thermometer reports it at the press (generator 9; first measured as
 * generator 7): its apparent reading, which mixes the bread's radiation with the boards' reflected
 * in it (so after a cycle it also tells of the boards' heat), with a {@code breadReadKnown} flag.
 * Without a reading the flag is 0 and the value the ambient reading (what a thermometer shows for
 * room bread in a toaster at rest, so a toaster without one sits in the middle of what the network
 * has seen); a share of the training rows is like that, so one network serves toasters with and
 * without the part.
 *
 * <p>One network answers all three questions: at the start ({@code progressKnown} = 0, the rises
 * 0), at 30 s of heating ({@code progressKnown} = 1) and at 60 s ({@code lateProgressKnown} = 1 as
 * well, with the rises at 40, 50 and 60 s). Each training row teaches all three, with the same
 * label (the whole cycle's heater-on time). Reheat is not modelled: it is a fixed non-ML rule.
 *
 * <p>The first 14 features keep the order of the model before issue 11; the stored heat came last
 * (generator 6). The rises are named by the window each averages ({@link HeatingProgress#AVERAGE_S}
 * before its mark, generator 8), so that a model trained on another window is refused by its card
 * instead of misreading the rises. The bread thermometer came after them (generator 9), the late
 * rises last (generator 10).
 */
public final class ModelFeatures {
  /** Feature names in vector order, as they appear in the dataset CSV and the model card. */
  public static final List<String> NAMES =
      List.of(
          "shade",
          "thicknessMm",
          "slices",
          "chamberStartC",
          "ambientC",
          "mainsVolts",
          "bread_white",
          "bread_wholegrain",
          "bread_sourdough",
          "bread_rye",
          "bread_brioche",
          "bread_bagel",
          "mode_defrost",
          "mode_bagel",
          "nominalMainsVolts",
          "mainsRatio",
          "sinceLastCycleS",
          "lastHeatS",
          "progressKnown",
          "rise6to10C",
          "rise16to20C",
          "rise26to30C",
          "storedHeatFastS",
          "storedHeatSlowS",
          "breadReadKnown",
          "breadReadC",
          "lateProgressKnown",
          "rise36to40C",
          "rise46to50C",
          "rise56to60C");

  /** Units of {@link #NAMES}, for the model card. */
  public static final List<String> UNITS =
      List.of(
          "1-7", "mm", "count", "°C", "°C", "V", "0/1", "0/1", "0/1", "0/1", "0/1", "0/1", "0/1",
          "0/1", "V", "V/V", "s", "s", "0/1", "°C", "°C", "°C", "s", "s", "0/1", "°C", "0/1", "°C",
          "°C", "°C");

  public static final int COUNT = NAMES.size();

  /** Index of {@code progressKnown}; the three rises follow it. */
  public static final int PROGRESS_KNOWN = 18;

  /** Index of {@code storedHeatFastS}; {@code storedHeatSlowS} follows it. */
  public static final int STORED_HEAT = 22;

  /** Index of {@code breadReadKnown}; {@code breadReadC} follows it. */
  public static final int BREAD_READ_KNOWN = 24;

  /**
   * Index of {@code lateProgressKnown}; the rises after {@link HeatingProgress#EARLY} follow it.
   */
  public static final int LATE_PROGRESS_KNOWN = 26;

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
    f[14] = (float) in.nominalMainsVolts();
    // Heating power goes with (actual / nominal)²; the configured share of nominal is the best
    // guess.
    f[15] = (float) (in.mainsVolts() / in.nominalMainsVolts());
    boolean recent = in.hasRecentCycle();
    f[16] =
        (float) (recent ? Math.max(0.0, in.sinceLastCycleS()) : PredictionInput.NO_RECENT_CYCLE_S);
    f[17] = (float) (recent ? in.lastHeatS() : 0.0);
    f[STORED_HEAT] = (float) in.storedHeat().fastS();
    f[STORED_HEAT + 1] = (float) in.storedHeat().slowS();
    boolean read = in.hasBreadReading();
    f[BREAD_READ_KNOWN] = read ? 1f : 0f;
    f[BREAD_READ_KNOWN + 1] = (float) (read ? in.breadReadC() : in.ambientC());
    HeatingProgress p = in.progress();
    if (p != null) {
      double[] rise = p.riseC();
      f[PROGRESS_KNOWN] = 1f;
      for (int i = 0; i < HeatingProgress.EARLY; i++) {
        f[PROGRESS_KNOWN + 1 + i] = (float) rise[i];
      }
      if (p.isLate()) {
        f[LATE_PROGRESS_KNOWN] = 1f;
        for (int i = HeatingProgress.EARLY; i < rise.length; i++) {
          f[LATE_PROGRESS_KNOWN + 1 + i - HeatingProgress.EARLY] = (float) rise[i];
        }
      }
    }
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
