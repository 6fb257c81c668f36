package com.smarttoaster.remote;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.smarttoaster.control.CyclePhase;
import com.smarttoaster.history.Rating;
import com.smarttoaster.toast.BreadType;
import com.smarttoaster.toast.Shade;
import com.smarttoaster.toast.ToastMode;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * Home Assistant's device-based discovery message ({@code <prefix>/device/<id>/config}, retained):
 * the device ({@code dev}), the software that announces it ({@code o}) and its components ({@code
 * cmps}), all reading the retained state and available while {@code status} is {@code online}.
 * Remote start has no entity on purpose: it needs a person at the toaster first.
 */
final class Discovery {
  private static final ObjectMapper JSON = new ObjectMapper();

  private Discovery() {}

  static byte[] payload(Topics t, String softwareVersion) {
    String id = t.deviceId();
    String uid = "smart_toaster_" + id.replace('-', '_');
    ObjectNode root = JSON.createObjectNode();
    ObjectNode dev = root.putObject("dev");
    dev.putArray("ids").add(uid);
    dev.put("name", "Toaster " + id);
    dev.put("mf", "smart-toaster");
    dev.put("mdl", "Two-slice toaster, Raspberry Pi controller");
    dev.put("sw", softwareVersion);
    ObjectNode o = root.putObject("o");
    o.put("name", "smart-toaster");
    o.put("sw", softwareVersion);
    root.put("state_topic", t.state());
    root.put("availability_topic", t.status());
    root.put("payload_available", "online");
    root.put("payload_not_available", "offline");
    root.put("qos", 1);

    ObjectNode c = root.putObject("cmps");
    ObjectNode chamber =
        component(c, uid, "chamber", "sensor", "Chamber temperature", "{{ value_json.chamberC }}");
    chamber.put("device_class", "temperature");
    chamber.put("unit_of_measurement", "°C");
    chamber.put("state_class", "measurement");

    ObjectNode remaining =
        component(c, uid, "remaining", "sensor", "Time remaining", "{{ value_json.remainingS }}");
    remaining.put("device_class", "duration");
    remaining.put("unit_of_measurement", "s");

    ObjectNode predicted =
        component(c, uid, "predicted", "sensor", "Predicted time", "{{ value_json.predictedS }}");
    predicted.put("device_class", "duration");
    predicted.put("unit_of_measurement", "s");
    predicted.put("entity_category", "diagnostic");

    ObjectNode phase = component(c, uid, "phase", "sensor", "Phase", "{{ value_json.phase }}");
    phase.put("device_class", "enum");
    ArrayNode phases = phase.putArray("options");
    Arrays.stream(CyclePhase.values()).forEach(p -> phases.add(p.id()));

    ObjectNode heating =
        component(
            c,
            uid,
            "heating",
            "binary_sensor",
            "Heating",
            "{{ 'ON' if value_json.heating else 'OFF' }}");
    heating.put("device_class", "heat");

    ObjectNode fault =
        component(
            c, uid, "fault", "binary_sensor", "Fault", "{{ 'ON' if value_json.fault else 'OFF' }}");
    fault.put("device_class", "problem");
    fault.put("entity_category", "diagnostic");

    component(
        c,
        uid,
        "remote_armed",
        "binary_sensor",
        "Armed for remote start",
        "{{ 'ON' if value_json.remoteStartArmed else 'OFF' }}");

    ObjectNode cancel = command(c, uid, "cancel", "button", "Cancel", t.command(Topics.CANCEL));
    cancel.put("payload_press", CommandParser.PRESS);

    ObjectNode shade = command(c, uid, "shade", "number", "Shade", t.command(Topics.SHADE));
    shade.put("val_tpl", "{{ value_json.shade }}");
    shade.put("min", Shade.LIGHTEST);
    shade.put("max", Shade.DARKEST);
    shade.put("step", 1);
    shade.put("mode", "slider");

    ObjectNode bread = command(c, uid, "bread", "select", "Bread", t.command(Topics.BREAD));
    bread.put("val_tpl", "{{ value_json.bread }}");
    ArrayNode breads = bread.putArray("options");
    Arrays.stream(BreadType.values()).forEach(b -> breads.add(b.id()));

    ObjectNode slices = command(c, uid, "slices", "number", "Slices", t.command(Topics.SLICES));
    slices.put("val_tpl", "{{ value_json.slices }}");
    slices.put("min", 1);
    slices.put("max", 2);
    slices.put("step", 1);

    ObjectNode thickness =
        command(c, uid, "thickness", "number", "Slice thickness", t.command(Topics.THICKNESS));
    thickness.put("val_tpl", "{{ value_json.thicknessMm }}");
    thickness.put("min", CommandParser.MIN_THICKNESS_MM);
    thickness.put("max", CommandParser.MAX_THICKNESS_MM);
    thickness.put("step", 1);
    thickness.put("unit_of_measurement", "mm");

    ObjectNode mode = command(c, uid, "mode", "select", "Mode", t.command(Topics.MODE));
    mode.put("val_tpl", "{{ value_json.mode }}");
    ArrayNode modes = mode.putArray("options");
    Arrays.stream(ToastMode.values()).forEach(m -> modes.add(m.id()));

    for (Rating r : Rating.values()) {
      String key = "feedback_" + r.id().replace('-', '_');
      String name = "Last toast: " + r.id().replace('-', ' ');
      ObjectNode b = command(c, uid, key, "button", name, t.command(Topics.FEEDBACK));
      b.put("payload_press", r.id());
    }

    addRatingComponents(c, uid, t);
    addModelMonitoringSensors(c, uid, t);

    ObjectNode events = c.putObject("events");
    events.put("p", "event");
    events.put("uniq_id", uid + "_events");
    events.put("name", "Cycle events");
    events.put("state_topic", t.event());
    ArrayNode types = events.putArray("event_types");
    for (ToasterEvent.Type type : ToasterEvent.Type.values()) {
      types.add(type.id());
    }
    return root.toString().getBytes(StandardCharsets.UTF_8);
  }

