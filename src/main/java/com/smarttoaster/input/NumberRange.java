package com.smarttoaster.input;

/**
 * An interval of allowed values with its unit, able to describe itself in error messages.
 *
 * @param min lower bound (may be {@code -Infinity} for none)
 * @param minInclusive whether {@code min} itself is allowed
 * @param max upper bound (may be {@code Infinity} for none)
 * @param maxInclusive whether {@code max} itself is allowed
 * @param unit unit for messages, e.g. {@code °C}; empty for a plain count
 */
public record NumberRange(
    double min, boolean minInclusive, double max, boolean maxInclusive, String unit) {

  /** {@code min ≤ v ≤ max}. */
  public static NumberRange closed(double min, double max, String unit) {
    return new NumberRange(min, true, max, true, unit);
  }

  /** {@code min < v ≤ max}. */
  public static NumberRange aboveAndAtMost(double min, double max, String unit) {
    return new NumberRange(min, false, max, true, unit);
  }

  /** Any finite number. */
  public static NumberRange anyFinite(String unit) {
    return new NumberRange(Double.NEGATIVE_INFINITY, false, Double.POSITIVE_INFINITY, false, unit);
  }

  /** True for a finite value inside the bounds. NaN and infinities are never contained. */
  public boolean contains(double v) {
    if (!Double.isFinite(v)) {
      return false;
    }
    boolean aboveMin = minInclusive ? v >= min : v > min;
    boolean belowMax = maxInclusive ? v <= max : v < max;
    return aboveMin && belowMax;
  }

  /** E.g. "from 3 to 60 mm", "above 0 and at most 3600 s", "any finite number of s". */
  public String describe() {
    String u = unit.isEmpty() ? "" : " " + unit;
    boolean hasMin = Double.isFinite(min);
    boolean hasMax = Double.isFinite(max);
    if (!hasMin && !hasMax) {
      return "any finite value" + (unit.isEmpty() ? "" : " in " + unit);
    }
    if (hasMin && hasMax && minInclusive && maxInclusive) {
      return "from " + Format.number(min) + " to " + Format.number(max) + u;
    }
    StringBuilder sb = new StringBuilder();
    if (hasMin) {
      sb.append(minInclusive ? "at least " : "above ").append(Format.number(min));
    }
    if (hasMax) {
      sb.append(hasMin ? " and " : "")
          .append(maxInclusive ? "at most " : "below ")
          .append(Format.number(max));
    }
    return sb.append(u).toString();
  }
}
