package com.smarttoaster.remote;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.smarttoaster.control.ControllerSnapshot;
import com.smarttoaster.control.CyclePhase;
import com.smarttoaster.hal.TemperatureReading;
import com.smarttoaster.predict.Prediction;
import com.smarttoaster.safety.SafetyStatus;
import com.smarttoaster.taste.RatingDesk;
import java.nio.charset.StandardCharsets;
import org.jspecify.annotations.Nullable;

/**
 * What {@code toaster/<id>/state} carries: the retained picture of the appliance, rounded to what a
 * person reads (0.1 °C, whole seconds) so that it changes only when something visible changes.
 *
 * @param phase idle, armed, toasting, done, cancelled or fault
 * @param chamberC chamber reading, °C, or null without a valid reading
 * @param remainingS heater time left in this cycle, whole s (0 when not toasting)
 * @param shade 1..7
 * @param bread bread type id
 * @param mode mode id
 * @param heating the relay is commanded on
 * @param fault the latched fault's code, or null
 * @param remoteStartArmed carriage held with no heat, waiting for a remote start
 * @param predictor predictor of the current or last cycle, or null before the first
 * @param predictedS heating time of the current or last cycle, s, or null before the first
 * @param ratings the rating window and the taste ({@link RatingsView})
 */
record ToasterState(
    String phase,
    @Nullable Double chamberC,
    int remainingS,
    int shade,
    String bread,
    int slices,
    double thicknessMm,
    String mode,
    boolean heating,
    @Nullable String fault,
    boolean remoteStartArmed,
    @Nullable String predictor,
    @Nullable Double predictedS,
    RatingsView ratings) {

  private static final ObjectMapper JSON = new ObjectMapper();

  static ToasterState of(ControllerSnapshot c, SafetyStatus s) {
    return of(c, s, null);
  }

  /**
   * @param desk the appliance's rating rules, or null when it takes no ratings
   */
  static ToasterState of(ControllerSnapshot c, SafetyStatus s, @Nullable RatingDesk desk) {
    TemperatureReading r = s.lastReading();
    Double chamber = r != null && r.isValid() ? Math.round(r.chamberC() * 10) / 10.0 : null;
    Prediction p = c.prediction();
    return new ToasterState(
        c.phase().id(),
        chamber,
        (int) Math.ceil(c.remainingS() - 1e-9),
        c.settings().shade(),
        c.settings().bread().id(),
        c.settings().slices(),
        c.settings().thicknessMm(),
        c.settings().mode().id(),
        s.heaterCommandedOn(),
        s.fault() == null ? null : s.fault().code().name(),
        c.phase() == CyclePhase.ARMED,
        p == null ? null : p.predictor().id(),
        p == null ? null : Math.round(p.seconds() * 10) / 10.0,
        RatingsView.of(desk, c.settings().bread()));
  }

  /**
   * True when a field other than the continuously moving ones (chamber temperature, remaining time)
   * differs: such a change is published at once.
   */
  boolean differsInKind(ToasterState o) {
    return o == null
        || !phase.equals(o.phase)
        || shade != o.shade
        || !bread.equals(o.bread)
        || slices != o.slices
        || thicknessMm != o.thicknessMm
        || !mode.equals(o.mode)
        || heating != o.heating
        || !java.util.Objects.equals(fault, o.fault)
        || remoteStartArmed != o.remoteStartArmed
        || !java.util.Objects.equals(predictor, o.predictor)
        || !java.util.Objects.equals(predictedS, o.predictedS)
        || (chamberC == null) != (o.chamberC == null)
        || !ratings.equals(o.ratings);
  }

  /** True while a cycle prepares or heats: its remaining time is worth seeing count down. */
  boolean isCycleRunning() {
    return phase.equals(CyclePhase.PREPARING.id()) || phase.equals(CyclePhase.TOASTING.id());
  }

  byte[] toJson() {
    ObjectNode n = JSON.createObjectNode();
    n.put("phase", phase);
    n.put("chamberC", chamberC);
    n.put("remainingS", remainingS);
    n.put("shade", shade);
    n.put("bread", bread);
    n.put("mode", mode);
    n.put("heating", heating);
    n.put("fault", fault);
    n.put("remoteStartArmed", remoteStartArmed);
    n.put("predictor", predictor);
    n.put("predictedS", predictedS);
    ratings.addTo(n);
    return n.toString().getBytes(StandardCharsets.UTF_8);
  }
}
