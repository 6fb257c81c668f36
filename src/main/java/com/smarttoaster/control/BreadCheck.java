package com.smarttoaster.control;

import com.smarttoaster.hal.BreadThermometer;
import com.smarttoaster.hal.TemperatureReading;
import com.smarttoaster.predict.BreadReading;
import com.smarttoaster.predict.PredictionInput;
import com.smarttoaster.predict.ToasterAtRest;
import com.smarttoaster.toast.ToastMode;
import com.smarttoaster.toast.ToastSettings;
import java.io.IOException;
import java.util.Locale;
import org.jspecify.annotations.Nullable;

/**
 * At the press, before heat flows, the infrared bread thermometer says whether the bread is frozen;
 * where that contradicts the mode, the cycle is predicted for the mode the bread needs and the
 * event log says so (issue 11: "adapt and say so"; the lecture's "augment": the user's setting is
 * kept on the panel, only the prediction changes). Plain arithmetic, never a model; not a safety
 * input.
 *
 * <p>The sensor reports the apparent temperature at emissivity 1, T_read⁴ = ε·T_bread⁴ + (1 −
 * ε)·T_sur⁴ (kelvin): bread reflects what it faces, the mica boards. With the carriage up the bread
 * is out of the sensor's view and it sees the opposite board, so the controller reads it in the
 * seconds before the press ({@link Reading#boardC}) and the correction uses that: T_bread =
 * ((T_read⁴ − (1 − ε)·T_board⁴) / ε)^¼. Without a fresh board reading (the first press after a
 * start, a part that failed) it uses the chamber thermocouple, right in a toaster at rest; after a
 * cycle the boards stay far hotter than the air at the probe (270 °C against 89 °C at the end of a
 * medium cycle in the simulator), so that correction falls short and the bread looks warmer than it
 * is: frozen bread may be missed (the cycle then runs as without the sensor), never invented. A
 * board reading that is stale, or was taken as the lever went down and saw the bread, errs the same
 * safe way: too cold a surround makes the bread look warmer.
 *
 * <p>Modes: in this appliance a mode changes only what the predictor assumes about the bread (the
 * physics heats every mode alike: {@code hal.sim.ToasterPhysics} has no mode), and defrost is the
 * mode trained on frozen bread. So frozen bread in toast or bagel mode is predicted as defrost;
 * bread that is not frozen in defrost mode as toast, but only with a board reading or in a toaster
 * at rest ({@link ToasterAtRest}): otherwise a warm one makes frozen bread look thawed, and
 * toasting frozen bread for a thawed slice's time leaves it pale. Reheat is never changed: it warms
 * toast, it does not toast bread.
 */
public final class BreadCheck {
  /**
   * Bread emissivity assumed in the correction: the simulator's bread (HeatPaths.BREAD_EMISSIVITY,
   * 0.9). An error of ±0.05 in it moves the estimate of −18 °C bread in a 20 °C toaster by about 2
   * K, well inside the margins below.
   */
  public static final double EMISSIVITY = 0.9;

  /**
   * Below this the bread is frozen, °C. Freezer bread is −25…−12 °C (the kitchen suites), fridge
   * bread +3…+6 °C; −3 °C leaves ≥ 6 K to either side for the part's error (±0.5 °C in 0…50 °C,
   * wider below 0 °C: MLX90614 datasheet 3901090614) and the emissivity's.
   */
  public static final double FROZEN_BELOW_C = -3.0;

  /** Above this the bread is not frozen (for defrost mode), °C: fridge bread counts as thawed. */
  public static final double THAWED_ABOVE_C = 2.0;

  /**
   * What the check decided.
   *
   * @param settings the settings to predict for
   * @param event what to tell the user, or null when there is nothing to say (no sensor, or the
   *     bread agrees with the mode)
   */
  public record Outcome(ToastSettings settings, @Nullable String event) {}

  /**
   * One reading taken at the press, shared by the rule and the model's input so that both see the
   * same value.
   *
   * @param apparentC the reading, °C at emissivity 1; NaN when it could not be read
   * @param failure why it could not be read, or null
   * @param boardC the same part's reading of the boards with the carriage up, taken at most {@link
   *     #BOARD_MAX_AGE_S} before the press, °C; NaN for none
   */
  public record Reading(double apparentC, @Nullable String failure, double boardC) {
    /** The boards cool with τ ≈ 100 s (HeatHistory.FAST_TAU_S): 2 % of their excess in 2 s. */
    public static final double BOARD_MAX_AGE_S = 2.0;

    /**
     * Reads the thermometer once; null when none is fitted.
     *
     * @param boardC the board reading to go with it (NaN for none)
     */
    public static @Nullable Reading take(@Nullable BreadThermometer thermometer, double boardC) {
      if (thermometer == null) {
        return null;
      }
      try {
        return new Reading(thermometer.apparentC(), null, boardC);
      } catch (IOException | RuntimeException e) {
        return new Reading(Double.NaN, String.valueOf(e.getMessage()), boardC);
      }
    }

    boolean hasBoard() {
      return BreadReading.plausibleBoard(boardC);
    }

