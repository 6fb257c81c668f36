package com.smarttoaster.scenario;

/** The parameters a {@link ScenarioFault} may carry, with their names in the file. */
public enum FaultParameter {
  /** Rate of change, °C/s (sensor-drift, overheat). */
  RATE_C_PER_S("rateCPerS"),
  /** Standard deviation of added noise, °C (sensor-noise). */
  SIGMA_C("sigmaC"),
  /** How long the fault lasts, s (sensor-dropout). */
  DURATION_S("durationS"),
  /** The absurd answer the predictor gives, s (predictor-extreme). */
  SECONDS("seconds");

  private final String fieldName;

  FaultParameter(String fieldName) {
    this.fieldName = fieldName;
  }

  /** The field name in the scenario file and the record component name. */
  public String fieldName() {
    return fieldName;
  }
}