  /**
   * Whether a rating is invited now, the last cycle's rating, the taste offset for the selected
   * bread (all offsets as attributes) and a button that forgets the taste. The rating buttons above
   * send the ratings; the appliance answers a refused one with a {@code rejected} event.
   */
  private static void addRatingComponents(ObjectNode c, String uid, Topics t) {
    component(
        c,
        uid,
        "rating_invited",
        "binary_sensor",
        "Rating invited",
        "{{ 'ON' if value_json.ratingInvited else 'OFF' }}");
    component(c, uid, "rating", "sensor", "Last toast rating", "{{ value_json.rating or 'none' }}");
    ObjectNode taste =
        component(c, uid, "taste_offset", "sensor", "Taste offset", "{{ value_json.tasteOffset }}");
    taste.put("json_attributes_topic", t.state());
    taste.put("json_attributes_template", "{{ value_json.taste | tojson }}");
    ObjectNode reset =
        command(c, uid, "taste_reset", "button", "Reset taste", t.command(Topics.TASTE_RESET));
    reset.put("payload_press", CommandParser.PRESS);
    reset.put("entity_category", "config");
  }

  /**
   * The model's rolling figures (issue 14): diagnostic sensors on their own retained topic, {@link
   * Topics#monitor()}, so that a cycle's state messages stay as they were.
   */
  private static void addModelMonitoringSensors(ObjectNode c, String uid, Topics t) {
    String[][] shares = {
      {"model_fallback_rate", "Model fallback rate", "fallbackRate"},
      {"model_out_of_envelope_rate", "Model out-of-envelope rate", "outOfEnvelopeRate"},
      {"model_unhappy_ratings", "Too light or too dark ratings", "unhappyRatingShare"},
    };
    for (String[] s : shares) {
      ObjectNode n =
          component(
              c,
              uid,
              s[0],
              "sensor",
              s[1],
              "{{ (value_json."
                  + s[2]
                  + " * 100) | round(1) if value_json."
                  + s[2]
                  + " is number else None }}");
      n.put("state_topic", t.monitor());
      n.put("unit_of_measurement", "%");
      n.put("state_class", "measurement");
      n.put("entity_category", "diagnostic");
    }
    ObjectNode drift =
        component(
            c,
            uid,
            "model_input_drift",
            "sensor",
            "Model input drift (largest)",
            "{{ value_json.largestDriftSd if value_json.largestDriftSd is number else None }}");
    drift.put("state_topic", t.monitor());
    drift.put("unit_of_measurement", "σ");
    drift.put("state_class", "measurement");
    drift.put("entity_category", "diagnostic");
    ObjectNode version =
        component(
            c, uid, "model_version", "sensor", "Model version", "{{ value_json.modelVersion }}");
    version.put("state_topic", t.monitor());
    version.put("entity_category", "diagnostic");
    ObjectNode candidate =
        component(
            c,
            uid,
            "model_candidate",
            "sensor",
            "Shadow candidate",
            "{{ value_json.candidateVersion or 'none' }}");
    candidate.put("state_topic", t.monitor());
    candidate.put("entity_category", "diagnostic");
    ObjectNode health =
        component(
            c,
            uid,
            "model_health",
            "binary_sensor",
            "Model health problem",
            "{{ 'ON' if value_json.problems | length > 0 else 'OFF' }}");
    health.put("state_topic", t.monitor());
    health.put("device_class", "problem");
    health.put("entity_category", "diagnostic");
  }

  /*
   * The two keys every component repeats use Home Assistant's documented abbreviations (uniq_id,
   * val_tpl; "p" for platform likewise): with about 50 components the message must stay well within
   * the toaster's Maximum Packet Size (PacketSizeTest).
   */
  private static ObjectNode component(
      ObjectNode cmps, String uid, String key, String platform, String name, String valueTemplate) {
    ObjectNode n = cmps.putObject(key);
    n.put("p", platform);
    n.put("uniq_id", uid + "_" + key);
    n.put("name", name);
    n.put("val_tpl", valueTemplate);
    return n;
  }

  private static ObjectNode command(
      ObjectNode cmps, String uid, String key, String platform, String name, String topic) {
    ObjectNode n = cmps.putObject(key);
    n.put("p", platform);
    n.put("uniq_id", uid + "_" + key);
    n.put("name", name);
    n.put("command_topic", topic);
    return n;
  }
}