    /** What the predictor is given: the reading, or NaN for none ({@code reading} may be null). */
    public static double forPredictor(@Nullable Reading reading) {
      return reading == null || reading.failure() != null ? Double.NaN : reading.apparentC();
    }
  }

  private BreadCheck() {}

  /**
   * @param reading the thermometer's reading at the press; null when none is fitted
   * @param asked the settings the cycle would be predicted for
   * @param chamber the chamber reading at the press (valid)
   * @param sinceLastCycleS time since the previous cycle's heat stopped, s
   */
  public static Outcome judge(
      @Nullable Reading reading,
      ToastSettings asked,
      TemperatureReading chamber,
      double sinceLastCycleS) {
    if (reading == null || asked.mode() == ToastMode.REHEAT) {
      return new Outcome(asked, null);
    }
    if (reading.failure() != null) {
      return notUsed(asked, "it could not be read (" + reading.failure() + ")");
    }
    double readC = reading.apparentC();
    boolean board = reading.hasBoard();
    // Boards at 300 °C lift the apparent reading of bread well above any kitchen's: with them read,
    // such a reading is still one of bread (the model is not given it, BreadReading).
    double maxC = board ? BreadReading.PLAUSIBLE_BOARD_MAX_C : BreadReading.PLAUSIBLE_MAX_C;
    if (!BreadReading.within(readC, maxC)) {
      return notUsed(
          asked,
          String.format(
              Locale.ROOT,
              "its reading %s °C is outside %.0f…%.0f °C",
              fmt(readC),
              BreadReading.PLAUSIBLE_MIN_C,
              maxC));
    }
    double breadC = breadC(readC, board ? reading.boardC() : chamber.chamberC());
    boolean trusted =
        board || ToasterAtRest.at(chamber.chamberC(), chamber.coldJunctionC(), sinceLastCycleS);
    ToastMode mode = asked.mode();
    if (mode != ToastMode.DEFROST && breadC < FROZEN_BELOW_C) {
      return new Outcome(
          asked.withMode(ToastMode.DEFROST),
          String.format(
              Locale.ROOT,
              "bread thermometer: bread at %s °C is frozen but the mode is %s; predicted as defrost",
              fmt(breadC),
              mode.id()));
    }
    if (mode == ToastMode.DEFROST && breadC > THAWED_ABOVE_C) {
      if (!trusted) {
        return notUsed(
            asked,
            String.format(
                Locale.ROOT,
                "it reads %s °C in defrost mode, but the toaster is still warm (chamber %s °C),"
                    + " whose walls make frozen bread look thawed",
                fmt(breadC),
                fmt(chamber.chamberC())));
      }
      return new Outcome(
          asked.withMode(ToastMode.TOAST),
          String.format(
              Locale.ROOT,
              "bread thermometer: bread at %s °C is not frozen but the mode is defrost; predicted"
                  + " as toast",
              fmt(breadC)));
    }
    return new Outcome(asked, null);
  }

  /**
   * A dataset row's input as the controller would hand it to the predictor: with the part's
   * readings judged by this rule at the press (the row's chamber and ambient readings, its time
   * since the last cycle). For measuring on the test split what the device will see, e.g. the
   * checker band: the rule turns frozen bread in toast mode into defrost before either estimate is
   * asked.
   *
   * @param breadApparentC the bread's reading at the press as the part gives it, before any range
   *     check; NaN without a part
   * @param boardReadC the boards' reading with the carriage up just before the press; NaN for none
   */
  public static PredictionInput asPredicted(
      PredictionInput in, double breadApparentC, double boardReadC) {
    if (Double.isNaN(breadApparentC)) {
      return in;
    }
    Outcome o =
        judge(
            new Reading(breadApparentC, null, boardReadC),
            in.settings(),
            new TemperatureReading(in.chamberStartC(), in.ambientC(), null, 0L),
            in.sinceLastCycleS());
    return o.settings().equals(in.settings()) ? in : in.withSettings(o.settings());
  }

  /**
   * The same for a row with only the input's reading (a recorded row: no board reading, and no
   * reading outside {@code BreadReading}'s range), corrected with the chamber reading.
   */
  public static PredictionInput asPredicted(PredictionInput in) {
    return asPredicted(in, in.hasBreadReading() ? in.breadReadC() : Double.NaN, Double.NaN);
  }

  /** The bread's surface temperature from the apparent reading and the surroundings, °C. */
  static double breadC(double apparentC, double surroundC) {
    double read4 = Math.pow(apparentC + 273.15, 4);
    double sur4 = Math.pow(surroundC + 273.15, 4);
    double bread4 = (read4 - (1 - EMISSIVITY) * sur4) / EMISSIVITY;
    return bread4 <= 0 ? -273.15 : Math.pow(bread4, 0.25) - 273.15;
  }

  private static Outcome notUsed(ToastSettings asked, String why) {
    return new Outcome(
        asked,
        "bread thermometer not used: "
            + why
            + "; predicted for "
            + asked.mode().id()
            + " mode as set");
  }

  private static String fmt(double c) {
    return String.format(Locale.ROOT, "%.1f", c);
  }
}
