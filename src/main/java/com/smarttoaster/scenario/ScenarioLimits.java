package com.smarttoaster.scenario;

import com.smarttoaster.input.NumberRange;

/**
 * What a scenario may ask for. The bounds are the physically possible, not the realistic: a
 * scenario outside the realistic envelope (docs/contracts.md §2) is still accepted, because that is
 * how the predictor's guardrails and the safety supervisor get exercised. Only the impossible is
 * refused.
 */
public final class ScenarioLimits {
  /** The only scenario format version this program reads. */
  public static final int VERSION = 1;

  /** Room temperature, °C: from an unheated winter cabin to a hot summer kitchen. */
  public static final NumberRange AMBIENT_C = NumberRange.closed(-30, 60, "°C");

  /** Mains voltage, V: 100 V and 120 V grids with sag up to 230/240 V grids with swell. */
  public static final NumberRange MAINS_VOLTS = NumberRange.closed(90, 270, "V");

  /**
   * How much colder than the room the chamber may start, °C: a chamber cannot be colder than the
   * room it sits in; 1 °C allows for the two sensors disagreeing.
   */
  public static final double CHAMBER_BELOW_AMBIENT_C = 1.0;

  /** Hottest possible chamber start, °C: right after a runaway cycle, above any cut-off. */
  public static final double CHAMBER_MAX_C = 350.0;

  /** Bread temperature at start, °C: deep-frozen to just off the stove. */
  public static final NumberRange BREAD_START_C = NumberRange.closed(-40, 90, "°C");

  /** Slice thickness, mm: a wafer-thin slice to a slot-filling bagel half. */
  public static final NumberRange THICKNESS_MM = NumberRange.closed(3, 60, "mm");

  public static final int MIN_SLICES = 1;
  public static final int MAX_SLICES = 2;

  /** Time of a fault or action since the lever went down, s. */
  public static final NumberRange AT_S = NumberRange.closed(0, 3600, "s");

  /** Pause after an earlier cycle, s: straight back in, up to a day later. */
  public static final NumberRange PAUSE_S = NumberRange.closed(0, 86_400, "s");

  /** Most earlier cycles one scenario may run first (each costs a whole simulated cycle). */
  public static final int MAX_EARLIER_CYCLES = 20;

  /** Longest name, characters. */
  public static final int MAX_NAME_LENGTH = 200;

  /** Most faults, and most actions, one scenario may list. */
  public static final int MAX_LIST_ENTRIES = 100;

  private ScenarioLimits() {}

  /** Allowed chamber start temperature for a given room temperature. */
  public static NumberRange chamberStartC(double ambientC) {
    return NumberRange.closed(ambientC - CHAMBER_BELOW_AMBIENT_C, CHAMBER_MAX_C, "°C");
  }
}
