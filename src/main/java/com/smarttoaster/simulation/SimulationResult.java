package com.smarttoaster.simulation;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import com.smarttoaster.history.CycleOutcome;
import com.smarttoaster.predict.PredictorName;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * The result object of docs/contracts.md §3, one per simulated cycle, with two compatible additions
 * (docs/contracts.md): {@code appliance} ("sim" or "pi-emulated") and {@code heatCutBy}, what
 * stopped the current the last time it stopped ("relay", "carriage", "dead-man", "thermal-cutout",
 * "thermal-fuse", "element"; null while heat never flowed or still flows).
 */
@JsonInclude(JsonInclude.Include.ALWAYS)
@JsonPropertyOrder({
  "scenario",
  "appliance",
  "outcome",
  "fault",
  "predictor",
  "fallbackReason",
  "predictedS",
  "heaterOnS",
  "cycleS",
  "heatCutS",
  "heatCutBy",
  "maxChamberC",
  "maxBreadSurfaceC",
  "targetShade",
  "achievedShade",
  "tripLatencyMs",
  "limits",
  "events"
})
public record SimulationResult(
    String scenario,
    CycleOutcome outcome,
    @Nullable String fault,
    PredictorName predictor,
    @Nullable String fallbackReason,
    @Nullable Double predictedS,
    double heaterOnS,
    double cycleS,
    @Nullable Double heatCutS,
    double maxChamberC,
    double maxBreadSurfaceC,
    int targetShade,
    double achievedShade,
    @Nullable Double tripLatencyMs,
    Limits limits,
    List<Event> events,
    String appliance,
    @Nullable String heatCutBy) {

  /** The supervisor limits the cycle ran under. */
  @JsonPropertyOrder({"maxHeatS", "cutoffC"})
  public record Limits(double maxHeatS, double cutoffC) {}

  /** One line of the cycle's event log. */
  @JsonPropertyOrder({"atS", "event"})
  public record Event(double atS, String event) {}
}
