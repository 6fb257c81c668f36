package com.smarttoaster.scenario;

import static com.smarttoaster.scenario.ScenarioJson.BASE;
import static com.smarttoaster.scenario.ScenarioJson.with;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.smarttoaster.toast.BreadType;
import com.smarttoaster.toast.ToastMode;
import org.junit.jupiter.api.Test;

/** The optional fields of DESIGN.md §7: before, configuredMainsVolts, nominalMainsVolts. */
class ScenarioAdditionsTest {
  private static final String SOURCE = "kitchen.json";
  private static final String EARLIER =
      "[{\"bread\": {\"type\": \"rye\", \"thicknessMm\": 14, \"startC\": -18}, \"shade\": 5, \"mode\": \"defrost\","
          + " \"slices\": 1, \"pauseS\": 45}]";

  private static String rejected(String json) {
    ScenarioException e =
        assertThrows(ScenarioException.class, () -> ScenarioReader.parse(json, SOURCE));
    assertFalse(e.getMessage().contains("Exception"), e.getMessage());
    return e.getMessage();
  }

  @Test
  void leftOutTheyMeanOneCycleOnA230VoltApplianceWhoseConfigKnowsTheMains() throws Exception {
    Scenario s = ScenarioReader.parse(BASE, SOURCE);

    assertTrue(s.before().isEmpty());
    assertEquals(230.0, s.configuredMainsVolts());
    assertEquals(230.0, s.nominalMainsVolts());
  }

  @Test
  void configuredMainsDefaultsToTheActualSupply() throws Exception {
    Scenario s = ScenarioReader.parse(with("mainsVolts", "212.5"), SOURCE);

    assertEquals(212.5, s.mainsVolts());
    assertEquals(212.5, s.configuredMainsVolts());
  }

  @Test
  void earlierCyclesAreReadWithTheirSettingsAndPause() throws Exception {
    Scenario s = ScenarioReader.parse(with("before", EARLIER), SOURCE);

    EarlierCycle c = s.before().get(0);
    assertEquals(BreadType.RYE, c.bread().type());
    assertEquals(-18.0, c.bread().startC());
    assertEquals(5, c.shade());
    assertEquals(ToastMode.DEFROST, c.mode());
    assertEquals(1, c.slices());
    assertEquals(45.0, c.pauseS());
  }

  @Test
  void aNominalVoltageOtherThan230Or120IsRefusedByName() {
    String msg = rejected(with("nominalMainsVolts", "110"));

    assertTrue(msg.contains("nominalMainsVolts = 110"), msg);
    assertTrue(msg.contains("230 or 120"), msg);
  }

  @Test
  void aConfiguredMainsOutsideThePossibleIsRefusedWithItsRange() {
    String msg = rejected(with("configuredMainsVolts", "400"));

    assertTrue(msg.contains(SOURCE + ": configuredMainsVolts "), msg);
    assertTrue(msg.contains("400"), msg);
  }

  @Test
  void aBadEarlierCycleNamesItsPath() {
    String msg = rejected(with("before", EARLIER.replace("\"pauseS\": 45", "\"pauseS\": -1")));
    assertTrue(msg.contains("before[0].pauseS"), msg);

    msg = rejected(with("before", EARLIER.replace("\"shade\": 5", "\"shade\": 9")));
    assertTrue(msg.contains("before[0].shade"), msg);

    msg =
        rejected(
            with("before", EARLIER.replace("\"slices\": 1,", "\"slices\": 1, \"colour\": 3,")));
    assertTrue(msg.contains("before[0].colour"), msg);
  }

  @Test
  void tooManyEarlierCyclesAreRefused() {
    StringBuilder many = new StringBuilder("[");
    for (int i = 0; i <= ScenarioLimits.MAX_EARLIER_CYCLES; i++) {
      many.append(i == 0 ? "" : ",").append(EARLIER, 1, EARLIER.length() - 1);
    }
    String msg = rejected(with("before", many.append("]").toString()));

    assertTrue(
        msg.contains("before has " + (ScenarioLimits.MAX_EARLIER_CYCLES + 1) + " entries"), msg);
  }
}
