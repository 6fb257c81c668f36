package com.smarttoaster.scenario;

import com.smarttoaster.input.NumberRange;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * Faults a scenario can inject, with their ids in the file and the one parameter each needs (if
 * any). All faults start at {@code atS} and last to the end of the cycle, except sensor-dropout,
 * which lasts {@code durationS}.
 */
public enum FaultKind {
  /** Thermocouple wire breaks: the amplifier reports an open circuit. */
  SENSOR_OPEN("sensor-open", null, null, true),
  /** Thermocouple shorted to ground. */
  SENSOR_SHORT("sensor-short", null, null, true),
  /** Thermocouple shorted to the supply (an extra to the design's list). */
  SENSOR_SHORT_VCC("sensor-short-vcc", null, null, true),
  /** The reading freezes at its current value. */
  SENSOR_STUCK("sensor-stuck", null, null, true),
  /** The reading drifts away from the truth at {@code rateCPerS} (either sign, not 0). */
  SENSOR_DRIFT(
      "sensor-drift", FaultParameter.RATE_C_PER_S, NumberRange.closed(-100, 100, "°C/s"), false),
  /** Gaussian noise with standard deviation {@code sigmaC} is added to the reading. */
  SENSOR_NOISE("sensor-noise", FaultParameter.SIGMA_C, NumberRange.closed(0, 200, "°C"), true),
  /** No samples arrive for {@code durationS}. */
  SENSOR_DROPOUT(
      "sensor-dropout", FaultParameter.DURATION_S, NumberRange.aboveAndAtMost(0, 3600, "s"), true),
  /** The heater switch welds on: heat flows whatever is commanded (only the carriage stops it). */
  HEATER_STUCK_ON("heater-stuck-on", null, null, true),
  /** The element breaks: commanded heat produces none. */
  HEATER_OPEN("heater-open", null, null, true),
  /** Heat from outside the element (e.g. a crumb fire) adds {@code rateCPerS} (positive). */
  OVERHEAT(
      "overheat", FaultParameter.RATE_C_PER_S, NumberRange.aboveAndAtMost(0, 100, "°C/s"), true),
  /** The predictor answers NaN. */
  PREDICTOR_NAN("predictor-nan", null, null, true),
  /** The predictor answers {@code seconds}, any finite number however absurd. */
  PREDICTOR_EXTREME("predictor-extreme", FaultParameter.SECONDS, NumberRange.anyFinite("s"), true),
  /** The predictor throws. */
  PREDICTOR_ERROR("predictor-error", null, null, true),
  /** The predictor never answers. */
  PREDICTOR_HANG("predictor-hang", null, null, true),
  /**
   * The predictor answers after {@code seconds}. Waiting for it is simulated time: the clock, the
   * supervisor and the controller's lease renewals go on meanwhile.
   */
  PREDICTOR_SLOW(
      "predictor-slow", FaultParameter.SECONDS, NumberRange.aboveAndAtMost(0, 3600, "s"), false),
  /** The controller stops ticking (and so stops renewing the heat lease). */
  CONTROLLER_HANG("controller-hang", null, null, true),
  /**
   * Every software thread stops (a crashed JVM or a hung kernel); the pins keep their last level
   * and the hardware (dead-man, thermal cut-out) goes on.
   */
  SOFTWARE_CRASH("software-crash", null, null, true),
  /** The carriage magnet cannot release: only the relay, the dead-man or the cut-out stop heat. */
  LATCH_STUCK("latch-stuck", null, null, true),
  /**
   * The infrared bread thermometer gives nothing usable (on the emulated Pi: its error flag): the
   * cycle must run as without it, and its event says the reading was not used.
   */
  BREAD_THERMOMETER_FAIL("bread-thermometer-fail", null, null, true);

  private final String id;
  private final @Nullable FaultParameter parameter;
  private final @Nullable NumberRange range;
  private final boolean zeroAllowed;

  FaultKind(
      String id,
      @Nullable FaultParameter parameter,
      @Nullable NumberRange range,
      boolean zeroAllowed) {
    this.id = id;
    this.parameter = parameter;
    this.range = range;
    this.zeroAllowed = zeroAllowed;
  }

  /** The id used in scenario files. */
  public String id() {
    return id;
  }

  /** The parameter this kind requires, or empty when it takes none. */
  public Optional<FaultParameter> parameter() {
    return Optional.ofNullable(parameter);
  }

  /** Whether {@code value} is allowed for this kind's parameter. False when it takes none. */
  public boolean accepts(double value) {
    return range != null && range.contains(value) && (zeroAllowed || value != 0.0);
  }

  /** The allowed parameter values in words, e.g. "a number from -100 to 100 °C/s, not 0". */
  public String describeRange() {
    if (range == null) {
      return "no parameter";
    }
    return "a number " + range.describe() + (zeroAllowed ? "" : ", not 0");
  }

  /**
   * True for faults of the predictor: the guard answers them with the fallback table, so heat need
   * not stop and no trip latency applies.
   */
  public boolean isPredictorFault() {
    return id.startsWith("predictor-");
  }

  /**
   * True for faults of an input that only advises the prediction (the predictor's own, the bread
   * thermometer's): no safety check answers them, so they are timed only when nothing else is.
   */
  public boolean isAdvisoryFault() {
    return isPredictorFault() || this == BREAD_THERMOMETER_FAIL;
  }

  /** Parses an id; null when unknown, so the caller can name the field in its message. */
  public static @Nullable FaultKind fromId(String id) {
    for (FaultKind k : values()) {
      if (k.id.equals(id)) {
        return k;
      }
    }
    return null;
  }
}
