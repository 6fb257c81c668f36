package com.smarttoaster.hal.sim;

import static com.smarttoaster.hal.sim.HeatPaths.AIR_TO_WALL_W_PER_K;
import static com.smarttoaster.hal.sim.HeatPaths.AIR_VENT_W_PER_K;
import static com.smarttoaster.hal.sim.HeatPaths.BOARD_DRAUGHT_W_PER_K;
import static com.smarttoaster.hal.sim.HeatPaths.BOARD_TO_AIR_W_PER_K;
import static com.smarttoaster.hal.sim.HeatPaths.BOARD_TO_SLICE_M2;
import static com.smarttoaster.hal.sim.HeatPaths.BOARD_TO_SLICE_W_PER_K;
import static com.smarttoaster.hal.sim.HeatPaths.BOARD_TO_WALL_W_PER_K;
import static com.smarttoaster.hal.sim.HeatPaths.BREAD_EMISSIVITY;
import static com.smarttoaster.hal.sim.HeatPaths.RIBBON_TO_AIR_W_PER_K;
import static com.smarttoaster.hal.sim.HeatPaths.RIBBON_TO_BOARD_M2;
import static com.smarttoaster.hal.sim.HeatPaths.RIBBON_TO_BOARD_W_PER_K;
import static com.smarttoaster.hal.sim.HeatPaths.RIBBON_TO_SLICE_M2;
import static com.smarttoaster.hal.sim.HeatPaths.ROOM_CONVECTION_W_PER_M2K;
import static com.smarttoaster.hal.sim.HeatPaths.SIGMA;
import static com.smarttoaster.hal.sim.HeatPaths.WALL_LOSS_W_PER_K;
import static com.smarttoaster.hal.sim.HeatPaths.kelvin4;

import com.smarttoaster.toast.BreadType;

/**
 * Thermal and browning physics of a two-slot toaster, stepped explicitly: set the inputs, call
 * {@link #update(double)}, read the outputs.
 *
 * <p>Thermal nodes: ribbons (r), mica boards (b), walls (w), air at the thermocouple (a) and the
 * bread slab (s: its surface cell; see {@link BreadSlab}). All slices in the toaster are alike, so
 * one is simulated and its heat flows count once per slice; n is the number of slices in the
 * chamber (0 once they popped). With {@link HeatPaths} for every G and εFA:
 *
 * <pre>
 *   Q_rs = σ·εFA_rs·(T_r⁴ − T_s⁴)                                 ribbon → each slice
 *   Q_rb = σ·(εFA_rb + (2 − n)·εFA_rs)·(T_r⁴ − T_b⁴) + G_rb·(T_r − T_b)
 *                                      ribbon → boards (an empty slot's ribbons shine on a board)
 *   Q_bs = σ·εFA_bs·(T_b⁴ − T_s⁴) + G_bs·(T_b − T_s)             boards → each slice
 *   Q_ra = G_ra·(T_r − T_a),  Q_ba = G_ba·(T_b − T_a)             → air at the thermocouple
 *   Q_bw = G_bw·(T_b − T_w),  Q_aw = G_aw·(T_a − T_w)             → walls
 *   Q_d  = G_d·(T_b − T_amb)                                      chimney draught through slots
 *   Q_v  = G_v·(T_a − T_amb),  Q_wl = G_wl·(T_w − T_amb)          vents, housing → room
 *
 *   C_r·dT_r/dt = P − n·Q_rs − Q_rb − Q_ra                        P = V²/R while powered
 *   C_b·dT_b/dt = Q_rb − n·Q_bs − Q_bw − Q_ba − Q_d
 *   C_a·dT_a/dt = Q_ra + Q_ba − Q_aw − Q_v + Q_ext                Q_ext: e.g. a crumb fire
 *   C_w·dT_w/dt = Q_bw + Q_aw − Q_wl
 *   the slice surface receives Q_rs + Q_bs
 * </pre>
 *
 * Out of the chamber a slice cools in room air: Q = h_room·A·(T_amb − T_s) + σ·ε_bread·A·(T_amb⁴ −
 * T_s⁴), so its surface drops below browning temperatures within seconds. Browning follows the
 * surface temperature ({@link BrowningModel}).
 *
 * <p>At the start the ribbons, boards, walls and air are all at {@code chamberStartC} (a toaster
 * that has rested long enough to even out) and the bread at {@code breadStartC}.
 *
 * <p>Explicit Euler in steps of at most {@link #MAX_STEP_S}: the fastest node (the ribbons, C/ΣG ≈
 * 1 s when glowing) is far slower than that. {@link #update} allocates nothing.
 */
