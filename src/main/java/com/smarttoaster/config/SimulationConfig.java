package com.smarttoaster.config;

/**
 * The simulated appliance's surroundings; used only when the appliance kind is simulated.
 *
 * @param ambientC room temperature, °C
 * @param chamberStartC chamber temperature at power-up, °C (at least ambientC − 1)
 * @param seed seed for the simulation's random choices
 * @param realtimeFactor simulated seconds per wall-clock second; 1 is real time
 */
public record SimulationConfig(
    double ambientC, double chamberStartC, long seed, double realtimeFactor) {
  public static SimulationConfig defaults() {
    return new SimulationConfig(21.0, 21.0, 1L, 1.0);
  }
}
