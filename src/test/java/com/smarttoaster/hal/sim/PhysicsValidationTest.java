package com.smarttoaster.hal.sim;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.DoubleSupplier;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Holds the simulator to the published measurements in {@code physics-validation.csv} (explained
 * row by row in docs/physics-validation.md). A row expected to pass must have its simulator value
 * inside [low, high]; a row recorded as a known gap must still be outside it, so that a physics
 * change that closes (or opens) a gap fails here until the table and the document say so.
 */
class PhysicsValidationTest {
  private static final String TABLE = "/physics-validation.csv";
  private static final ApplianceConditions TYPICAL = ApplianceConditions.typical();
  private static final double MAX_S = 400;
  private static final double DT = ShadeOracle.DT_S;

  /** What each {@code measure} of the table means, computed with the simulator. */
  private static final Map<String, DoubleSupplier> MEASURES =
      Map.ofEntries(
          Map.entry("typical_shade1_s", () -> oracle(TYPICAL, 1)),
          Map.entry("typical_shade4_s", () -> oracle(TYPICAL, 4)),
          Map.entry("typical_shade7_s", () -> oracle(TYPICAL, 7)),
          Map.entry("typical_shade7_over_shade1", () -> oracle(TYPICAL, 7) / oracle(TYPICAL, 1)),
          Map.entry("typical_14mm_shade5_s", () -> oracle(TYPICAL.withThicknessMm(14), 5)),
          Map.entry("max_surface_c_shade1", () -> maxSurfaceC(1)),
          Map.entry("max_surface_c_shade4", () -> maxSurfaceC(4)),
          Map.entry("max_surface_c_shade7", () -> maxSurfaceC(7)),
          Map.entry("deltae_increases_30_300s", PhysicsValidationTest::deltaEAlwaysIncreases),
          Map.entry("r2_deltae_vs_time_30_300s", PhysicsValidationTest::deltaETimeR2),
          Map.entry(
              "one_over_two_slices_shade4",
              () -> oracle(TYPICAL.withSlices(1), 4) / oracle(TYPICAL, 4)),
          Map.entry("deltae_at_surface_154c", PhysicsValidationTest::deltaEWhenSurfacePasses154C),
          Map.entry("surface_plateau_s", PhysicsValidationTest::surfacePlateauS),
          Map.entry("power_w_230_at_207v", () -> poweredW(TYPICAL.withMainsVolts(207))),
          Map.entry(
              "power_w_120_at_108v",
              () -> poweredW(TYPICAL.withNominalMainsVolts(120).withMainsVolts(108))));

  /** One row of the table. */
  record Point(
      String id, String quantity, String measure, double low, double high, boolean expectPass) {
    @Override
    public String toString() {
      return id;
    }
  }

