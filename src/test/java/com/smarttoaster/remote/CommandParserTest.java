package com.smarttoaster.remote;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.smarttoaster.control.RemoteCommand;
import com.smarttoaster.history.Rating;
import com.smarttoaster.toast.BreadType;
import com.smarttoaster.toast.ToastMode;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class CommandParserTest {
  private final Topics topics = new Topics("kitchen", "homeassistant");
  private final CommandParser parser = new CommandParser(topics);

  private Command parse(String name, String payload) {
    return parser.parse(topics.command(name), payload.getBytes(StandardCharsets.UTF_8), false);
  }

  @Test
  void validCommandsBecomeControllerCommandsOrRatings() {
    assertEquals(
        new RemoteCommand.SetShade(1), ((Command.ForController) parse("shade", "1")).command());
    assertEquals(
        new RemoteCommand.SetShade(7), ((Command.ForController) parse("shade", "7.0")).command());
    assertEquals(
        new RemoteCommand.SetBread(BreadType.BAGEL),
        ((Command.ForController) parse("bread", "bagel")).command());
    assertEquals(
        new RemoteCommand.SetMode(ToastMode.REHEAT),
        ((Command.ForController) parse("mode", "reheat")).command());
    assertEquals(
        new RemoteCommand.Cancel(), ((Command.ForController) parse("cancel", "")).command());
    assertEquals(
        new RemoteCommand.Cancel(), ((Command.ForController) parse("cancel", "PRESS")).command());
    assertEquals(
        new RemoteCommand.Start(), ((Command.ForController) parse("start", "PRESS")).command());
    assertEquals(Rating.JUST_RIGHT, ((Command.Feedback) parse("feedback", "just-right")).rating());
    assertEquals(
        new RemoteCommand.SetSlices(1), ((Command.ForController) parse("slices", "1")).command());
    assertEquals(
        new RemoteCommand.SetThickness(35),
        ((Command.ForController) parse("thickness", "35")).command());
    assertEquals(
        new RemoteCommand.SetThickness(8),
        ((Command.ForController) parse("thickness", "8.0")).command());
  }

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {
        "shade|8|whole number from 1 to 7",
        "shade|-1|whole number from 1 to 7",
        "shade|NaN|whole number from 1 to 7",
        "shade|1e0|whole number from 1 to 7",
        "bread|toast|not one of white, wholegrain, sourdough, rye, brioche, bagel",
        "mode|Toast|not one of toast, defrost, bagel, reheat",
        "feedback|too light|not one of too-light, just-right, too-dark",
        "start|start|send PRESS",
        "cancel|yes|an empty payload or PRESS",
        "reset|PRESS|unknown command reset",
        "slices|3|not slices; expected a whole number from 1 to 2",
        "slices|0|not slices; expected a whole number from 1 to 2",
        "thickness|7|not a thickness in mm; expected a whole number from 8 to 35",
        "thickness|36|not a thickness in mm; expected a whole number from 8 to 35",
        "thickness|12.5|not a thickness in mm"
      })
  void invalidPayloadsAreRejectedWithTheReason(String name, String payload, String reason) {
    Command.Rejected r = assertInstanceOf(Command.Rejected.class, parse(name, payload));
    assertTrue(r.reason().contains(reason), r.reason());
  }

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      quoteCharacter = '\'',
      value = {
        "start|' PRESS '",
        "start|'PRESS '",
        "start|press",
        "cancel|' PRESS'",
        "cancel|' '",
        "shade|' 7'",
        "shade|'7 '",
        "bread|' rye'",
        "mode|'toast '",
        "feedback|' too-dark'"
      })
  void payloadsAreComparedExactlyWithoutTrimming(String name, String payload) {
    // " PRESS " from a sloppy script must not start a cycle; a sender learns at once, not
    // sometimes.
    assertInstanceOf(Command.Rejected.class, parse(name, payload), "'" + payload + "' on " + name);
  }

  @Test
  void aTrailingNewlineIsAControlCharacter() {
    assertTrue(
        ((Command.Rejected) parse("start", "PRESS\n")).reason().contains("control characters"));
  }

  @Test
  void anEmptyStartIsNotAStart() {
    // Clearing a retained start with an empty message must not start a cycle.
    assertInstanceOf(Command.Rejected.class, parse("start", ""));
  }

  @Test
  void retainedOversizedBinaryAndControlCharacterPayloadsAreRejected() {
    assertTrue(
        ((Command.Rejected)
                parser.parse(topics.command("shade"), "4".getBytes(StandardCharsets.UTF_8), true))
            .reason()
            .startsWith("retained commands are ignored"));
    assertTrue(
        ((Command.Rejected) parse("bread", "w".repeat(33)))
            .reason()
            .contains("33 bytes is too long"));
    assertTrue(
        ((Command.Rejected)
                parser.parse(topics.command("bread"), new byte[] {(byte) 0xc3, 0x28}, false))
            .reason()
            .contains("not UTF-8"));
    assertTrue(
        ((Command.Rejected) parse("bread", "rye\u0000")).reason().contains("control characters"));
  }

  @Test
  void untrustedTextInAReasonIsShortAndPrintable() {
    Command.Rejected r = (Command.Rejected) parse("mode", "é\t" + "x".repeat(25));
    assertTrue(r.reason().matches("[\\x20-\\x7e]+"), r.reason());
  }
}
