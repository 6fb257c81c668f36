package com.smarttoaster.safety.fakes;

/**
 * A deliberately crude chamber for closing the loop in supervisor tests (the real physics lives in
 * the simulator): while heat flows the chamber warms at {@code heatRateCPerS}; it always loses heat
 * to the room at {@code coolingPerS} times its excess over ambient.
 *
 * <p>dT/dt = (heating ? heatRateCPerS : 0) − coolingPerS · (T − ambientC)
 */
public final class FakeChamber {
  private final double ambientC;
  private final double coolingPerS;
  private double heatRateCPerS;
  private double temperatureC;

  public FakeChamber(double ambientC, double heatRateCPerS, double coolingPerS) {
    this.ambientC = ambientC;
    this.heatRateCPerS = heatRateCPerS;
    this.coolingPerS = coolingPerS;
    this.temperatureC = ambientC;
  }

  /** Room at 21 °C, 1 °C/s of heating, gentle cooling: about 218 °C after 300 s of heating. */
  public static FakeChamber typical() {
    return new FakeChamber(21.0, 1.0, 0.003);
  }

  /** Advances the chamber by {@code dtS} seconds with heat flowing or not. */
  public synchronized void update(boolean heating, double dtS) {
    double rate = (heating ? heatRateCPerS : 0.0) - coolingPerS * (temperatureC - ambientC);
    temperatureC += rate * dtS;
  }

  /** Chamber temperature, °C. */
  public synchronized double temperatureC() {
    return temperatureC;
  }

  public synchronized void setTemperatureC(double temperatureC) {
    this.temperatureC = temperatureC;
  }

  /** A broken element: 0 °C/s. */
  public synchronized void setHeatRateCPerS(double heatRateCPerS) {
    this.heatRateCPerS = heatRateCPerS;
  }
}
