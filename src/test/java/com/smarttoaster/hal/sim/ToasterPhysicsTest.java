package com.smarttoaster.hal.sim;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.smarttoaster.toast.BreadType;
import java.lang.management.ManagementFactory;
import org.junit.jupiter.api.Test;

class ToasterPhysicsTest {
  private static final double DT = 0.01;
  private static final ApplianceConditions BASE = ApplianceConditions.typical();

  private static void run(ToasterPhysics p, double seconds) {
    for (int i = 0; i < Math.round(seconds / DT); i++) {
      p.update(DT);
    }
  }

  @Test
  void startsInTheGivenState() {
    ToasterPhysics p =
        new ToasterPhysics(new ApplianceConditions(21, 230, 150, 2, BreadType.WHITE, 12, -18));
    assertEquals(150, p.chamberC(), 0.0);
    assertEquals(150, p.elementC(), 0.0);
    assertEquals(-18, p.breadSurfaceC(), 1e-9);
    assertEquals(-18, p.breadCoreC(), 1e-9);
    assertEquals(1.0, p.surfaceMoisture(), 0.0);
    assertEquals(0.0, p.browningDeltaE(), 0.0);
    assertEquals(0.0, p.elementPowerW(), 0.0, "elements start off");
  }

  @Test
  void powerFollowsTheSquareOfTheMainsVoltage() {
    ToasterPhysics p = new ToasterPhysics(BASE);
    p.setElementPowered(true);
    assertEquals(950, p.elementPowerW(), 1e-9, "rated power at 230 V");
    ToasterPhysics sagged = new ToasterPhysics(BASE.withMainsVolts(207));
    sagged.setElementPowered(true);
    assertEquals(
        0.81, sagged.elementPowerW() / p.elementPowerW(), 1e-9, "a 10 % sag gives 19 % less power");
    p.setElementPowered(false);
    assertEquals(0, p.elementPowerW(), 0.0);
  }

  @Test
  void aHundredTwentyVoltApplianceOnItsMainsBehavesLikeATwoThirtyVoltOneOnItsOwn() {
    ApplianceConditions eu = BASE;
    ApplianceConditions us = BASE.withNominalMainsVolts(120).withMainsVolts(120);
    ToasterPhysics a = new ToasterPhysics(eu);
    ToasterPhysics b = new ToasterPhysics(us);
    a.setElementPowered(true);
    b.setElementPowered(true);
    assertEquals(950, b.elementPowerW(), 1e-9, "rated power at the rated 120 V");
    assertEquals(230 / (230.0 * 230 / 950), a.elementCurrentWhenPoweredA(), 1e-9);
    assertEquals(
        120 / (120.0 * 120 / 950),
        b.elementCurrentWhenPoweredA(),
        1e-9,
        "I = P/V: twice the current");
    run(a, 90);
    run(b, 90);
    assertEquals(a.elementC(), b.elementC(), 1e-9, "same power, same ribbons");
    assertEquals(a.chamberC(), b.chamberC(), 1e-9);
    assertEquals(a.browningDeltaE(), b.browningDeltaE(), 1e-9);
    for (int shade : new int[] {1, 4, 7}) {
      assertEquals(
          ShadeOracle.bestHeatSeconds(eu, shade, 300),
          ShadeOracle.bestHeatSeconds(us, shade, 300),
          0.0,
          "shade " + shade);
    }
  }

