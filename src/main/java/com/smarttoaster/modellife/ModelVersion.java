package com.smarttoaster.modellife;

import java.util.Comparator;
import java.util.Objects;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * A model's version as its card's {@code modelVersion} states it: {@code
 * YYYY.MM.DD[.HHMMSS][-tag]}, e.g. {@code 2026.12.04.153012-data1-train1}. The trainer writes the
 * UTC time of the run, so two runs give two versions. Versions are ordered by their date and time
 * only (a missing time is 00:00:00); the tag says how the model was made and does not order. Two
 * versions with the same date and time are not ordered at all, so neither is "newer": installing
 * one beside the other needs {@code --force}. The pattern also keeps a version safe as a file name
 * in the state directory.
 */
public record ModelVersion(String text, long sortKey) implements Comparable<ModelVersion> {
  /**
   * The name {@code model list}, {@code model activate} and the active pointer use for the jar's
   * model.
   */
  public static final String FACTORY = "factory";

  static final Pattern PATTERN =
      Pattern.compile("(\\d{4})\\.(\\d{2})\\.(\\d{2})(?:\\.(\\d{6}))?(-[A-Za-z0-9._-]{1,40})?");

  private static final Comparator<ModelVersion> ORDER =
      Comparator.comparingLong(ModelVersion::sortKey).thenComparing(ModelVersion::text);

  private static final String FORM =
      " is not of the form YYYY.MM.DD[.HHMMSS][-tag] (e.g. 2026.12.04.153012-data1-train1)";

  public ModelVersion {
    Objects.requireNonNull(text, "text");
  }

  /**
   * @throws BundleException naming the version and the expected form
   */
  public static ModelVersion parse(@Nullable String text) throws BundleException {
    if (text == null) {
      throw new BundleException("model version (none)" + FORM);
    }
    Matcher m = PATTERN.matcher(text);
    if (!m.matches()) {
      throw new BundleException("model version '" + text + "'" + FORM);
    }
    int month = Integer.parseInt(m.group(2));
    int day = Integer.parseInt(m.group(3));
    String time = m.group(4) == null ? "000000" : m.group(4);
    if (month < 1
        || month > 12
        || day < 1
        || day > 31
        || Integer.parseInt(time.substring(0, 2)) > 23
        || Integer.parseInt(time.substring(2, 4)) > 59
        || Integer.parseInt(time.substring(4, 6)) > 59) {
      throw new BundleException("model version '" + text + "' has no such date or time of day");
    }
    return new ModelVersion(text, Long.parseLong(m.group(1) + m.group(2) + m.group(3) + time));
  }

  /** True when this version's date and time are later than {@code other}'s. */
  public boolean isNewerThan(ModelVersion other) {
    return sortKey > other.sortKey;
  }

  @Override
  public int compareTo(ModelVersion o) {
    return ORDER.compare(this, o);
  }

  @Override
  public String toString() {
    return text;
  }
}
