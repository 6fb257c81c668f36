package com.smarttoaster.remote;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** {@code cmd/taste-reset}: exactly PRESS, live; anything else is rejected with a reason. */
class TasteResetCommandTest {
  private final Topics topics = new Topics("kitchen", "homeassistant");
  private final CommandParser parser = new CommandParser(topics);

  private Command parse(String payload, boolean retained) {
    return parser.parse(
        topics.command(Topics.TASTE_RESET), payload.getBytes(StandardCharsets.UTF_8), retained);
  }

  @Test
  void pressResetsAndNothingElseDoes() {
    assertInstanceOf(Command.TasteReset.class, parse("PRESS", false));
    assertEquals(
        "payload \"\" is not allowed; send PRESS", ((Command.Rejected) parse("", false)).reason());
    assertEquals(
        "payload \"press\" is not allowed; send PRESS",
        ((Command.Rejected) parse("press", false)).reason());
    assertInstanceOf(
        Command.Rejected.class, parse("PRESS", true), "a retained reset is never acted on");
  }
}
