package com.smarttoaster.web;

import com.smarttoaster.control.RemoteCommand;
import com.smarttoaster.toast.BreadType;
import com.smarttoaster.toast.Shade;
import com.smarttoaster.toast.ToastMode;
import java.util.Arrays;
import java.util.Locale;
import org.jspecify.annotations.Nullable;

/**
 * One setting the page may change, checked like the MQTT command of the same name: a whole shade
 * {@value Shade#LIGHTEST}..{@value Shade#DARKEST}, a known bread or mode, 1 or 2 slices, 8..35 mm.
 * Only setting commands can be built here; never a start.
 */
record SettingChange(RemoteCommand command) {
  static final int MIN_THICKNESS_MM = 8;
  static final int MAX_THICKNESS_MM = 35;

  /**
   * @throws BadRequest naming the setting, the value and what is allowed
   */
  static SettingChange parse(String name, String value) {
    return switch (name) {
      case "shade" ->
          new SettingChange(
              new RemoteCommand.SetShade(whole(name, value, Shade.LIGHTEST, Shade.DARKEST)));
      case "slices" -> new SettingChange(new RemoteCommand.SetSlices(whole(name, value, 1, 2)));
      case "thicknessMm" ->
          new SettingChange(
              new RemoteCommand.SetThickness(
                  whole(name, value, MIN_THICKNESS_MM, MAX_THICKNESS_MM)));
      case "bread" -> {
        BreadType b = BreadType.fromId(value);
        if (b == null) {
          throw new BadRequest(
              "bread = " + shown(value) + " is not one of " + ids(BreadType.values()));
        }
        yield new SettingChange(new RemoteCommand.SetBread(b));
      }
      case "mode" -> {
        ToastMode m = ToastMode.fromId(value);
        if (m == null) {
          throw new BadRequest(
              "mode = " + shown(value) + " is not one of " + ids(ToastMode.values()));
        }
        yield new SettingChange(new RemoteCommand.SetMode(m));
      }
      default ->
          throw new BadRequest(
              "setting "
                  + shown(name)
                  + " is unknown; known: shade, bread, mode, slices,"
                  + " thicknessMm");
    };
  }

  private static int whole(String name, String value, int min, int max) {
    if (value != null && value.matches("[0-9]{1,2}")) {
      int n = Integer.parseInt(value);
      if (n >= min && n <= max) {
        return n;
      }
    }
    throw new BadRequest(
        name
            + " = "
            + shown(value)
            + " is not allowed; expected a whole number from "
            + min
            + " to "
            + max);
  }

  private static String ids(Enum<?>[] values) {
    return String.join(
        ", ",
        Arrays.stream(values)
            .map(v -> v.name().toLowerCase(Locale.ROOT).replace('_', '-'))
            .toList());
  }

  /** Untrusted text as it may appear in a message: quoted, printable and short. */
  static String shown(@Nullable String s) {
    if (s == null) {
      return "(missing)";
    }
    String clean = s.replaceAll("[^\\x20-\\x7e]", "?");
    return "\"" + (clean.length() > 40 ? clean.substring(0, 40) + "..." : clean) + "\"";
  }
}
