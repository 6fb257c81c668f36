package com.smarttoaster.dataset;

import com.smarttoaster.predict.PredictionInput;
import com.smarttoaster.toast.BreadType;
import com.smarttoaster.toast.ToastMode;
import com.smarttoaster.toast.ToastSettings;
import java.util.List;
import java.util.SplittableRandom;

/**
 * Draws one situation from the realistic envelope of DESIGN.md §5. Every draw comes from the row's
 * own seed only, so rows are independent and any row can be regenerated alone.
 *
 * <p>Values are quantised the way the appliance reports them, and to numbers that float and
 * double hold exactly, so the CSV's feature columns round-trip without drift: chamber 0.25 °C (the
 * MAX31855's step), ambient and bread 0.0625 °C (its cold-junction step), mains 0.5 V, thickness
 * 1 mm.
 *
 * <p>The bread's temperature is not observable, so its distribution is conditional on what the
 * appliance does know: in defrost mode the bread is frozen; in toast and bagel mode it is at room
 * temperature, with a small share straight from the fridge that the appliance cannot tell apart.
 */
public final class EnvelopeSampler {
  /** Shares of the modes (reheat is a fixed rule, not modelled). */
  static final double TOAST_SHARE = 0.6;

  static final double DEFROST_SHARE = 0.2;

  /** In bagel mode, this share of the bread is bagels; the rest is any type. */
  static final double BAGEL_MODE_BAGEL_SHARE = 0.5;

  static final double ONE_SLICE_SHARE = 0.35;

  /** Share of cold starts: chamber within 2 °C of ambient. The rest is a warm toaster (a second batch). */
  static final double COLD_START_SHARE = 0.4;

  static final double MIN_AMBIENT_C = 5;
  static final double MAX_AMBIENT_C = 40;
  static final double MIN_MAINS_V = 200;
  static final double MAX_MAINS_V = 250;
  static final double MAX_CHAMBER_C = 200;
  static final int MIN_THICKNESS_MM = 8;
  static final int MAX_THICKNESS_MM = 35;

  /** Share of toast/bagel-mode bread that comes straight from the fridge. */
  static final double FRIDGE_SHARE = 0.05;

  static final double FRIDGE_MIN_C = 3;
  static final double FRIDGE_MAX_C = 6;
  /** Room bread: ambient plus a normal spread of this sigma, clipped to ±{@link #ROOM_CLIP_C}. */
  static final double ROOM_SIGMA_C = 1.5;

  static final double ROOM_CLIP_C = 4;
  static final double FREEZER_MIN_C = -25;
  static final double FREEZER_MAX_C = -12;

  /** The distributions above in words, for the data card. */
  public static final List<String> DESCRIPTION = List.of(
      "mode: toast 60 %, defrost 20 %, bagel 20 % (reheat is a fixed rule, not modelled)",
      "bread type: uniform over the six types; in bagel mode half the draws are bagels, the other half any type",
      "thickness: uniform whole millimetres 8–35; slices: 1 (35 %) or 2 (65 %); shade: uniform 1–7",
      "ambient (cold-junction) temperature: uniform 5–40 °C, step 0.0625 °C",
      "mains: uniform 200–250 V, step 0.5 V; the configured nominal voltage is taken to equal the actual one",
      "chamber at start: 40 % cold starts (ambient + 0–2 °C), 60 % warm toasters (uniform from ambient + 2 °C to 200 °C), step 0.25 °C",
      "bread start temperature (hidden, NOT a feature): defrost mode → frozen, uniform −25…−12 °C (freezer); "
          + "toast/bagel mode → 95 % room bread, ambient + N(0, 1.5 °C) clipped to ±4 °C, "
          + "5 % straight from the fridge, uniform 3–6 °C (the appliance cannot tell)");

  private EnvelopeSampler() {}

  /** One situation drawn from the envelope. */
  public record Draw(PredictionInput input, double breadStartC, BreadStorage storage) {}

  /** The situation for a row seed; the same seed always gives the same draw. */
  public static Draw sample(long rowSeed) {
    SplittableRandom r = new SplittableRandom(rowSeed);
    double m = r.nextDouble();
    ToastMode mode = m < TOAST_SHARE ? ToastMode.TOAST : m < TOAST_SHARE + DEFROST_SHARE ? ToastMode.DEFROST : ToastMode.BAGEL;
    BreadType[] types = BreadType.values();
    BreadType bread = types[r.nextInt(types.length)];
    if (mode == ToastMode.BAGEL && r.nextDouble() < BAGEL_MODE_BAGEL_SHARE) {
      bread = BreadType.BAGEL;
    }
    int thickness = MIN_THICKNESS_MM + r.nextInt(MAX_THICKNESS_MM - MIN_THICKNESS_MM + 1);
    int slices = r.nextDouble() < ONE_SLICE_SHARE ? 1 : 2;
    int shade = 1 + r.nextInt(7);
    double ambient = quantise(MIN_AMBIENT_C + (MAX_AMBIENT_C - MIN_AMBIENT_C) * r.nextDouble(), 0.0625);
    double mains = quantise(MIN_MAINS_V + (MAX_MAINS_V - MIN_MAINS_V) * r.nextDouble(), 0.5);
    double chamber;
    if (r.nextDouble() < COLD_START_SHARE) {
      chamber = ambient + 2.0 * r.nextDouble();
    } else {
      chamber = ambient + 2.0 + (MAX_CHAMBER_C - ambient - 2.0) * r.nextDouble();
    }
    chamber = Math.max(quantise(chamber, 0.25), quantise(ambient, 0.25));
    BreadStorage storage;
    double breadC;
    if (mode == ToastMode.DEFROST) {
      storage = BreadStorage.FREEZER;
      breadC = FREEZER_MIN_C + (FREEZER_MAX_C - FREEZER_MIN_C) * r.nextDouble();
    } else if (r.nextDouble() < FRIDGE_SHARE) {
      storage = BreadStorage.FRIDGE;
      breadC = FRIDGE_MIN_C + (FRIDGE_MAX_C - FRIDGE_MIN_C) * r.nextDouble();
    } else {
      storage = BreadStorage.ROOM;
      double spread = Math.max(-ROOM_CLIP_C, Math.min(ROOM_CLIP_C, ROOM_SIGMA_C * gaussian(r)));
      breadC = ambient + spread;
    }
    breadC = quantise(breadC, 0.0625);
    ToastSettings settings = new ToastSettings(shade, bread, thickness, slices, mode);
    return new Draw(new PredictionInput(settings, chamber, ambient, mains), breadC, storage);
  }

  /**
   * The bread temperature a predictor can assume without measuring it: ambient in toast and bagel
   * mode, the middle of the freezer range in defrost mode. For evaluation: the oracle run with
   * this temperature shows how much of the error the hidden bread temperature alone causes.
   */
  public static double nominalBreadC(PredictionInput in) {
    return in.settings().mode() == ToastMode.DEFROST ? (FREEZER_MIN_C + FREEZER_MAX_C) / 2 : in.ambientC();
  }

  private static double quantise(double v, double step) {
    return Math.round(v / step) * step;
  }

  /** A standard normal draw (Box–Muller), so the stream does not depend on java.util.Random. */
  private static double gaussian(SplittableRandom r) {
    double u1 = 1.0 - r.nextDouble(); // (0, 1]
    double u2 = r.nextDouble();
    return Math.sqrt(-2.0 * Math.log(u1)) * Math.cos(2.0 * Math.PI * u2);
  }
}
