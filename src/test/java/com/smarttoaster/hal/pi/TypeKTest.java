package com.smarttoaster.hal.pi;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The type-K functions against the NIST ITS-90 table (Monograph 175, type K thermoelectric voltage
 * in mV, reference junction at 0 °C), whose entries are rounded to 1 µV.
 */
class TypeKTest {
  @ParameterizedTest(name = "E({0} °C) = {1} mV")
  @CsvSource({
    "-200, -5.891",
    "-100, -3.554",
    "-10, -0.392",
    "0, 0.000",
    "25, 1.000",
    "100, 4.096",
    "200, 8.138",
    "280, 11.382",
    "300, 12.209",
    "500, 20.644",
    "1000, 41.276",
    "1372, 54.886"
  })
  void forwardMatchesTheNistTable(double celsius, double millivolts) {
    assertEquals(millivolts, TypeK.millivolts(celsius), 0.0006);
  }

  @ParameterizedTest(name = "t({1} mV) = {0} °C")
  @CsvSource({
    "-200, -5.891",
    "-100, -3.554",
    "0, 0.000",
    "25, 1.000",
    "100, 4.096",
    "280, 11.382",
    "500, 20.644",
    "1000, 41.276"
  })
  void inverseMatchesTheNistTable(double celsius, double millivolts) {
    // 1 µV of table rounding is 0.04 °C at most (slope ≥ 25 µV/°C); NIST's inverse error is ≤ 0.06
    // °C
    assertEquals(celsius, TypeK.celsius(millivolts), 0.1);
  }

  @Test
  void theChipsLinearConversionReads3Point5LowAt280WithTheChipAt25() {
    // (11.382 − 1.000) mV / 0.041276 mV/°C + 25 °C = 276.53 °C
    assertEquals(276.53, TypeK.chipHotC(280.0, 25.0), 0.02);
    assertEquals(
        280.0,
        TypeK.correctedHotC(276.53, 25.0),
        0.05,
        "NIST inverse error and the 0.01 °C rounding");
  }

  @Test
  void noInverseOutsideTheNistRange() {
    IllegalArgumentException e =
        assertThrows(IllegalArgumentException.class, () -> TypeK.celsius(60.0));
    assertTrue(
        e.getMessage().contains("60.000 mV") && e.getMessage().contains("54.886"), e.getMessage());
  }
}
