/**
 * The simulated appliance's physics: heating elements, chamber, bread, browning, the chamber
 * thermocouple, and the shade oracle built on them.
 *
 * <h2>Loop API</h2>
 *
 * {@link com.smarttoaster.hal.sim.ToasterPhysics} is stepped explicitly like WPILib's simulation
 * classes: set the inputs ({@code setElementPowered}, {@code setBreadInChamber}, {@code
 * setExternalHeatW}), call {@code update(dt)} (stable and accurate at 0.01 s; longer steps are
 * split into steps of at most 0.02 s), read the outputs. {@link
 * com.smarttoaster.hal.sim.SimulatedThermocouple} turns the true chamber temperature into what a
 * MAX31855 would report. {@link com.smarttoaster.hal.sim.ShadeOracle} finds the heating time that
 * gives a shade. Start state: {@link com.smarttoaster.hal.sim.ApplianceConditions}.
 *
 * <h2>Model</h2>
 *
 * <pre>
 * Elements     P = V²/R, R = 230²/950 = 55.7 Ω (950 W at 230 V; 207 V gives 770 W, −19 %)
 *              ribbons, C_r = 18 J/K: glow at 600–700 °C within about 20 s at 230 V
 * Nodes        ribbons r, mica boards b (C_b = 130 J/K), walls w (C_w = 560 J/K),
 *              air at the thermocouple a (C_a = 5 J/K: the gap between an outer board and its
 *              reflector, where the probe's tip sits), bread slab s (surface cell)
 * Radiation    Q = σ·εFA·(T₁⁴ − T₂⁴):  r→slice 0.0046 m², r→boards 0.0061 m² (+ an empty slot's
 *              0.0046 m²), boards→slice 0.018 m²
 * Convection   G (W/K): r→boards 0.5 (through the mica), r→air 0.07, boards→slice 0.5,
 *              boards→walls 0.46, boards→air 0.066, air→walls 1.0,
 *              draught boards→room 0.84, vent air→room 0.02, housing walls→room 1.9
 * Balances     C_r·dT_r/dt = P − n·Q_rs − Q_rb − Q_ra
 *              C_b·dT_b/dt = Q_rb − n·Q_bs − Q_bw − Q_ba − Q_draught
 *              C_a·dT_a/dt = Q_ra + Q_ba − Q_aw − Q_vent + Q_external
 *              C_w·dT_w/dt = Q_bw + Q_aw − Q_housing            (n = slices in the chamber)
 * Bread        1-D slab, both faces heated, cells 0.8 mm at the face growing ×1.6 inwards;
 *              per cell enthalpy H and moisture X; ice thaws over −3…0 °C (L_f = 334 kJ/kg on
 *              60 % of the water); a wet cell cannot pass 100 °C: the excess boils water off
 *              (L_v = 2.257 MJ/kg); k = k_dry + (k_moist − k_dry)·X with k_dry = 0.04 W/(m·K);
 *              c = w·4180 + (1 − w)·1600 J/(kg·K)
 * Out          popped bread cools by h = 10 W/(m²·K) and radiation (ε 0.9) to the room
 * Browning     dΔE/dt = k·(ΔE∞ − ΔE), k = f_bread·k0·exp(−Ea/(R·T_surface))
 *              ΔE∞ = 52, k0 = 42 000 s⁻¹, Ea = 64 151 J/mol (Zanoni, Peri &amp; Bruno 1995,
 *              LWT 28:604–609, fitted on dried crumb browned at 140–250 °C; the simulated
 *              surface passes 250 °C above shade 1 and reaches about 330 °C at shade 7, so
 *              those shades extrapolate the law: see docs/physics-validation.md)
 * </pre>
 *
 * <h2>Where the thermocouple is</h2>
 *
 * The probe's tip sits in the air gap between one outer mica board and the reflector behind it,
 * behind the mica and a few centimetres from the ribbons (hardware/README.md, "Where the
 * thermocouple probe sits"); {@link com.smarttoaster.hal.sim.ToasterPhysics#chamberC()} is the air
 * there. It reads far below the bread surface and the ribbons: about 90 °C at the end of a medium
 * cycle in a cold toaster (surface near 280 °C, ribbons near 700 °C), up to about 170 °C in
 * back-to-back dark cycles, about 225 °C at most when a cycle starts in a toaster at 200 °C. Tied
 * to the reflector, it cools within tens of seconds of a pop while the boards and ribbons keep
 * their heat, so after a short pause it understates how warm the toaster is (BackToBackTest).
 *
 * <h2>Electrical path and hardware protection</h2>
 *
 * <pre>
 * Mains path   live → thermal fuse → thermal cut-out → carriage contacts → SSR → elements
 *              (SimulatedAppliance.isHeatFlowing: heat only while every one is closed)
 * Dead-man     retriggerable monostable on the trigger pin's rising edges, t_w 0.248…0.357 s
 *              (0.300 s nominal, TPUL2G123 + 300 kΩ/1 µF); the model uses 0.357 s. Q AND heater
 *              GPIO drives the SSR, Q AND latch GPIO the magnet; low at power-up (DeadManStage)
 * SSR          zero-cross: conducts through a half-cycle iff driven at the zero crossing that
 *              began it; off at the next current zero, ≤ 10 ms at 50 Hz (ZeroCrossSsr)
 * Protectors   on a bracket at the outer mica board: τ·dT/dt = T_room + 0.38·(T_board − T_room) − T,
 *              τ = 45 s (ProtectorMount); cut-out KSD301 180 ± 3 °C, manual reset after 20 °C of
 *              cooling (ThermalCutout); fuse SEFUSE SF240R, opens at 230 °C (ThermalFuse)
 * </pre>
 *
 * <h2>Bread types</h2>
 *
 * <pre>
 *   type        water  density kg/m³  k W/(m·K)  browning ×   (modelling assumptions,
 *   white        0.38        260        0.11        1.0        typical literature ranges;
 *   wholegrain   0.40        300        0.13        0.9        see BreadProperties)
 *   sourdough    0.40        280        0.13        0.85
 *   rye          0.40        310        0.14        0.8
 *   brioche      0.30        230        0.10        1.6
 *   bagel        0.35        330        0.15        1.05
 * </pre>
 *
 * <h2>Shade scale</h2>
 *
 * ΔE = 5 + 5·shade ({@link com.smarttoaster.hal.sim.ShadeScale}):
 *
 * <pre>
 *   shade   1    2    3    4    5    6    7    (9.4 = burnt, ΔE 52)
 *   ΔE     10   15   20   25   30   35   40
 *          pale golden … golden brown (4) … very dark brown (7)
 * </pre>
 *
 * <h2>Sources and calibration</h2>
 *
 * Physical constants (σ, latent heats, specific heats, R) are textbook values. The browning
 * kinetics are the published Zanoni et al. constants. docs/physics-validation.md holds the
 * simulator against published measurements, row by row with the source (the table is
 * src/test/resources/physics-validation.csv, checked by PhysicsValidationTest), and records where
 * it still disagrees. Geometry is that of a common two-slice toaster. The heat-path coefficients in
 * {@link com.smarttoaster.hal.sim.HeatPaths} were sized from that geometry and then calibrated
 * within physical bounds so that the oracle times and the chamber behaviour meet the targets that
 * the tests in this package check (a 12 mm white slice at shade 4 in a cold toaster: about 108 s;
 * the longest realistic case stays under 280 s; the chamber stays below 255 °C in realistic cycles
 * and rises within 20 s of heat).
 */
package com.smarttoaster.hal.sim;
