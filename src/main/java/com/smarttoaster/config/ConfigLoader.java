package com.smarttoaster.config;

import static com.smarttoaster.input.NumberRange.closed;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.smarttoaster.hal.pi.PiConfig;
import com.smarttoaster.input.Choices;
import com.smarttoaster.input.DocumentTree;
import com.smarttoaster.input.Format;
import com.smarttoaster.input.NumberRange;
import com.smarttoaster.input.ObjectFields;
import com.smarttoaster.input.Problems;
import com.smarttoaster.input.SyntaxError;
import com.smarttoaster.input.TextFile;
import com.smarttoaster.input.UnreadableFile;
import com.smarttoaster.safety.SafetyLimits;
import com.smarttoaster.toast.ElementRating;
import java.io.IOException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;
import org.yaml.snakeyaml.LoaderOptions;

/**
 * Loads {@code config/toaster.yaml} into a {@link ToasterConfig}, Klipper-style: every option has a
 * range, related options are checked against each other, unknown keys are refused (with the closest
 * known one suggested), and all problems are reported together in one {@link ConfigException}.
 *
 * <p>The {@code appliance} section and all its options are required (hardware is never guessed);
 * every other section and option is optional and takes its documented default. In YAML, numbers
 * must be plain decimals, booleans {@code true}/{@code false}, and aliases, anchored mappings and
 * tags are refused.
 */
public final class ConfigLoader {
  /** Larger files are refused before parsing; the config is a few kilobytes. */
  public static final long MAX_FILE_BYTES = 1 << 20;

  static final List<String> SECTIONS =
      List.of(
          "appliance",
          "safety",
          "controller",
          "simulation",
          "logging",
          "pi",
          "mqtt",
          "history",
          "model",
          "ratings",
          "web");
  static final List<String> APPLIANCE_OPTIONS =
      List.of("kind", "deviceId", "mainsVoltsNominal", "currentSensorFitted");

  /** Optional options of the appliance section (every other one is required). */
  static final List<String> APPLIANCE_OPTIONAL = List.of("stateDir", "elementRatedVolts");

  /**
   * Largest gap between the stated mains and the element's design voltage: EN 50160 allows the
   * supply ±10 %; a bigger gap is a 230 V element on 120 V (a quarter of the power) or a 120 V one
   * on 230 V (3.7 times the power: a fire), never a setting to guess around.
   */
  static final double ELEMENT_MAINS_MISMATCH = 0.15;

  static final List<String> SIMULATION_OPTIONS =
      List.of("ambientC", "chamberStartC", "seed", "realtimeFactor");
  static final List<String> LOGGING_OPTIONS = List.of("level");

  static final Pattern DEVICE_ID = Pattern.compile("[a-z0-9-]{1,32}");
  static final Pattern STATE_DIR = Pattern.compile("/[^\\x00\\n]{0,4095}");
  static final NumberRange MAINS_VOLTS_NOMINAL = closed(100, 250, "V");
  static final NumberRange SIM_AMBIENT_C = closed(-30, 60, "°C");
  static final double SIM_CHAMBER_BELOW_AMBIENT_C = 1.0;
  static final double SIM_CHAMBER_MAX_C = 350.0;
  static final NumberRange REALTIME_FACTOR = closed(0.1, 100, "");

  private static final YAMLFactory YAML = yamlFactory();

  private ConfigLoader() {}

  /** Reads and validates a config file. */
  public static ToasterConfig load(Path file) throws ConfigException {
    String text;
    try {
      text = TextFile.read(file, MAX_FILE_BYTES);
    } catch (UnreadableFile e) {
      throw ConfigException.unreadable(file.toString(), e.getMessage());
    }
    return parse(text, file.toString());
  }

  /**
   * Parses and validates config YAML.
   *
   * @param sourceName names the source in messages, usually the file path
   */
  public static ToasterConfig parse(String yaml, String sourceName) throws ConfigException {
    if (yaml.length() > MAX_FILE_BYTES) {
      throw ConfigException.unreadable(
          sourceName, "is " + yaml.length() + " characters; a config is at most " + MAX_FILE_BYTES);
    }
    Problems problems = new Problems();
    JsonNode root;
    try (JsonParser parser = YAML.createParser(TextFile.stripByteOrderMark(yaml))) {
      root = DocumentTree.read(parser, problems);
    } catch (SyntaxError e) {
      throw new ConfigException(sourceName, List.of("not valid YAML " + e.describe()));
    } catch (IOException e) {
      throw new ConfigException(
          sourceName, List.of("not valid YAML: the text could not be parsed"));
    }
    if (root == null) {
      throw new ConfigException(
          sourceName,
          List.of(
              "the file is empty; it needs at least the appliance section (start from config/toaster.yaml)"));
    }
    if (!root.isObject()) {
      throw new ConfigException(
          sourceName,
          List.of(
              "the top level is "
                  + Format.value(root)
                  + "; expected sections (appliance:, safety:, ...) as a YAML mapping"));
    }
    ToasterConfig config =
        read(new ObjectFields((ObjectNode) root, "", problems, "section"), problems);
    if (!problems.isEmpty()) {
      throw new ConfigException(sourceName, problems.messages());
    }
    return config;
  }