  @Test
  void mainsAwayFromTheNominalChangesPowerAsTheSquareOfTheVoltage() {
    double[][] cases = {{120, 108}, {120, 132}, {120, 120}, {230, 207}, {230, 253}, {230, 120}};
    for (double[] nv : cases) {
      ToasterPhysics p =
          new ToasterPhysics(BASE.withNominalMainsVolts(nv[0]).withMainsVolts(nv[1]));
      p.setElementPowered(true);
      double expected = 950 * (nv[1] / nv[0]) * (nv[1] / nv[0]);
      assertEquals(expected, p.elementPowerW(), 1e-9, nv[1] + " V on a " + nv[0] + " V appliance");
      assertEquals(expected / nv[1], p.elementCurrentWhenPoweredA(), 1e-9, "I = V/R");
    }
    double low =
        ShadeOracle.bestHeatSeconds(BASE.withNominalMainsVolts(120).withMainsVolts(108), 4, 300);
    double lowEu = ShadeOracle.bestHeatSeconds(BASE.withMainsVolts(207), 4, 300);
    assertEquals(lowEu, low, 0.0, "−10 % on either appliance is the same 81 % of rated power");
  }

  @Test
  void elementsGlowWithinHalfAMinute() {
    ToasterPhysics p = new ToasterPhysics(BASE);
    p.setElementPowered(true);
    run(p, 30);
    assertTrue(
        p.elementC() > 550,
        "element at " + p.elementC() + " °C after 30 s, expected a glow (> 550 °C)");
    assertTrue(
        p.elementC() < 1000,
        "element at " + p.elementC() + " °C: nichrome would be near its limit");
  }

  @Test
  void frozenBreadThawsBeforeItWarms() {
    ToasterPhysics p = new ToasterPhysics(BASE.withThicknessMm(20).withBreadStartC(-18));
    p.setElementPowered(true);
    double thawingS = 0;
    for (int i = 0; i < 150 / DT; i++) {
      p.update(DT);
      if (p.breadCoreC() > -3.0 && p.breadCoreC() < 0.0) {
        thawingS += DT;
      }
    }
    assertTrue(thawingS > 10, "the core spent only " + thawingS + " s thawing between −3 and 0 °C");
  }

  @Test
  void poppedBreadCoolsAndStopsBrowning() {
    ToasterPhysics p = new ToasterPhysics(BASE);
    p.setElementPowered(true);
    run(p, ShadeOracle.bestHeatSeconds(BASE, 4, 300));
    p.setElementPowered(false);
    p.setBreadInChamber(false);
    run(p, 5);
    double deltaE = p.browningDeltaE();
    run(p, 60);
    assertEquals(deltaE, p.browningDeltaE(), 0.05, "browning must stop once the bread is out");
    assertTrue(
        p.breadSurfaceC() < 70,
        "surface at " + p.breadSurfaceC() + " °C after a minute in room air");
  }

  @Test
  void browningApproachesTheBurntLimit() {
    ToasterPhysics p = new ToasterPhysics(BASE);
    p.setElementPowered(true);
    run(p, 400);
    assertTrue(
        p.browningDeltaE() > 50 && p.browningDeltaE() <= BrowningModel.DELTA_E_BURNT,
        "ΔE " + p.browningDeltaE() + " after 400 s");
    assertEquals(ShadeScale.shadeForDeltaE(p.browningDeltaE()), p.achievedShade(), 1e-12);
  }

  @Test
  void briocheBrownsFasterThanRyeAtTheSameTemperature() {
    BrowningModel brioche =
        new BrowningModel(BreadProperties.of(BreadType.BRIOCHE).browningRateFactor());
    BrowningModel rye = new BrowningModel(BreadProperties.of(BreadType.RYE).browningRateFactor());
    BrowningModel white = new BrowningModel(1.0);
    assertEquals(
        42_000 * Math.exp(-64_151 / (8.314 * 473.15)),
        white.rateConstantPerS(200),
        1e-12,
        "Zanoni et al. k at 200 °C");
    assertTrue(brioche.rateConstantPerS(200) > white.rateConstantPerS(200));
    assertTrue(rye.rateConstantPerS(200) < white.rateConstantPerS(200));
  }

