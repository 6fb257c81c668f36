package com.smarttoaster.service;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.OptionalLong;
import org.junit.jupiter.api.Test;

class ProcessAgeTest {
  @Test
  void ageIsUptimeMinusStartTimeInHundredths() {
    String stat =
        "4242 (java) S 1 4242 4242 0 -1 4194304 100 0 0 0 10 5 0 0 20 0 30 0 123456 7000000 5000";
    assertEquals(OptionalLong.of(1_500), ProcessAge.millis(stat, "1236.06 2000.00\n"));
  }

  @Test
  void commandNamesWithSpacesAndParenthesesDoNotShiftTheFields() {
    String stat = "77 (a b) c)) R 1 77 77 0 -1 0 0 0 0 0 0 0 0 0 20 0 1 0 1000 0 0";
    assertEquals(OptionalLong.of(250), ProcessAge.millis(stat, "10.25 1.0"));
  }

  @Test
  void garbageGivesNothing() {
    assertEquals(OptionalLong.empty(), ProcessAge.millis("no parens", "1.0"));
    assertEquals(OptionalLong.empty(), ProcessAge.millis("1 (x) S 1", "1.0"));
    assertEquals(
        OptionalLong.empty(),
        ProcessAge.millis("1 (x) S 1 1 1 0 -1 0 0 0 0 0 0 0 0 0 20 0 1 0 abc 0 0", "1.0"));
  }

  @Test
  void thisProcessHasAnAge() {
    OptionalLong age = ProcessAge.millis();
    if (System.getProperty("os.name").toLowerCase().contains("linux")) {
      assertTrue(age.isPresent() && age.getAsLong() > 0, "age " + age);
    }
  }
}
