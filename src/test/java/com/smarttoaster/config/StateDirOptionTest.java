package com.smarttoaster.config;

import static com.smarttoaster.config.ConfigLoaderTest.APPLIANCE;
import static com.smarttoaster.config.ConfigLoaderTest.SOURCE;
import static com.smarttoaster.config.ConfigLoaderTest.onlyProblem;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import org.junit.jupiter.api.Test;

/** appliance.stateDir: the one optional option of the appliance section. */
class StateDirOptionTest {
  @Test
  void optionalAndUnsetByDefault() throws Exception {
    assertNull(ConfigLoader.parse(APPLIANCE, SOURCE).appliance().stateDir());
    assertNull(ApplianceConfig.defaults().stateDir());
  }

  @Test
  void anAbsolutePathIsTaken() throws Exception {
    ToasterConfig c =
        ConfigLoader.parse(APPLIANCE + "  stateDir: /var/lib/smart-toaster\n", SOURCE);

    assertEquals("/var/lib/smart-toaster", c.appliance().stateDir());
  }

  @Test
  void aRelativePathIsRefusedWithTheOptionAndTheValue() {
    assertEquals(
        "appliance.stateDir = \"state\" is not allowed; expected an absolute path (starting with /)",
        onlyProblem(APPLIANCE + "  stateDir: state\n"));
  }

  @Test
  void anEmptyValueIsAnErrorNotADefault() {
    String problem = onlyProblem(APPLIANCE + "  stateDir:\n");
    assertEquals(true, problem.startsWith("appliance.stateDir"), problem);
  }

  @Test
  void inAnotherSectionItIsPointedBackToAppliance() {
    assertEquals(
        true,
        onlyProblem(APPLIANCE + "safety:\n  stateDir: /var/lib/x\n")
            .contains("it belongs in section appliance (appliance.stateDir)"));
  }
}
