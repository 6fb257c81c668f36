package com.smarttoaster.hal.sim;

/**
 * The toasting chamber around the ribbons: three lumped nodes.
 *
 * <ul>
 *   <li>boards: the mica boards that carry the ribbons and the guard wires, facing the bread;
 *       heated by the ribbons, they re-radiate to the bread and keep heat between cycles;
 *   <li>walls: outer reflectors, frame, crumb tray and the inner skin of the housing;
 *   <li>air at the thermocouple, which sits between an outer board and the reflector behind it,
 *       shielded from the ribbons by the mica (hardware/README.md, "Where the thermocouple probe
 *       sits"): it follows the reflector, and reads far below the bread surface.
 * </ul>
 */
final class ChamberModel {
  /**
   * Effective heat capacity of the air at the thermocouple, J/K. The air itself is only about 1.5
   * J/K (1.2 L); the thermocouple's bracket and the sheet metal next to it add the rest. It sets
   * how fast the air follows the ribbons, boards and walls: about 4 s.
   */
  static final double AIR_HEAT_CAPACITY_J_PER_K = 5.0;

  /** Heat capacity of the mica boards and guard wires, J/K (about 100 g of mica, 50 g of steel). */
  static final double BOARD_HEAT_CAPACITY_J_PER_K = 130.0;

  /**
   * Heat capacity of reflectors, frame, crumb tray and inner housing, J/K (about 1.2 kg of steel).
   */
  static final double WALL_HEAT_CAPACITY_J_PER_K = 560.0;

  private final double ambientC;
  private double airC;
  private double boardC;
  private double wallC;

  ChamberModel(double ambientC, double startC) {
    this.ambientC = ambientC;
    this.airC = startC;
    this.boardC = startC;
    this.wallC = startC;
  }

  ChamberModel copy() {
    ChamberModel m = new ChamberModel(ambientC, airC);
    m.boardC = boardC;
    m.wallC = wallC;
    return m;
  }

  double ambientC() {
    return ambientC;
  }

  /** Air temperature at the thermocouple, °C. */
  double airC() {
    return airC;
  }

  /** Board temperature, °C. */
  double boardC() {
    return boardC;
  }

  /** Wall temperature, °C. */
  double wallC() {
    return wallC;
  }

  void addAirHeat(double joules) {
    airC += joules / AIR_HEAT_CAPACITY_J_PER_K;
  }

  void addBoardHeat(double joules) {
    boardC += joules / BOARD_HEAT_CAPACITY_J_PER_K;
  }

  void addWallHeat(double joules) {
    wallC += joules / WALL_HEAT_CAPACITY_J_PER_K;
  }
}
