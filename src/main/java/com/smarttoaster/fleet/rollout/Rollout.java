package com.smarttoaster.fleet.rollout;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.smarttoaster.fleet.offer.BundleParts;
import com.smarttoaster.fleet.offer.ModelOffer;
import com.smarttoaster.fleet.store.FieldEvent;
import com.smarttoaster.fleet.store.FleetDatabase;
import com.smarttoaster.fleet.store.FleetStoreException;
import com.smarttoaster.modellife.BundleException;
import com.smarttoaster.modellife.BundleVerifier;
import com.smarttoaster.modellife.ModelVersion;
import java.nio.charset.StandardCharsets;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * A staged rollout of one signed bundle: offered to a canary share of the devices, watched against
 * the rest of the fleet, then widened to every device or rolled back ({@link RolloutPolicy}). Every
 * step is a row of {@code fleet_rollout_decision} with the figures it was taken on.
 *
 * <p>The bundle is checked here with the fleet key before it is offered (a bundle the devices would
 * refuse is not offered at all); the devices check it again themselves. The offers are retained, so
 * a device that is off now takes its offer when it comes back.
 */
public final class Rollout {
  public static final String CANARY = "canary";
  public static final String WIDENED = "widened";
  public static final String ROLLED_BACK = "rolled-back";
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final DateTimeFormatter ID_TIME =
      DateTimeFormatter.ofPattern("yyyyMMddHHmmss", Locale.ROOT).withZone(ZoneOffset.UTC);

  private final FleetDatabase db;
  private final OfferPublisher publisher;
  private final RolloutPolicy policy;

  public Rollout(FleetDatabase db, OfferPublisher publisher, RolloutPolicy policy) {
    this.db = db;
    this.publisher = publisher;
    this.policy = policy;
  }

  /** A rollout as recorded. */
  public record State(
      String id,
      String version,
      String baseline,
      double canaryShare,
      String startedAt,
      String state,
      List<String> canary) {}

  /**
   * Verifies the bundle, picks the canary, publishes the bundle's parts and the canary's offers,
   * and records the start.
   *
   * @param canaryShare share of the known devices offered the bundle first (0 &lt; share ≤ 1)
   * @throws BundleException when the bundle does not verify with the fleet key
   */
  public State start(
      byte[] bundle, String name, BundleVerifier fleetKey, double canaryShare, Instant now)
      throws Exception {
    if (!(canaryShare > 0 && canaryShare <= 1)) {
      throw new IllegalArgumentException("canary share " + canaryShare + " is not within (0, 1]");
    }
    ModelVersion version = fleetKey.check(bundle, name);
    Map<String, String> running = runningVersions();
    if (running.isEmpty()) {
      throw new IllegalArgumentException(
          "the fleet database knows no devices yet: run `fleet collect` first");
    }
    String baseline = mostCommon(running);
    String id = "rollout-" + version.text() + "-" + ID_TIME.format(now);
    List<String> canary = pickCanary(id, running.keySet(), canaryShare);
    List<byte[]> parts = BundleParts.split(bundle);
    for (int i = 0; i < parts.size(); i++) {
      publisher.publishRetained(ModelOffer.partTopic(version.text(), i), parts.get(i));
    }
    byte[] offer =
        ModelOffer.install(
                id, version.text(), BundleParts.sha256(bundle), bundle.length, parts.size())
            .toJson();
    for (String d : canary) {
      publisher.publishRetained(ModelOffer.offerTopic(d), offer);
    }
    State s = new State(id, version.text(), baseline, canaryShare, now.toString(), CANARY, canary);
    db.inTransactionNoResult(
        c -> {
          try (PreparedStatement p =
              c.prepareStatement(
                  "INSERT INTO fleet_rollout (rollout_id, version, baseline,"
                      + " canary_share, started_at, state) VALUES (?, ?, ?, ?, ?, ?)")) {
            p.setString(1, id);
            p.setString(2, version.text());
            p.setString(3, baseline);
            p.setDouble(4, canaryShare);
            p.setString(5, now.toString());
            p.setString(6, CANARY);
            p.executeUpdate();
          }
        });
    ObjectNode figures = JSON.createObjectNode();
    figures.put("devices", running.size());
    figures.put("canary", canary.size());
    figures.put("bundleBytes", bundle.length);
    figures.put("parts", parts.size());
    figures.put("sha256", BundleParts.sha256(bundle));
    record(
        id,
        now,
        "canary",
        "offered "
            + version
            + " to "
            + canary.size()
            + " of "
            + running.size()
            + " devices (baseline "
            + baseline
            + ")",
        figures,
        canary);
    return s;
  }