  static Stream<Point> points() throws IOException {
    List<Point> out = new ArrayList<>();
    try (InputStream in = PhysicsValidationTest.class.getResourceAsStream(TABLE)) {
      assertTrue(in != null, TABLE + " is missing from the test resources");
      BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
      String header = null;
      for (String line = r.readLine(); line != null; line = r.readLine()) {
        if (line.isBlank() || line.startsWith("#")) {
          continue;
        }
        String[] f = line.split("\\|", -1);
        if (header == null) {
          header = line;
          assertEquals(
              "id|quantity|conditions|published|source|measure|low|high|expect", header, "header");
          continue;
        }
        assertEquals(9, f.length, "row " + f[0] + " must have 9 fields: " + line);
        assertTrue(
            f[8].equals("pass") || f[8].equals("gap"),
            "row " + f[0] + ": expect must be pass or gap, not " + f[8]);
        assertFalse(f[4].isBlank(), "row " + f[0] + " names no source");
        out.add(
            new Point(
                f[0],
                f[1],
                f[5],
                Double.parseDouble(f[6]),
                Double.parseDouble(f[7]),
                f[8].equals("pass")));
      }
    }
    assertTrue(out.size() >= 10, "the table has only " + out.size() + " points");
    return out.stream();
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("points")
  void theSimulatorAgreesWithThePublishedValueOrTheGapIsRecorded(Point p) {
    DoubleSupplier measure = MEASURES.get(p.measure());
    assertTrue(measure != null, p.id() + ": unknown measure " + p.measure());
    double value = measure.getAsDouble();
    boolean inside = value >= p.low() && value <= p.high();
    String what =
        p.id()
            + " ("
            + p.quantity()
            + "): simulator "
            + value
            + ", band "
            + p.low()
            + ".."
            + p.high();
    if (p.expectPass()) {
      assertTrue(inside, what + ": outside the published value's tolerance");
    } else {
      assertFalse(
          inside,
          what
              + ": inside the band, but the table records a gap; update"
              + " physics-validation.csv and docs/physics-validation.md");
    }
  }

  private static double oracle(ApplianceConditions c, int shade) {
    return ShadeOracle.bestHeatSeconds(c, shade, MAX_S);
  }

  /** Hottest bread surface over a whole cycle at the oracle time: heat, pop, cool. */
  private static double maxSurfaceC(int shade) {
    double heatS = oracle(TYPICAL, shade);
    ToasterPhysics p = new ToasterPhysics(TYPICAL);
    p.setElementPowered(true);
    double max = p.breadSurfaceC();
    for (long i = 0; i < Math.round(heatS / DT); i++) {
      p.update(DT);
      max = Math.max(max, p.breadSurfaceC());
    }
    p.setElementPowered(false);
    p.setBreadInChamber(false);
    for (long i = 0; i < Math.round(ShadeOracle.COOL_S / DT); i++) {
      p.update(DT);
      max = Math.max(max, p.breadSurfaceC());
    }
    return max;
  }

  /** ΔE after heating 30, 60, …, 300 s (each from a cold toaster, then popped and cooled). */
  private static double[] deltaEOverTime() {
    double[] out = new double[10];
    for (int i = 0; i < out.length; i++) {
      ToasterPhysics p = new ToasterPhysics(TYPICAL);
      p.setElementPowered(true);
      p.update(30.0 * (i + 1));
      p.setElementPowered(false);
      p.setBreadInChamber(false);
      p.update(ShadeOracle.COOL_S);
      out[i] = p.browningDeltaE();
    }
    return out;
  }

  private static double deltaEAlwaysIncreases() {
    double[] e = deltaEOverTime();
    for (int i = 1; i < e.length; i++) {
      if (!(e[i] > e[i - 1])) {
        return 0;
      }
    }
    return 1;
  }

  /** r² of the least-squares line through (t, ΔE(t)), t = 30 … 300 s. */
  private static double deltaETimeR2() {
    double[] e = deltaEOverTime();
    int n = e.length;
    double sx = 0;
    double sy = 0;
    for (int i = 0; i < n; i++) {
      sx += 30.0 * (i + 1);
      sy += e[i];
    }
    double mx = sx / n;
    double my = sy / n;
    double sxy = 0;
    double sxx = 0;
    double syy = 0;
    for (int i = 0; i < n; i++) {
      double dx = 30.0 * (i + 1) - mx;
      double dy = e[i] - my;
      sxy += dx * dy;
      sxx += dx * dx;
      syy += dy * dy;
    }
    return sxy * sxy / (sxx * syy);
  }

  private static double deltaEWhenSurfacePasses154C() {
    ToasterPhysics p = new ToasterPhysics(TYPICAL);
    p.setElementPowered(true);
    for (int i = 0; i < MAX_S / DT; i++) {
      p.update(DT);
      if (p.breadSurfaceC() >= 154) {
        return p.browningDeltaE();
      }
    }
    return Double.NaN;
  }

  /** Seconds the surface spends at 95–105 °C before it first passes 120 °C. */
  private static double surfacePlateauS() {
    ToasterPhysics p = new ToasterPhysics(TYPICAL);
    p.setElementPowered(true);
    double plateau = 0;
    for (int i = 0; i < MAX_S / DT && p.breadSurfaceC() <= 120; i++) {
      p.update(DT);
      if (p.breadSurfaceC() >= 95 && p.breadSurfaceC() <= 105) {
        plateau += DT;
      }
    }
    return plateau;
  }

  private static double poweredW(ApplianceConditions c) {
    ToasterPhysics p = new ToasterPhysics(c);
    p.setElementPowered(true);
    return p.elementPowerW();
  }
}
