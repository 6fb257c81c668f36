package com.smarttoaster.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.io.PrintWriter;
import java.io.StringWriter;
import org.junit.jupiter.api.Test;

class StatusLineTest {
  private final StringWriter out = new StringWriter();

  @Test
  void onATerminalTheLineIsRedrawnInPlaceAndLogsGoAboveIt() {
    StatusLine line = new StatusLine(new PrintWriter(out), new ConsoleKind(true, 80));
    line.show("toasting 1", "k");
    line.show("toasting 1", "k"); // unchanged: not redrawn
    line.println("INFO cycle started");
    line.show("toasting 2", "k");
    line.close();

    assertEquals(
        "\r\033[Ktoasting 1"
            + "\r\033[KINFO cycle started"
            + System.lineSeparator()
            + "toasting 1"
            + "\r\033[Ktoasting 2"
            + System.lineSeparator(),
        out.toString());
  }

  @Test
  void aLineIsCutToTheWidthLessOneAndControlCharactersCannotMoveTheCursor() {
    StatusLine line = new StatusLine(new PrintWriter(out), new ConsoleKind(true, 80));
    assertEquals(79, line.fit("x".repeat(200)).length());
    assertEquals("a?[2Jb?c", line.fit("a\033[2Jb\nc"));
  }

  @Test
  void withoutATerminalItPrintsPlainLinesOnlyWhenTheStateChanges() {
    StatusLine line = new StatusLine(new PrintWriter(out), ConsoleKind.PLAIN);
    line.show("toasting  10/108s", "toasting");
    line.show("toasting  11/108s", "toasting");
    line.println("INFO log");
    line.show("done", "done");
    line.close();

    String n = System.lineSeparator();
    assertEquals("toasting  10/108s" + n + "INFO log" + n + "done" + n, out.toString());
    assertFalse(out.toString().contains("\r"));
  }

  @Test
  void capturedStderrLinesGoThroughTheStatusLine() {
    StatusLine line = new StatusLine(new PrintWriter(out), new ConsoleKind(true, 80));
    line.show("idle", "idle");
    line.captureSystemErr();
    try {
      System.err.println("INFO from a logger");
    } finally {
      line.close();
    }
    assertEquals(
        "\r\033[Kidle\r\033[KINFO from a logger"
            + System.lineSeparator()
            + "idle"
            + System.lineSeparator(),
        out.toString());
  }
}