  /**
   * Compares the canary with the rest and acts: nothing yet, widen to every device, or roll back. A
   * rollout that was already widened or rolled back is left alone.
   */
  public RolloutPolicy.Verdict evaluate(String rolloutId, Instant now) throws Exception {
    State s = state(rolloutId);
    if (!CANARY.equals(s.state())) {
      return new RolloutPolicy.Verdict(
          RolloutPolicy.Verdict.Kind.WAIT, "rollout " + rolloutId + " is " + s.state());
    }
    Set<String> canary = new HashSet<>(s.canary());
    List<FieldEvent> events = db.events("done", "rated");
    CohortFigures canaryFigures =
        CohortFigures.of(
            events,
            e ->
                canary.contains(e.deviceId())
                    && s.version().equals(e.modelVersion())
                    && e.at().compareTo(s.startedAt()) >= 0);
    CohortFigures rest =
        CohortFigures.of(
            events, e -> !canary.contains(e.deviceId()) && e.at().compareTo(s.startedAt()) >= 0);
    RolloutPolicy.Verdict v = policy.decide(canaryFigures, rest);
    ObjectNode figures = JSON.createObjectNode();
    canaryFigures.writeTo(figures.putObject("canary"));
    rest.writeTo(figures.putObject("rest"));
    switch (v.kind()) {
      case WAIT -> {}
      case WIDEN -> {
        Map<String, String> running = runningVersions();
        List<String> others = new ArrayList<>(new TreeSet<>(running.keySet()));
        others.removeAll(canary);
        byte[] offer = currentInstallOffer(s); // the canary's offer: the same bundle parts
        for (String d : others) {
          publisher.publishRetained(ModelOffer.offerTopic(d), offer);
        }
        setState(rolloutId, WIDENED);
        record(
            rolloutId,
            now,
            "widen",
            v.reason() + "; offered to the other " + others.size() + " devices",
            figures,
            others);
      }
      case ROLL_BACK -> {
        byte[] revert = ModelOffer.revert(s.id(), s.baseline()).toJson();
        for (String d : s.canary()) {
          publisher.publishRetained(ModelOffer.offerTopic(d), revert);
        }
        setState(rolloutId, ROLLED_BACK);
        record(
            rolloutId,
            now,
            "roll-back",
            v.reason() + "; the canary reverts to " + s.baseline(),
            figures,
            s.canary());
      }
    }
    return v;
  }

  byte[] currentInstallOffer(State s) throws FleetStoreException {
    Optional<String> figures =
        db.inTransaction(
            c -> {
              try (PreparedStatement p =
                  c.prepareStatement(
                      "SELECT figures FROM fleet_rollout_decision WHERE rollout_id = ?"
                          + " AND decision = 'canary'")) {
                p.setString(1, s.id());
                try (ResultSet r = p.executeQuery()) {
                  return r.next() ? Optional.ofNullable(r.getString(1)) : Optional.empty();
                }
              }
            });
    if (figures.isEmpty()) {
      // A start that stopped between recording the rollout and its canary decision.
      throw new FleetStoreException(
          "rollout "
              + s.id()
              + " has no canary record, so the bundle it offered is not known; start the"
              + " rollout again");
    }
    try {
      var n = JSON.readTree(figures.get());
      return ModelOffer.install(
              s.id(),
              s.version(),
              n.path("sha256").asText(),
              n.path("bundleBytes").asInt(),
              n.path("parts").asInt())
          .toJson();
    } catch (java.io.IOException e) {
      throw new FleetStoreException(
          "rollout " + s.id() + ": its canary record is unreadable: " + e.getMessage());
    }
  }