  @Test
  void freshBreadReplacesTheToastButTheChamberKeepsItsHeat() {
    ToasterPhysics p =
        new ToasterPhysics(
            BASE.withBread(BreadType.BAGEL).withThicknessMm(35).withBreadStartC(-18));
    p.setElementPowered(true);
    run(p, 120);
    double chamberC = p.chamberC();
    double elementC = p.elementC();
    assertTrue(p.browningDeltaE() > 5 && p.surfaceMoisture() < 1, "the first slices were toasted");

    p.loadFreshBread();

    assertEquals(-18, p.breadSurfaceC(), 1e-9, "fresh slices straight from the freezer");
    assertEquals(-18, p.breadCoreC(), 1e-9);
    assertEquals(1.0, p.surfaceMoisture(), 0.0);
    assertEquals(0.0, p.browningDeltaE(), 0.0);
    assertEquals(chamberC, p.chamberC(), 0.0, "the chamber keeps its heat");
    assertEquals(elementC, p.elementC(), 0.0);
  }

  @Test
  void externalHeatWarmsTheChamber() {
    ToasterPhysics p = new ToasterPhysics(BASE);
    p.setExternalHeatW(150);
    run(p, 5);
    assertTrue(
        p.chamberC() > 50,
        "150 W of crumb fire for 5 s left the chamber at " + p.chamberC() + " °C");
    p.setExternalHeatW(0);
    double c = p.chamberC();
    run(p, 10);
    assertTrue(p.chamberC() < c, "without the fire the chamber cools");
  }

  @Test
  void longUpdatesAreSplitIntoSmallSteps() {
    ToasterPhysics fine = new ToasterPhysics(BASE);
    ToasterPhysics coarse = new ToasterPhysics(BASE);
    fine.setElementPowered(true);
    coarse.setElementPowered(true);
    for (int s = 0; s < 120; s++) {
      run(fine, 1.0);
      coarse.update(1.0);
    }
    assertEquals(fine.chamberC(), coarse.chamberC(), 0.05, "chamber");
    assertEquals(fine.breadSurfaceC(), coarse.breadSurfaceC(), 1.0, "surface");
    assertEquals(fine.browningDeltaE(), coarse.browningDeltaE(), 0.5, "ΔE");
    double before = coarse.chamberC();
    coarse.update(0);
    assertEquals(before, coarse.chamberC(), 0.0, "a zero step changes nothing");
  }

  @Test
  void deterministic() {
    ToasterPhysics a = new ToasterPhysics(BASE);
    ToasterPhysics b = new ToasterPhysics(BASE);
    a.setElementPowered(true);
    b.setElementPowered(true);
    run(a, 100);
    run(b, 100);
    assertEquals(a.chamberC(), b.chamberC(), 0.0);
    assertEquals(a.browningDeltaE(), b.browningDeltaE(), 0.0);
  }

  @Test
  void rejectsNonsenseInputs() {
    ToasterPhysics p = new ToasterPhysics(BASE);
    assertThrows(IllegalArgumentException.class, () -> p.update(-0.01));
    assertThrows(IllegalArgumentException.class, () -> p.update(Double.NaN));
    assertThrows(
        IllegalArgumentException.class, () -> p.setExternalHeatW(Double.POSITIVE_INFINITY));
    assertThrows(IllegalArgumentException.class, () -> new ToasterPhysics(null));
  }

  @Test
  void updateAllocatesNothing() {
    java.lang.management.ThreadMXBean bean = ManagementFactory.getThreadMXBean();
    if (!(bean instanceof com.sun.management.ThreadMXBean)) {
      return; // no allocation counter on this JVM
    }
    com.sun.management.ThreadMXBean counter = (com.sun.management.ThreadMXBean) bean;
    ToasterPhysics p = new ToasterPhysics(BASE);
    p.setElementPowered(true);
    run(p, 50); // warm up
    long id = Thread.currentThread().getId();
    long before = counter.getThreadAllocatedBytes(id);
    run(p, 200);
    long allocated = counter.getThreadAllocatedBytes(id) - before;
    assertTrue(allocated < 10_000, "20 000 updates allocated " + allocated + " bytes");
  }
}
