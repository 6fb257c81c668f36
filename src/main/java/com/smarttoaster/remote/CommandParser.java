package com.smarttoaster.remote;

import com.smarttoaster.control.RemoteCommand;
import com.smarttoaster.history.Rating;
import com.smarttoaster.toast.BreadType;
import com.smarttoaster.toast.Shade;
import com.smarttoaster.toast.ToastMode;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Checks one MQTT command strictly: a live (not retained) message on a known command topic, at most
 * {@link #MAX_PAYLOAD_BYTES} of UTF-8 text, exactly a value from the command's enum or range (no
 * trimming: {@code " PRESS "} is not {@code PRESS}, so a sloppy or hostile sender learns at once
 * rather than sometimes). Anything else is {@link Command.Rejected} with a reason naming the
 * command, what arrived and what is allowed. Stateless and thread-safe.
 */
final class CommandParser {
  /** Longer payloads are refused unread; the longest valid one is "wholegrain". */
  static final int MAX_PAYLOAD_BYTES = 32;

  /**
   * What a button press carries (Home Assistant's default {@code payload_press}); cancel also
   * accepts an empty payload, start does not.
   */
  static final String PRESS = "PRESS";

  static final List<String> NAMES =
      List.of(
          Topics.CANCEL,
          Topics.START,
          Topics.SHADE,
          Topics.BREAD,
          Topics.MODE,
          Topics.SLICES,
          Topics.THICKNESS,
          Topics.FEEDBACK,
          Topics.TASTE_RESET);

  /** Slice thickness a command may set, mm: the operating envelope (as the front panel's knob). */
  static final int MIN_THICKNESS_MM = 8;

  static final int MAX_THICKNESS_MM = 35;
  private static final Pattern WHOLE = Pattern.compile("[0-9]{1,2}(\\.0+)?");

  private final Topics topics;

  CommandParser(Topics topics) {
    this.topics = topics;
  }

  Command parse(String topic, byte[] payload, boolean retained) {
    String name =
        topic.startsWith(topics.commandPrefix())
            ? topic.substring(topics.commandPrefix().length())
            : topic;
    String shownName = shown(name);
    if (!NAMES.contains(name)) {
      return new Command.Rejected(
          shownName, "unknown command " + shownName + "; known: " + String.join(", ", NAMES));
    }
    if (retained) {
      return new Command.Rejected(
          name,
          "retained commands are ignored: a command must be live, not a retained"
              + " message left on the broker; publish it with retain off (and clear the retained one with an empty"
              + " retained message)");
    }
    if (payload.length > MAX_PAYLOAD_BYTES) {
      return new Command.Rejected(
          name,
          "payload of "
              + payload.length
              + " bytes is too long; a command is at most "
              + MAX_PAYLOAD_BYTES
              + " bytes");
    }
    String text;
    try {
      text =
          StandardCharsets.UTF_8
              .newDecoder()
              .onMalformedInput(CodingErrorAction.REPORT)
              .onUnmappableCharacter(CodingErrorAction.REPORT)
              .decode(ByteBuffer.wrap(payload))
              .toString();
    } catch (CharacterCodingException e) {
      return new Command.Rejected(name, "payload is not UTF-8 text");
    }
    if (text.chars().anyMatch(Character::isISOControl)) {
      // Also what a trailing newline from `mosquitto_pub -l` or `echo` gives: said plainly.
      return new Command.Rejected(name, "payload contains control characters");
    }
    return switch (name) {
      case Topics.CANCEL -> press(name, text, new RemoteCommand.Cancel(), true);
      // Not empty: clearing a retained start with an empty message must not start anything.
      case Topics.START -> press(name, text, new RemoteCommand.Start(), false);
      case Topics.SHADE -> shade(text);
      case Topics.BREAD -> {
        BreadType b = BreadType.fromId(text);
        yield b == null
            ? wrongValue(name, text, ids(BreadType.values()))
            : new Command.ForController(name, new RemoteCommand.SetBread(b));
      }
      case Topics.SLICES -> whole(name, text, 1, 2, "slices", n -> new RemoteCommand.SetSlices(n));
      case Topics.THICKNESS ->
          whole(
              name,
              text,
              MIN_THICKNESS_MM,
              MAX_THICKNESS_MM,
              "a thickness in mm",
              n -> new RemoteCommand.SetThickness(n));
      case Topics.TASTE_RESET ->
          text.equals(PRESS)
              ? new Command.TasteReset()
              : new Command.Rejected(
                  name, "payload \"" + shown(text) + "\" is not allowed; send " + PRESS);
      case Topics.MODE -> {
        ToastMode m = ToastMode.fromId(text);
        yield m == null
            ? wrongValue(name, text, ids(ToastMode.values()))
            : new Command.ForController(name, new RemoteCommand.SetMode(m));
      }
      default -> {
        Rating r = Rating.fromId(text);
        yield r == null ? wrongValue(name, text, ids(Rating.values())) : new Command.Feedback(r);
      }
    };
  }

  private static Command press(
      String name, String text, RemoteCommand command, boolean emptyAllowed) {
    if (text.equals(PRESS) || (emptyAllowed && text.isEmpty())) {
      return new Command.ForController(name, command);
    }
    return new Command.Rejected(
        name,
        "payload \""
            + shown(text)
            + "\" is not allowed; send "
            + (emptyAllowed ? "an empty payload or " : "")
            + PRESS);
  }

  private static Command shade(String text) {
    if (WHOLE.matcher(text).matches()) {
      int shade = (int) Double.parseDouble(text);
      if (Shade.isValid(shade)) {
        return new Command.ForController(Topics.SHADE, new RemoteCommand.SetShade(shade));
      }
    }
    return new Command.Rejected(
        Topics.SHADE,
        "payload \""
            + shown(text)
            + "\" is not a shade; expected a whole number from "
            + Shade.LIGHTEST
            + " to "
            + Shade.DARKEST);
  }

  private static Command whole(
      String name,
      String text,
      int min,
      int max,
      String what,
      java.util.function.IntFunction<RemoteCommand> command) {
    if (WHOLE.matcher(text).matches()) {
      int n = (int) Double.parseDouble(text);
      if (n >= min && n <= max) {
        return new Command.ForController(name, command.apply(n));
      }
    }
    return new Command.Rejected(
        name,
        "payload \""
            + shown(text)
            + "\" is not "
            + what
            + "; expected a whole number from "
            + min
            + " to "
            + max);
  }

  private static Command wrongValue(String name, String text, List<String> allowed) {
    return new Command.Rejected(
        name, "payload \"" + shown(text) + "\" is not one of " + String.join(", ", allowed));
  }

  private static List<String> ids(Enum<?>[] values) {
    return Arrays.stream(values)
        .map(v -> v.name().toLowerCase(java.util.Locale.ROOT).replace('_', '-'))
        .toList();
  }

  /** Untrusted text as it may appear in an event: printable and short. */
  static String shown(String s) {
    String clean = s.replaceAll("[^\\x20-\\x7e]", "?");
    return clean.length() > 40 ? clean.substring(0, 40) + "..." : clean;
  }
}
