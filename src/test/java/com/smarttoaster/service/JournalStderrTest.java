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
  private final PrintStream err =
      new PrintStream(new JournalStderr(journal), true, StandardCharsets.UTF_8);

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

    assertEquals(
        "<6>INFO SupervisorLoop - Safety loop started, period 50.0 ms\n"
            + "<4>WARN ModelPredictor - MODEL REFUSED: checksum\n"
            + "<3>ERROR SafetySupervisor - Safety fault OVER_TEMPERATURE: chamber read 283.5 °C\n"
            + "<7>DEBUG SafetySupervisor - Heater commanded on\n"
            + "<3>FAULT OVER_TEMPERATURE: chamber read 283.5 °C\n",
        journal());
  }

  @Test
  void stackTraceLinesIncludingTheExceptionLineKeepTheirLogLinesPriority() {
    err.println("ERROR SupervisorLoop - Safety tick failed");
    err.println("java.lang.IllegalStateException: boom");
    err.println("\tat com.smarttoaster.safety.SafetySupervisor.tick(SafetySupervisor.java:1)");
    err.println("Caused by: java.io.IOException: bus");
    err.println("\t... 4 more");

    // journalctl -p err must show the whole trace, not just its first line
    assertEquals(
        "<3>ERROR SupervisorLoop - Safety tick failed\n"
            + "<3>java.lang.IllegalStateException: boom\n"
            + "<3>\tat com.smarttoaster.safety.SafetySupervisor.tick(SafetySupervisor.java:1)\n"
            + "<3>Caused by: java.io.IOException: bus\n"
            + "<3>\t... 4 more\n",
        journal());
  }

  @Test
  void aWarningsTraceWithANestedClassAndNoMessageIsAWarning() {
    err.println("WARN PahoTransport - Connection lost");
    err.println("org.eclipse.paho.mqttv5.common.MqttException$Timeout");
    err.println("\tat x.Y.z(Y.java:2)");

    assertEquals(
        "<4>WARN PahoTransport - Connection lost\n"
            + "<4>org.eclipse.paho.mqttv5.common.MqttException$Timeout\n"
            + "<4>\tat x.Y.z(Y.java:2)\n",
        journal());
  }

  @Test
  void linesThatMerelyContainDotsOrColonsAreNotExceptions() {
    err.println("ERROR x - y");
    err.println("config/pi.yaml: pi.heaterPin 99 is above 27");
    err.println("keys: l lever down");
    err.println("Smart.toaster ready");

    assertEquals(
        "<3>ERROR x - y\n"
            + "config/pi.yaml: pi.heaterPin 99 is above 27\n"
            + "keys: l lever down\n"
            + "Smart.toaster ready\n",
        journal());
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
