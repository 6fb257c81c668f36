package com.smarttoaster.config;

import com.smarttoaster.hal.pi.PiConfig;
import com.smarttoaster.input.Format;
import com.smarttoaster.safety.SafetyLimits;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * The whole validated configuration. {@code safety.currentSensorFitted()} always equals {@code
 * appliance.currentSensorFitted()} when loaded from a file.
 *
 * @param appliance the hardware
 * @param safety the supervisor's limits
 * @param controller the cycle controller
 * @param simulation the simulated appliance's surroundings (ignored on a Pi)
 * @param logging logging
 * @param pi the Raspberry Pi's wiring; null when the file has no pi section (allowed only when the
 *     appliance kind is not pi)
 * @param mqtt the broker to publish to, or null when the config has no mqtt section
 * @param history the cycle database, or null when the config has no history section
 * @param model how installed model bundles are trusted (never null; empty without a model section)
 * @param ratings how ratings are invited (never null; defaults without a ratings section)
 * @param web the toaster's own web page, or null when the config has no web section (off)
 */
public record ToasterConfig(
    ApplianceConfig appliance,
    SafetyLimits safety,
    ControllerConfig controller,
    SimulationConfig simulation,
    LoggingConfig logging,
    @Nullable PiConfig pi,
    @Nullable MqttConfig mqtt,
    @Nullable HistoryConfig history,
    ModelConfig model,
    RatingsConfig ratings,
    @Nullable WebConfig web) {

  /** A config with the default ratings section and no web section. */
  public ToasterConfig(
      ApplianceConfig appliance,
      SafetyLimits safety,
      ControllerConfig controller,
      SimulationConfig simulation,
      LoggingConfig logging,
      @Nullable PiConfig pi,
      @Nullable MqttConfig mqtt,
      @Nullable HistoryConfig history,
      ModelConfig model) {
    this(
        appliance,
        safety,
        controller,
        simulation,
        logging,
        pi,
        mqtt,
        history,
        model,
        RatingsConfig.defaults(),
        null);
  }

  /** A config without a web section. */
  public ToasterConfig(
      ApplianceConfig appliance,
      SafetyLimits safety,
      ControllerConfig controller,
      SimulationConfig simulation,
      LoggingConfig logging,
      @Nullable PiConfig pi,
      @Nullable MqttConfig mqtt,
      @Nullable HistoryConfig history,
      ModelConfig model,
      RatingsConfig ratings) {
    this(
        appliance,
        safety,
        controller,
        simulation,
        logging,
        pi,
        mqtt,
        history,
        model,
        ratings,
        null);
  }

  /** A config with the default ratings section. */
  public ToasterConfig(
      ApplianceConfig appliance,
      SafetyLimits safety,
      ControllerConfig controller,
      SimulationConfig simulation,
      LoggingConfig logging,
      @Nullable PiConfig pi,
      @Nullable MqttConfig mqtt,
      @Nullable HistoryConfig history,
      ModelConfig model,
      @Nullable WebConfig web) {
    this(
        appliance,
        safety,
        controller,
        simulation,
        logging,
        pi,
        mqtt,
        history,
        model,
        RatingsConfig.defaults(),
        web);
  }

  /** A config without a model section. */
  public ToasterConfig(
      ApplianceConfig appliance,
      SafetyLimits safety,
      ControllerConfig controller,
      SimulationConfig simulation,
      LoggingConfig logging,
      @Nullable PiConfig pi,
      @Nullable MqttConfig mqtt,
      @Nullable HistoryConfig history) {
    this(appliance, safety, controller, simulation, logging, pi, mqtt, history, ModelConfig.none());
  }

  /** A config without MQTT and without a history database. */
  public ToasterConfig(
      ApplianceConfig appliance,
      SafetyLimits safety,
      ControllerConfig controller,
      SimulationConfig simulation,
      LoggingConfig logging) {
    this(appliance, safety, controller, simulation, logging, null, null, null);
  }

  public ToasterConfig {
    Objects.requireNonNull(appliance, "appliance");
    Objects.requireNonNull(safety, "safety");
    Objects.requireNonNull(controller, "controller");
    Objects.requireNonNull(simulation, "simulation");
    Objects.requireNonNull(logging, "logging");
    model = model == null ? ModelConfig.none() : model;
    ratings = ratings == null ? RatingsConfig.defaults() : ratings;
  }

  /** Everything at its documented default; equal to what the shipped config/toaster.yaml loads. */
  public static ToasterConfig defaults() {
    return new ToasterConfig(
        ApplianceConfig.defaults(),
        SafetyLimits.defaults(),
        ControllerConfig.defaults(),
        SimulationConfig.defaults(),
        LoggingConfig.defaults(),
        null,
        null,
        null);
  }

  /**
   * One line for logs and check-config: "appliance simulated, device kitchen, cutoff 280 °C, max
   * heat 300 s".
   */
  public String summary() {
    return "appliance "
        + appliance.kind().id()
        + ", device "
        + appliance.deviceId()
        + ", cutoff "
        + Format.number(safety.cutoffC())
        + " °C"
        + ", max heat "
        + Format.number(safety.maxHeatS())
        + " s"
        + (mqtt == null ? "" : ", mqtt " + mqtt.brokerUrl())
        + (history == null ? "" : ", history " + history.databaseFile())
        + (web == null ? "" : ", web page " + web.summary());
  }
}
