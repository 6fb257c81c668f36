package com.smarttoaster.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** The ratings section: the rating window, checked when the config loads. */
class RatingsSectionTest {
  @Test
  void theWindowDefaultsToTenMinutesAndIsKeptWhenGiven() throws Exception {
    assertEquals(
        600.0,
        ConfigLoader.parse(ConfigLoaderTest.APPLIANCE, ConfigLoaderTest.SOURCE)
            .ratings()
            .windowS());
    assertEquals(
        120.0,
        ConfigLoader.parse(
                ConfigLoaderTest.APPLIANCE + "ratings:\n  windowS: 120\n", ConfigLoaderTest.SOURCE)
            .ratings()
            .windowS());
  }

  @Test
  void aWindowOutsideItsRangeOrAnUnknownOptionIsRefusedByName() {
    String tooShort =
        ConfigLoaderTest.onlyProblem(ConfigLoaderTest.APPLIANCE + "ratings:\n  windowS: 5\n");
    assertTrue(
        tooShort.startsWith("ratings.windowS = 5")
            && tooShort.contains("60")
            && tooShort.contains("3600"),
        tooShort);
    String text =
        ConfigLoaderTest.onlyProblem(ConfigLoaderTest.APPLIANCE + "ratings:\n  windowS: long\n");
    assertTrue(text.startsWith("ratings.windowS"), text);
    String unknown =
        ConfigLoaderTest.onlyProblem(ConfigLoaderTest.APPLIANCE + "ratings:\n  window: 600\n");
    assertTrue(unknown.contains("ratings.window") && unknown.contains("windowS"), unknown);
  }
}
