package com.smarttoaster.config;

import com.smarttoaster.toast.ElementRating;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * The hardware. In the file every option of this section is required (hardware is never guessed),
 * except {@code stateDir}.
 *
 * @param kind simulated or pi
 * @param deviceId 1 to 32 characters of a-z, 0-9 and '-'; used in MQTT topics and records
 * @param mainsVoltsNominal nominal mains voltage, V (100 to 250); a model input
 * @param currentSensorFitted whether a heater current sensor is fitted; also copied into {@link
 *     com.smarttoaster.safety.SafetyLimits#currentSensorFitted()}
 * @param stateDir optional: the directory for state that must survive a restart (the latched
 *     fault); null when not set, and then {@code $STATE_DIRECTORY} (systemd's StateDirectory=) is
 *     used if set
 * @param elementRatedVolts the voltage the heating element is designed for, 230 or 120 V (a model
 *     input; on the simulated appliances it sizes the element)
 */
public record ApplianceConfig(
    ApplianceKind kind,
    String deviceId,
    double mainsVoltsNominal,
    boolean currentSensorFitted,
    @Nullable String stateDir,
    double elementRatedVolts) {
  public ApplianceConfig {
    Objects.requireNonNull(kind, "kind");
    Objects.requireNonNull(deviceId, "deviceId");
  }

  /** The element rated for the design voltage nearer the stated mains. */
  public ApplianceConfig(
      ApplianceKind kind,
      String deviceId,
      double mainsVoltsNominal,
      boolean currentSensorFitted,
      @Nullable String stateDir) {
    this(
        kind,
        deviceId,
        mainsVoltsNominal,
        currentSensorFitted,
        stateDir,
        ElementRating.nearest(mainsVoltsNominal));
  }

  /** Without a state directory. */
  public ApplianceConfig(
      ApplianceKind kind, String deviceId, double mainsVoltsNominal, boolean currentSensorFitted) {
    this(kind, deviceId, mainsVoltsNominal, currentSensorFitted, null);
  }

  /** The values in the shipped config/toaster.yaml: a simulated 230 V appliance named kitchen. */
  public static ApplianceConfig defaults() {
    return new ApplianceConfig(ApplianceKind.SIMULATED, "kitchen", 230.0, true);
  }
}