  private static ToasterConfig read(ObjectFields top, Problems problems) {
    Map<String, String> sectionOf = sectionOfEachOption();
    top.rejectUnknown(
        SECTIONS,
        key ->
            sectionOf.containsKey(key)
                ? "options go inside their section: write it as "
                    + sectionOf.get(key)
                    + "."
                    + key
                    + " (indented under "
                    + sectionOf.get(key)
                    + ":)"
                : null);

    Optional<ObjectFields> applianceFields = Optional.empty();
    if (top.has("appliance")) {
      applianceFields = top.section("appliance");
    } else {
      problems.add(
          "appliance",
          "appliance is required: the section that describes the hardware ("
              + String.join(", ", APPLIANCE_OPTIONS)
              + "); copy it from config/toaster.yaml and adapt it");
    }
    applianceFields.ifPresent(
        f -> f.rejectUnknown(allApplianceOptions(), elsewhere("appliance", sectionOf)));
    ApplianceConfig appliance =
        applianceFields.map(ConfigLoader::readAppliance).orElse(ApplianceConfig.defaults());

    ObjectFields safetyFields = section(top, "safety", SafetySection.OPTIONS, sectionOf);
    SafetyLimits safety = SafetySection.read(safetyFields, appliance.currentSensorFitted());

    ObjectFields controllerFields =
        section(top, "controller", ControllerSection.OPTIONS, sectionOf);
    ControllerConfig controller = ControllerSection.read(controllerFields);

    ObjectFields simulationFields = section(top, "simulation", SIMULATION_OPTIONS, sectionOf);
    SimulationConfig simulation = readSimulation(simulationFields);

    ObjectFields loggingFields = section(top, "logging", LOGGING_OPTIONS, sectionOf);
    LoggingConfig logging =
        new LoggingConfig(
            loggingFields
                .choice("level", false, Choices.byId(LogLevel.values(), LogLevel::id))
                .orElse(LogLevel.INFO));

    PiConfig pi = readPi(top, appliance, sectionOf, problems);
    MqttConfig mqtt =
        optionalSection(top, "mqtt", MqttSection.OPTIONS, sectionOf)
            .map(f -> MqttSection.read(f, appliance.deviceId()))
            .orElse(null);
    HistoryConfig history =
        optionalSection(top, "history", HistorySection.OPTIONS, sectionOf)
            .map(HistorySection::read)
            .orElse(null);
    ModelConfig model =
        optionalSection(top, "model", ModelSection.OPTIONS, sectionOf)
            .map(ModelSection::read)
            .orElse(ModelConfig.none());
    WebConfig web =
        optionalSection(top, "web", WebSection.OPTIONS, sectionOf)
            .map(WebSection::read)
            .orElse(null);

    Checks checks = new Checks(problems);
    SafetySection.checkRelations(safety, checks, "appliance.currentSensorFitted");
    checks.require(
        controller.tickS() <= safety.leaseS() / 2 + 1e-9,
        "controller.tickS",
        "controller.tickS = "
            + Format.number(controller.tickS())
            + " must be at most half of safety.leaseS = "
            + Format.number(safety.leaseS())
            + " so that the controller renews the heat lease at least twice per lease;"
            + " lower tickS or raise leaseS",
        "controller.tickS",
        "safety.leaseS");
    // While the controller waits for a prediction it may renew the lease only before and after the
    // wait; if the wait plus one controller tick could reach hungS, a slow (not even failed)
    // prediction would latch CONTROLLER_HUNG.
    double predictionGapS = controller.predictorTimeoutS() + controller.tickS();
    checks.require(
        predictionGapS < safety.hungS() - 1e-9,
        "controller.predictorTimeoutS",
        "controller.predictorTimeoutS = "
            + Format.number(controller.predictorTimeoutS())
            + " plus controller.tickS = "
            + Format.number(controller.tickS())
            + " gives "
            + Format.number(Math.round(predictionGapS * 1e6) / 1e6)
            + " s, which must be below safety.hungS = "
            + Format.number(safety.hungS())
            + " s, or a slow prediction would make the controller look hung; lower predictorTimeoutS or raise hungS",
        "controller.predictorTimeoutS",
        "controller.tickS",
        "safety.hungS");
    double lowestChamber = simulation.ambientC() - SIM_CHAMBER_BELOW_AMBIENT_C;
    checks.require(
        simulation.chamberStartC() >= lowestChamber,
        "simulation.chamberStartC",
        "simulation.chamberStartC = "
            + Format.number(simulation.chamberStartC())
            + " is below simulation.ambientC - 1 = "
            + Format.number(lowestChamber)
            + "; a chamber cannot be colder than the room it sits in; raise chamberStartC",
        "simulation.chamberStartC",
        "simulation.ambientC");

    checks.require(
        !top.has("mqtt") || top.has("history"),
        "history",
        "history is required with mqtt: events wait in the history database's outbox until the broker has them;"
            + " add a history section with databaseFile (e.g. /var/lib/smart-toaster/history.db)",
        "history",
        "mqtt");

    if (mqtt != null && mqtt.acceptModelOffers()) {
      // An offer is installed into the state directory's model store and trusted only by its
      // signature.
      checks.require(
          model.bundlePublicKey() != null,
          "mqtt.acceptModelOffers",
          "mqtt.acceptModelOffers = true needs model.bundlePublicKey, the fleet's public key that every offered"
              + " bundle must be signed with, and it is not set; set model.bundlePublicKey or turn acceptModelOffers off",
          "model.bundlePublicKey");
      checks.require(
          appliance.stateDir() != null,
          "mqtt.acceptModelOffers",
          "mqtt.acceptModelOffers = true needs appliance.stateDir, where offered models are installed, and it is not"
              + " set; set appliance.stateDir (e.g. /var/lib/smart-toaster) or turn acceptModelOffers off",
          "appliance.stateDir");
      checks.require(
          "model".equals(controller.predictor().id()),
          "mqtt.acceptModelOffers",
          "mqtt.acceptModelOffers = true needs controller.predictor = model, but it is \""
              + controller.predictor().id()
              + "\": an offered model would never run; set predictor: model or turn acceptModelOffers off",
          "controller.predictor");
    }

    RatingsConfig ratings =
        RatingsSection.read(section(top, "ratings", RatingsSection.OPTIONS, sectionOf));
    return new ToasterConfig(
        appliance, safety, controller, simulation, logging, pi, mqtt, history, model, ratings, web);
  }