public final class ToasterPhysics {
  /** Largest internal integration step, s; longer updates are split into equal steps. */
  static final double MAX_STEP_S = 0.02;

  private int slices;
  private final ElementModel element;
  private final ChamberModel chamber;
  private BreadProperties breadProps;
  private double thicknessMm;
  private double breadStartC;
  private BreadSlab slice;
  private BrowningModel browning;
  private boolean breadIn = true;
  private double externalHeatW;

  /** {@link #update}'s split of the last {@code dtS}: callers step with one fixed dt. */
  private double splitDtS = Double.NaN;

  private int splitSteps;
  private double splitStepS;

  /** A toaster in the state {@code c} describes: bread in the slots, elements off. */
  public ToasterPhysics(ApplianceConditions c) {
    if (c == null) {
      throw new IllegalArgumentException("conditions are required");
    }
    this.slices = c.slices();
    this.element = new ElementModel(c.mainsVolts(), c.nominalMainsVolts(), c.chamberStartC());
    this.chamber = new ChamberModel(c.ambientC(), c.chamberStartC());
    this.breadProps = BreadProperties.of(c.bread());
    this.thicknessMm = c.thicknessMm();
    this.breadStartC = c.breadStartC();
    loadFreshBread();
  }

  private ToasterPhysics(ToasterPhysics o) {
    this.slices = o.slices;
    this.element = o.element.copy();
    this.chamber = o.chamber.copy();
    this.breadProps = o.breadProps;
    this.thicknessMm = o.thicknessMm;
    this.breadStartC = o.breadStartC;
    this.slice = o.slice.copy();
    this.browning = o.browning.copy();
    this.breadIn = o.breadIn;
    this.externalHeatW = o.externalHeatW;
  }

  /** An independent copy of the whole state (used by {@link ShadeOracle} to branch a run). */
  public ToasterPhysics copy() {
    return new ToasterPhysics(this);
  }

  /**
   * Replaces the slices with fresh ones as the conditions described them (same bread, thickness and
   * starting temperature, unbrowned), as a user does between back-to-back cycles. Ribbons, boards,
   * walls and air keep their heat.
   */
  public void loadFreshBread() {
    slice = new BreadSlab(breadProps, thicknessMm, breadStartC);
    browning = new BrowningModel(breadProps.browningRateFactor());
  }

  /**
   * Puts different fresh slices in (a back-to-back cycle with other bread); ribbons, boards, walls
   * and air keep their heat. The bread is in the chamber afterwards.
   *
   * @param slicesIn 1 or 2
   * @param bread bread type
   * @param thicknessMmIn slice thickness, mm (at least {@link
   *     ApplianceConditions#MIN_THICKNESS_MM})
   * @param startC the new bread's temperature, °C
   */
  public void loadBread(int slicesIn, BreadType bread, double thicknessMmIn, double startC) {
    ApplianceConditions check =
        new ApplianceConditions(
            chamber.ambientC(),
            element.volts(),
            chamber.airC(),
            slicesIn,
            bread,
            thicknessMmIn,
            startC);
    this.slices = check.slices();
    this.breadProps = BreadProperties.of(check.bread());
    this.thicknessMm = check.thicknessMm();
    this.breadStartC = check.breadStartC();
    this.breadIn = true;
    loadFreshBread();
  }

  /** True while current flows through the elements. */
  public void setElementPowered(boolean powered) {
    element.setPowered(powered);
  }

  /** False once the carriage pops: the bread is out and cools in room air; true puts it back. */
  public void setBreadInChamber(boolean in) {
    breadIn = in;
  }

  /**
   * Heat entering the chamber air from outside the elements, W (a crumb fire; 0 for none). It goes
   * into the air at the thermocouple (heat capacity 5 J/K, about 1.2 W/K of paths to ribbons,
   * boards, walls and vents): W watts first raise the air at W / 5 °C/s, and a steady W settles
   * roughly W / 1.2 °C above the fire-free temperature while the walls slowly warm too. To make the
   * chamber climb at r °C/s, start with 5·r W and add 1.2 W for every kelvin the fire has already
   * added.
   */
  public void setExternalHeatW(double watts) {
    if (!Double.isFinite(watts)) {
      throw new IllegalArgumentException("external heat " + watts + " W must be finite");
    }
    externalHeatW = watts;
  }

