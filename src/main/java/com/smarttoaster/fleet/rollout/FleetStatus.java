package com.smarttoaster.fleet.rollout;

import com.smarttoaster.fleet.store.FleetDatabase;
import com.smarttoaster.fleet.store.FleetStoreException;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Which model version runs where, and the rollouts with their decisions, from the fleet database.
 *
 * @param devicesByVersion device ids by the version they run now, versions and devices sorted
 * @param rollouts one line per rollout decision, oldest first
 */
public record FleetStatus(Map<String, List<String>> devicesByVersion, List<String> rollouts) {

  public static FleetStatus of(FleetDatabase db) throws FleetStoreException {
    Map<String, List<String>> byVersion = new TreeMap<>();
    OfferPublisher readOnly =
        (topic, payload) -> {
          throw new IllegalStateException("the fleet status only reads; it publishes nothing");
        };
    new Rollout(db, readOnly, RolloutPolicy.DEFAULT)
        .runningVersions()
        .forEach(
            (device, version) ->
                byVersion.computeIfAbsent(version, v -> new ArrayList<>()).add(device));
    byVersion.values().forEach(l -> l.sort(null));
    List<String> lines =
        db.inTransaction(
            c -> {
              List<String> out = new ArrayList<>();
              try (Statement s = c.createStatement();
                  ResultSet r =
                      s.executeQuery(
                          "SELECT d.rollout_id, d.decided_at,"
                              + " d.decision, d.reason, d.figures FROM fleet_rollout_decision d ORDER BY d.decided_at, d.rollout_id")) {
                while (r.next()) {
                  out.add(
                      r.getString(2)
                          + "  "
                          + r.getString(1)
                          + "  "
                          + r.getString(3)
                          + ": "
                          + r.getString(4)
                          + "\n      figures "
                          + r.getString(5));
                }
              }
              return out;
            });
    return new FleetStatus(byVersion, lines);
  }

  /** The version each device runs, as {@code fleet status} prints it. */
  public String text() {
    StringBuilder sb = new StringBuilder();
    int devices = devicesByVersion.values().stream().mapToInt(List::size).sum();
    sb.append(devices).append(" devices\n");
    devicesByVersion.forEach(
        (v, ds) -> {
          sb.append(String.format("%-40s %4d  ", v, ds.size()));
          sb.append(
              ds.size() <= 8 ? String.join(" ", ds) : String.join(" ", ds.subList(0, 8)) + " …");
          sb.append('\n');
        });
    if (!rollouts.isEmpty()) {
      sb.append("rollouts:\n");
      rollouts.forEach(l -> sb.append("  ").append(l).append('\n'));
    }
    return sb.toString();
  }
}