  /** The recorded rollout with its canary devices. */
  public State state(String rolloutId) throws FleetStoreException {
    return db.inTransaction(
        c -> {
          State s;
          try (PreparedStatement p =
              c.prepareStatement(
                  "SELECT rollout_id, version, baseline, canary_share, started_at,"
                      + " state FROM fleet_rollout WHERE rollout_id = ?")) {
            p.setString(1, rolloutId);
            try (ResultSet r = p.executeQuery()) {
              if (!r.next()) {
                throw new java.sql.SQLException("no rollout " + rolloutId);
              }
              s =
                  new State(
                      r.getString(1),
                      r.getString(2),
                      r.getString(3),
                      r.getDouble(4),
                      r.getString(5),
                      r.getString(6),
                      List.of());
            }
          }
          try (PreparedStatement p =
              c.prepareStatement(
                  "SELECT devices FROM fleet_rollout_decision WHERE rollout_id = ?"
                      + " AND decision = 'canary'")) {
            p.setString(1, rolloutId);
            try (ResultSet r = p.executeQuery()) {
              List<String> canary = r.next() ? List.of(r.getString(1).split(",")) : List.of();
              return new State(
                  s.id(),
                  s.version(),
                  s.baseline(),
                  s.canaryShare(),
                  s.startedAt(),
                  s.state(),
                  canary);
            }
          }
        });
  }

  /**
   * Each known device's model now: the version of its latest cycle or model report. A device whose
   * events name no version counts as running {@code factory}.
   */
  public Map<String, String> runningVersions() throws FleetStoreException {
    Map<String, FieldEvent> latest = new LinkedHashMap<>();
    Comparator<FieldEvent> order =
        Comparator.comparing(FieldEvent::at).thenComparingLong(FieldEvent::seq);
    for (FieldEvent e : db.events("done", "model")) {
      latest.merge(e.deviceId(), e, (a, b) -> order.compare(a, b) >= 0 ? a : b);
    }
    Map<String, String> out = new LinkedHashMap<>();
    latest.forEach(
        (d, e) -> out.put(d, e.modelVersion() == null ? ModelVersion.FACTORY : e.modelVersion()));
    return out;
  }

  private static String mostCommon(Map<String, String> running) {
    Map<String, Integer> counts = new LinkedHashMap<>();
    running.values().forEach(v -> counts.merge(v, 1, Integer::sum));
    return counts.entrySet().stream()
        .max(
            Map.Entry.<String, Integer>comparingByValue().thenComparing(Map.Entry.comparingByKey()))
        .orElseThrow()
        .getKey();
  }

  /**
   * ⌈share × devices⌉ devices, at least one, chosen by a hash of rollout and device: stable, and
   * not always the same ones.
   */
  static List<String> pickCanary(String rolloutId, Set<String> devices, double share) {
    List<String> all = new ArrayList<>(devices);
    all.sort(
        Comparator.comparing(
                (String d) ->
                    BundleParts.sha256((rolloutId + "/" + d).getBytes(StandardCharsets.UTF_8)))
            .thenComparing(d -> d));
    int n = Math.max(1, (int) Math.ceil(share * all.size() - 1e-9));
    List<String> canary = new ArrayList<>(all.subList(0, Math.min(n, all.size())));
    canary.sort(null);
    return canary;
  }

  private void setState(String id, String state) throws FleetStoreException {
    db.inTransactionNoResult(
        c -> {
          try (PreparedStatement p =
              c.prepareStatement("UPDATE fleet_rollout SET state = ? WHERE rollout_id = ?")) {
            p.setString(1, state);
            p.setString(2, id);
            p.executeUpdate();
          }
        });
  }

  private void record(
      String id,
      Instant at,
      String decision,
      String reason,
      ObjectNode figures,
      List<String> devices)
      throws FleetStoreException {
    db.inTransactionNoResult(
        c -> {
          try (PreparedStatement p =
              c.prepareStatement(
                  "INSERT INTO fleet_rollout_decision (rollout_id, decided_at,"
                      + " decision, reason, figures, devices) VALUES (?, ?, ?, ?, ?, ?)")) {
            p.setString(1, id);
            p.setString(2, at.toString());
            p.setString(3, decision);
            p.setString(4, reason.length() > 1000 ? reason.substring(0, 1000) : reason);
            p.setString(5, figures.toString());
            p.setString(6, String.join(",", devices));
            p.executeUpdate();
          }
        });
  }
}