  /**
   * Advances the physics by {@code dtS} seconds (split into steps of at most {@link #MAX_STEP_S}).
   *
   * @throws IllegalArgumentException if {@code dtS} is negative, NaN or infinite
   */
  public void update(double dtS) {
    if (!(dtS >= 0) || Double.isInfinite(dtS)) {
      throw new IllegalArgumentException("dtS " + dtS + " must be a finite time of 0 s or more");
    }
    if (dtS != splitDtS) {
      splitDtS = dtS;
      splitSteps = (int) Math.ceil(dtS / MAX_STEP_S);
      splitStepS = splitSteps == 0 ? 0 : dtS / splitSteps;
    }
    for (int i = 0; i < splitSteps; i++) {
      step(splitStepS);
    }
  }

  private void step(double dt) {
    double tr = element.tempC();
    double tb = chamber.boardC();
    double ta = chamber.airC();
    double tw = chamber.wallC();
    double tamb = chamber.ambientC();
    double ts = slice.surfaceC();
    double tr4 = kelvin4(tr);
    double tb4 = kelvin4(tb);
    double ts4 = kelvin4(ts);

    int n = breadIn ? slices : 0;
    double ribbonToSlice = SIGMA * RIBBON_TO_SLICE_M2 * (tr4 - ts4);
    double ribbonToBoard =
        SIGMA * (RIBBON_TO_BOARD_M2 + (2 - n) * RIBBON_TO_SLICE_M2) * (tr4 - tb4)
            + RIBBON_TO_BOARD_W_PER_K * (tr - tb);
    double ribbonToAir = RIBBON_TO_AIR_W_PER_K * (tr - ta);
    double boardToSlice =
        SIGMA * BOARD_TO_SLICE_M2 * (tb4 - ts4) + BOARD_TO_SLICE_W_PER_K * (tb - ts);
    double boardToWall = BOARD_TO_WALL_W_PER_K * (tb - tw);
    double boardToAir = BOARD_TO_AIR_W_PER_K * (tb - ta);
    double draught = BOARD_DRAUGHT_W_PER_K * (tb - tamb);
    double airToWall = AIR_TO_WALL_W_PER_K * (ta - tw);
    double vent = AIR_VENT_W_PER_K * (ta - tamb);
    double wallLoss = WALL_LOSS_W_PER_K * (tw - tamb);

    double sliceInW;
    if (breadIn) {
      sliceInW = ribbonToSlice + boardToSlice;
    } else {
      double area = BreadSlab.EXPOSED_AREA_M2;
      sliceInW =
          ROOM_CONVECTION_W_PER_M2K * area * (tamb - ts)
              + SIGMA * BREAD_EMISSIVITY * area * (kelvin4(tamb) - ts4);
    }

    element.addHeat((element.powerW() - n * ribbonToSlice - ribbonToBoard - ribbonToAir) * dt);
    chamber.addBoardHeat(
        (ribbonToBoard - n * boardToSlice - boardToWall - boardToAir - draught) * dt);
    chamber.addAirHeat((ribbonToAir + boardToAir - airToWall - vent + externalHeatW) * dt);
    chamber.addWallHeat((boardToWall + airToWall - wallLoss) * dt);
    slice.step(sliceInW, dt);
    browning.update(slice.surfaceC(), dt);
  }

  /** True chamber air temperature at the thermocouple, °C. */
  public double chamberC() {
    return chamber.airC();
  }

  /** Heating-ribbon temperature, °C. */
  public double elementC() {
    return element.tempC();
  }

  /** Mica-board temperature, °C (for tests and diagnostics). */
  public double boardC() {
    return chamber.boardC();
  }

  /** Wall temperature, °C (for tests and diagnostics). */
  double wallC() {
    return chamber.wallC();
  }

  /** Bread surface temperature (the outer 0.8 mm), °C. */
  public double breadSurfaceC() {
    return slice.surfaceC();
  }

  /** Bread temperature at the centre plane of the slice, °C. */
  public double breadCoreC() {
    return slice.coreC();
  }

  /** Fraction of the surface layer's initial water left, 0..1. */
  public double surfaceMoisture() {
    return slice.surfaceMoisture();
  }

  /** Colour change ΔE (CIELAB) of the bread surface: 0 unchanged … 52 burnt. */
  public double browningDeltaE() {
    return browning.deltaE();
  }

  /** Shade reached so far, real-valued: {@code ShadeScale.shadeForDeltaE(browningDeltaE())}. */
  public double achievedShade() {
    return ShadeScale.shadeForDeltaE(browning.deltaE());
  }

  /** Electrical power in the elements now, W (0 when not powered). */
  public double elementPowerW() {
    return element.powerW();
  }

  /**
   * Current in the element lead while the elements are powered, A rms (what a current transformer
   * sees).
   */
  public double elementCurrentWhenPoweredA() {
    return element.currentWhenPoweredA();
  }

  /** The actual mains voltage, V rms. */
  public double mainsVolts() {
    return element.volts();
  }
}
