package com.smarttoaster.service;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.junit.jupiter.api.Test;

class JournalStderrTest {
  private final ByteArrayOutputStream journal = new ByteArrayOutputStream();
  private final PrintStream err = new PrintStream(new JournalStderr(journal), true, StandardCharsets.UTF_8);

  private String journal() {
    return journal.toString(StandardCharsets.UTF_8);
  }

  @Test
  void logLevelsBecomeSyslogPriorities() {
    err.println("INFO SupervisorLoop - Safety loop started, period 50.0 ms");
    err.println("WARN ModelPredictor - MODEL REFUSED: checksum");
    err.println("ERROR SafetySupervisor - Safety fault OVER_TEMPERATURE: chamber read 283.5 °C");
    err.println("DEBUG SafetySupervisor - Heater commanded on");
    err.println("FAULT OVER_TEMPERATURE: chamber read 283.5 °C");

    assertEquals("<6>INFO SupervisorLoop - Safety loop started, period 50.0 ms\n"
        + "<4>WARN ModelPredictor - MODEL REFUSED: checksum\n"
        + "<3>ERROR SafetySupervisor - Safety fault OVER_TEMPERATURE: chamber read 283.5 °C\n"
        + "<7>DEBUG SafetySupervisor - Heater commanded on\n"
        + "<3>FAULT OVER_TEMPERATURE: chamber read 283.5 °C\n", journal());
  }

  @Test
  void stackTraceLinesKeepTheirLogLinesPriority() {
    err.println("ERROR SupervisorLoop - Safety tick failed");
    err.println("java.lang.IllegalStateException: boom");
    err.println("\tat com.smarttoaster.safety.SafetySupervisor.tick(SafetySupervisor.java:1)");
    err.println("Caused by: java.io.IOException: bus");
    err.println("\t... 4 more");

    assertEquals("<3>ERROR SupervisorLoop - Safety tick failed\n"
        + "java.lang.IllegalStateException: boom\n"
        + "\tat com.smarttoaster.safety.SafetySupervisor.tick(SafetySupervisor.java:1)\n"
        + "Caused by: java.io.IOException: bus\n"
        + "\t... 4 more\n", journal());
  }

  @Test
  void otherLinesAndEmptyLinesGetNoPrefixAndPartialWritesAreJoined() {
    err.print("keys: l lever");
    err.print(" down\n\nINF");
    err.print("O x - y\n");

    assertEquals("keys: l lever down\n\n<6>INFO x - y\n", journal());
  }

  @Test
  void installedOnlyWhenStderrIsTheJournal() {
    PrintStream before = System.err;
    assertFalse(JournalStderr.installIfJournal(Map.of()));
    assertEquals(before, System.err);
  }
}