  /**
   * A section that is off unless present: empty when absent (or invalid), its unknown keys checked
   * when present. An empty value ({@code mqtt:}) counts as present with no options.
   */
  private static Optional<ObjectFields> optionalSection(
      ObjectFields top, String name, List<String> options, Map<String, String> sectionOf) {
    if (!top.has(name)) {
      return Optional.empty();
    }
    Optional<ObjectFields> f = top.section(name);
    f.ifPresent(s -> s.rejectUnknown(options, elsewhere(name, sectionOf)));
    return f;
  }

  /** The pi section: required for kind pi, checked whenever present; null when absent. */
  private static @Nullable PiConfig readPi(
      ObjectFields top,
      ApplianceConfig appliance,
      Map<String, String> sectionOf,
      Problems problems) {
    boolean kindPi = appliance.kind().usesPiWiring() && !problems.has("appliance.kind");
    if (!top.has("pi")) {
      if (kindPi) {
        problems.add(
            "pi",
            "pi is required when appliance.kind is "
                + appliance.kind().id()
                + ": the section that says which GPIO pin does what and how the"
                + " thermocouple is read; copy it from config/pi.yaml and match it to your wiring (hardware/README.md)");
      }
      return null;
    }
    ObjectFields f = section(top, "pi", PiSection.OPTIONS, sectionOf);
    CurrentSensorOption fitted =
        problems.has("appliance.currentSensorFitted") || problems.has("appliance")
            ? CurrentSensorOption.NOT_KNOWN
            : CurrentSensorOption.of(appliance.currentSensorFitted());
    return PiSection.read(f, fitted, problems);
  }

