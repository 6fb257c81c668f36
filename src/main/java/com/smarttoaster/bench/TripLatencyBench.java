package com.smarttoaster.bench;

import com.smarttoaster.scenario.Scenario;
import com.smarttoaster.simulation.CycleSimulation;
import com.smarttoaster.simulation.SimulatedApplianceKind;
import com.smarttoaster.simulation.SimulationOptions;
import com.smarttoaster.simulation.SimulationResult;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Trip latencies over a fault set: every scenario run with several seeds (the thermocouple noise
 * differs) through the whole path on the chosen appliance, grouped by scenario, with how the runs
 * ended. The figures in the README's safety section come from here.
 */
public final class TripLatencyBench {
  /** One scenario's runs: latencies (ms) of the runs that reported one, and outcome counts. */
  public record Row(
      String scenario, List<Double> latenciesMs, Map<String, Integer> endings, List<String> cutBy) {
    public double percentile(double p) {
      List<Double> sorted = latenciesMs.stream().sorted().toList();
      if (sorted.isEmpty()) {
        return Double.NaN;
      }
      int i = (int) Math.ceil(p / 100.0 * sorted.size()) - 1;
      return sorted.get(Math.max(0, Math.min(sorted.size() - 1, i)));
    }
  }

  private TripLatencyBench() {}

  /**
   * Runs each scenario with seeds 1..seeds on {@code appliance}, with the model predictor unless
   * told.
   */
  public static List<Row> run(
      List<Scenario> scenarios, int seeds, SimulatedApplianceKind appliance, String predictor) {
    SimulationOptions options = SimulationOptions.defaults(predictor).withAppliance(appliance);
    List<Row> rows = new ArrayList<>();
    for (Scenario s : scenarios) {
      List<Double> latencies = new ArrayList<>();
      Map<String, Integer> endings = new TreeMap<>();
      Map<String, Integer> cuts = new LinkedHashMap<>();
      for (int seed = 1; seed <= seeds; seed++) {
        SimulationResult r = new CycleSimulation(s.withSeed(seed), options).run(null);
        if (r.tripLatencyMs() != null) {
          latencies.add(r.tripLatencyMs());
        }
        endings.merge(
            r.outcome().id() + (r.fault() == null ? "" : " " + r.fault()), 1, Integer::sum);
        cuts.merge(String.valueOf(r.heatCutBy()), 1, Integer::sum);
      }
      rows.add(new Row(s.name(), latencies, endings, List.copyOf(cuts.keySet())));
    }
    return rows;
  }
}
