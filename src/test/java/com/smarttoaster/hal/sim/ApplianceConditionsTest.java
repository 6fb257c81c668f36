package com.smarttoaster.hal.sim;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.smarttoaster.toast.BreadType;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;

class ApplianceConditionsTest {
  private static void assertRejected(String field, Executable e) {
    IllegalArgumentException ex = assertThrows(IllegalArgumentException.class, e);
    assertTrue(
        ex.getMessage().contains(field), "message should name " + field + ": " + ex.getMessage());
  }

  @Test
  void typicalIsTheCalibrationBaseline() {
    ApplianceConditions c = ApplianceConditions.typical();
    assertEquals(new ApplianceConditions(21, 230, 21, 2, BreadType.WHITE, 12, 21), c);
  }

  @Test
  void withersChangeOneField() {
    ApplianceConditions c = ApplianceConditions.typical();
    assertEquals(5, c.withAmbientC(5).ambientC());
    assertEquals(207, c.withMainsVolts(207).mainsVolts());
    assertEquals(120, c.withChamberStartC(120).chamberStartC());
    assertEquals(1, c.withSlices(1).slices());
    assertEquals(BreadType.RYE, c.withBread(BreadType.RYE).bread());
    assertEquals(35, c.withThicknessMm(35).thicknessMm());
    assertEquals(-18, c.withBreadStartC(-18).breadStartC());
    assertEquals(c, c.withAmbientC(5).withAmbientC(21));
  }

  @Test
  void acceptsPhysicallyPossibleValuesOutsideTheRealisticEnvelope() {
    new ApplianceConditions(-10, 120, 260, 1, BreadType.BAGEL, 50, -40);
  }

  @Test
  void rejectsImpossibleValuesNamingTheField() {
    assertRejected(
        "ambientC", () -> new ApplianceConditions(-300, 230, 21, 2, BreadType.WHITE, 12, 21));
    assertRejected(
        "chamberStartC",
        () -> new ApplianceConditions(21, 230, Double.NaN, 2, BreadType.WHITE, 12, 21));
    assertRejected(
        "breadStartC",
        () ->
            new ApplianceConditions(21, 230, 21, 2, BreadType.WHITE, 12, Double.NEGATIVE_INFINITY));
    assertRejected(
        "mainsVolts", () -> new ApplianceConditions(21, -1, 21, 2, BreadType.WHITE, 12, 21));
    assertRejected(
        "slices", () -> new ApplianceConditions(21, 230, 21, 3, BreadType.WHITE, 12, 21));
    assertRejected("bread", () -> new ApplianceConditions(21, 230, 21, 2, null, 12, 21));
    assertRejected(
        "thicknessMm", () -> new ApplianceConditions(21, 230, 21, 2, BreadType.WHITE, 0, 21));
  }
}