  private static ApplianceConfig readAppliance(ObjectFields f) {
    ApplianceConfig d = ApplianceConfig.defaults();
    ApplianceKind kind =
        f.choice("kind", true, Choices.byId(ApplianceKind.values(), ApplianceKind::id))
            .orElse(d.kind());
    String deviceId =
        f.text("deviceId", true, DEVICE_ID, "1 to 32 characters from a-z, 0-9 and -")
            .orElse(d.deviceId());
    double mains =
        f.requiredDecimal("mainsVoltsNominal", MAINS_VOLTS_NOMINAL).orElse(d.mainsVoltsNominal());
    boolean fitted = f.bool("currentSensorFitted", true).orElse(d.currentSensorFitted());
    String stateDir =
        f.text("stateDir", false, STATE_DIR, "an absolute path (starting with /)")
            .orElse(d.stateDir());
    double element =
        f.decimal("elementRatedVolts", closed(100, 250, "V")).orElse(ElementRating.nearest(mains));
    if (!ElementRating.isDesignVoltage(element)) {
      f.problems()
          .add(
              f.path("elementRatedVolts"),
              f.path("elementRatedVolts")
                  + " = "
                  + Format.number(element)
                  + " is not an element design voltage; expected 230 or 120");
    } else if (Math.abs(mains - element) > ELEMENT_MAINS_MISMATCH * element) {
      f.problems()
          .add(
              f.path("elementRatedVolts"),
              f.path("elementRatedVolts")
                  + " = "
                  + Format.number(element)
                  + " does not suit appliance.mainsVoltsNominal = "
                  + Format.number(mains)
                  + ": the supply may differ from"
                  + " the element's design voltage by at most 15 % ("
                  + Format.number(element * (1 - ELEMENT_MAINS_MISMATCH))
                  + ".."
                  + Format.number(element * (1 + ELEMENT_MAINS_MISMATCH))
                  + " V); a 120 V element on 230 V draws 3.7"
                  + " times its power");
    }
    return new ApplianceConfig(kind, deviceId, mains, fitted, stateDir, element);
  }

  private static List<String> allApplianceOptions() {
    List<String> all = new java.util.ArrayList<>(APPLIANCE_OPTIONS);
    all.addAll(APPLIANCE_OPTIONAL);
    return all;
  }

  private static SimulationConfig readSimulation(ObjectFields f) {
    SimulationConfig d = SimulationConfig.defaults();
    return new SimulationConfig(
        f.decimal("ambientC", SIM_AMBIENT_C).orElse(d.ambientC()),
        f.decimal(
                "chamberStartC",
                closed(SIM_AMBIENT_C.min() - SIM_CHAMBER_BELOW_AMBIENT_C, SIM_CHAMBER_MAX_C, "°C"))
            .orElse(d.chamberStartC()),
        f.integer("seed", Long.MIN_VALUE, Long.MAX_VALUE).orElse(d.seed()),
        f.decimal("realtimeFactor", REALTIME_FACTOR).orElse(d.realtimeFactor()));
  }

  /** An optional section with its unknown keys checked; an invalid section reads as empty. */
  private static ObjectFields section(
      ObjectFields top, String name, List<String> options, Map<String, String> sectionOf) {
    ObjectFields f =
        top.section(name).orElse(ObjectFields.empty(top.path(name), top.problems(), "option"));
    f.rejectUnknown(options, elsewhere(name, sectionOf));
    return f;
  }

  private static Function<String, String> elsewhere(String section, Map<String, String> sectionOf) {
    return key -> {
      String other = sectionOf.get(key);
      if (other == null || other.equals(section)) {
        return null;
      }
      return "it belongs in section " + other + " (" + other + "." + key + ")";
    };
  }

  private static Map<String, String> sectionOfEachOption() {
    Map<String, String> m = new LinkedHashMap<>();
    allApplianceOptions().forEach(o -> m.put(o, "appliance"));
    SafetySection.OPTIONS.forEach(o -> m.putIfAbsent(o, "safety"));
    ControllerSection.OPTIONS.forEach(o -> m.putIfAbsent(o, "controller"));
    SIMULATION_OPTIONS.forEach(o -> m.putIfAbsent(o, "simulation"));
    LOGGING_OPTIONS.forEach(o -> m.putIfAbsent(o, "logging"));
    PiSection.OPTIONS.forEach(o -> m.putIfAbsent(o, "pi"));
    MqttSection.OPTIONS.forEach(o -> m.putIfAbsent(o, "mqtt"));
    HistorySection.OPTIONS.forEach(o -> m.putIfAbsent(o, "history"));
    ModelSection.OPTIONS.forEach(o -> m.putIfAbsent(o, "model"));
    RatingsSection.OPTIONS.forEach(o -> m.putIfAbsent(o, "ratings"));
    WebSection.OPTIONS.forEach(o -> m.putIfAbsent(o, "web"));
    return m;
  }

  private static YAMLFactory yamlFactory() {
    LoaderOptions options = new LoaderOptions();
    options.setMaxAliasesForCollections(10);
    options.setNestingDepthLimit(DocumentTree.MAX_DEPTH + 4);
    options.setCodePointLimit((int) MAX_FILE_BYTES + 16);
    return YAMLFactory.builder()
        .loaderOptions(options)
        .streamReadConstraints(
            StreamReadConstraints.builder().maxNestingDepth(64).maxNumberLength(100).build())
        .build();
  }
}
