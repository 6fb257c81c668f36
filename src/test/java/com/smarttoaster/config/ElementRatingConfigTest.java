package com.smarttoaster.config;

import static com.smarttoaster.config.ConfigLoaderTest.SOURCE;
import static com.smarttoaster.config.ConfigLoaderTest.onlyProblem;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** appliance.elementRatedVolts: the element's design voltage, and its fit to the stated mains. */
class ElementRatingConfigTest {
  private static String appliance(String mains, String extra) {
    return "appliance:\n  kind: simulated\n  deviceId: kitchen\n  mainsVoltsNominal: "
        + mains
        + "\n  currentSensorFitted: true\n"
        + extra;
  }

  @Test
  void leftOutItIsTheDesignVoltageNearerTheStatedMains() throws Exception {
    assertEquals(
        230.0, ConfigLoader.parse(appliance("220", ""), SOURCE).appliance().elementRatedVolts());
    assertEquals(
        120.0, ConfigLoader.parse(appliance("120", ""), SOURCE).appliance().elementRatedVolts());
    assertEquals(
        120.0, ConfigLoader.parse(appliance("110", ""), SOURCE).appliance().elementRatedVolts());
    String p = onlyProblem(appliance("100", ""));
    assertTrue(p.contains("mainsVoltsNominal = 100"), p); // no element here is made for 100 V
  }

  @Test
  void givenItIsRead() throws Exception {
    assertEquals(
        120.0,
        ConfigLoader.parse(appliance("127", "  elementRatedVolts: 120\n"), SOURCE)
            .appliance()
            .elementRatedVolts());
  }

  @Test
  void aVoltageNoElementIsDesignedForIsRefusedByName() {
    String p = onlyProblem(appliance("230", "  elementRatedVolts: 240\n"));
    assertTrue(p.contains("appliance.elementRatedVolts = 240"), p);
    assertTrue(p.contains("230 or 120"), p);
  }

  @Test
  void anElementThatDoesNotSuitTheMainsIsRefused() {
    String p = onlyProblem(appliance("230", "  elementRatedVolts: 120\n"));
    assertTrue(p.contains("appliance.elementRatedVolts = 120"), p);
    assertTrue(p.contains("mainsVoltsNominal = 230"), p);
    assertTrue(p.contains("102..138 V"), p);
  }

  @Test
  void theShippedPiConfigStatesItsElement() throws Exception {
    assertEquals(
        230.0,
        ConfigLoader.load(java.nio.file.Path.of("config/pi.yaml")).appliance().elementRatedVolts());
  }
}
