package com.smarttoaster.hal.sim;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class ShadeScaleTest {
  @Test
  void documentedTable() {
    double[] expected = {10, 15, 20, 25, 30, 35, 40};
    for (int shade = 1; shade <= 7; shade++) {
      assertEquals(
          expected[shade - 1], ShadeScale.deltaEForShade(shade), 1e-12, "ΔE of shade " + shade);
    }
  }

  @Test
  void directionsAreInverse() {
    for (double shade = ShadeScale.shadeForDeltaE(0); shade < 12; shade += 0.01) {
      assertEquals(
          shade,
          ShadeScale.shadeForDeltaE(ShadeScale.deltaEForShade(shade)),
          1e-9,
          "shade " + shade);
    }
    for (double de = 0; de < 60; de += 0.05) {
      assertEquals(de, ShadeScale.deltaEForShade(ShadeScale.shadeForDeltaE(de)), 1e-9, "ΔE " + de);
    }
  }

  @Test
  void strictlyMonotonic() {
    double prev = Double.NEGATIVE_INFINITY;
    for (double de = 0; de <= BrowningModel.DELTA_E_BURNT; de += 0.1) {
      double shade = ShadeScale.shadeForDeltaE(de);
      assertTrue(shade > prev, "shade must grow with ΔE at ΔE " + de);
      prev = shade;
    }
  }

  @Test
  void definedForEveryColourChange() {
    assertEquals(-1.0, ShadeScale.shadeForDeltaE(0), 1e-12, "untoasted bread is below shade 1");
    assertTrue(
        ShadeScale.shadeForDeltaE(BrowningModel.DELTA_E_BURNT) > 7, "burnt is beyond shade 7");
    assertThrows(IllegalArgumentException.class, () -> ShadeScale.shadeForDeltaE(-0.1));
    assertThrows(IllegalArgumentException.class, () -> ShadeScale.shadeForDeltaE(Double.NaN));
    assertThrows(IllegalArgumentException.class, () -> ShadeScale.deltaEForShade(-1.5));
    assertThrows(IllegalArgumentException.class, () -> ShadeScale.deltaEForShade(Double.NaN));
  }
}
