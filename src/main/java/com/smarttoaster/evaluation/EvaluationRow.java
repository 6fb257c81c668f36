package com.smarttoaster.evaluation;

import com.smarttoaster.scenario.Scenario;

/**
 * One scenario run with one predictor.
 *
 * @param scenario the scenario (no faults)
 * @param predictor the predictor asked for
 * @param usedPredictor the predictor that actually gave the time (differs on fallback)
 * @param predictedS the time used, s
 * @param oracleS the oracle's time for the same scenario, s
 * @param achievedShade browning reached
 * @param shadeError |achieved − target|
 */
public record EvaluationRow(
    Scenario scenario,
    String predictor,
    String usedPredictor,
    double predictedS,
    double oracleS,
    double achievedShade,
    double shadeError) {}
