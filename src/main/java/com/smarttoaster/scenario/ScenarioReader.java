package com.smarttoaster.scenario;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.smarttoaster.input.Choices;
import com.smarttoaster.input.DocumentTree;
import com.smarttoaster.input.Format;
import com.smarttoaster.input.NumberRange;
import com.smarttoaster.input.ObjectFields;
import com.smarttoaster.input.Problems;
import com.smarttoaster.input.SyntaxError;
import com.smarttoaster.input.TextFile;
import com.smarttoaster.input.UnreadableFile;
import com.smarttoaster.toast.BreadType;
import com.smarttoaster.toast.ElementRating;
import com.smarttoaster.toast.ToastMode;
import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.OptionalLong;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * Reads scenario files (docs/contracts.md §2) strictly: unknown fields, wrong types, missing
 * required fields, out-of-range values and malformed JSON are all a {@link ScenarioException} that
 * names the file, the field path, the value and what is allowed. All problems in a file are
 * reported together.
 *
 * <p>Decisions beyond the design: {@code faults} and {@code actions} may be left out (no faults, no
 * actions); every other field is required. Whole-number fields accept 4 or 4.0 but not 4.5. Numbers
 * must be finite. A key given twice is an error. {@code arm-remote-start} must be at {@code atS} 0.
 * Faults and actions keep their file order. The contract additions of docs/contracts.md are
 * optional: {@code before} (none), {@code configuredMainsVolts} (the actual {@code mainsVolts}) and
 * {@code nominalMainsVolts} (230).
 */
public final class ScenarioReader {
  /** Larger files are refused before parsing; a scenario is a few hundred bytes. */
  public static final long MAX_FILE_BYTES = 1 << 20;

  private static final JsonFactory JSON =
      JsonFactory.builder()
          .streamReadConstraints(
              StreamReadConstraints.builder().maxNestingDepth(64).maxNumberLength(100).build())
          .build();
  private static final Pattern NAME =
      Pattern.compile("(?s)(?=.*\\S).{1," + ScenarioLimits.MAX_NAME_LENGTH + "}");
  private static final List<String> TOP_FIELDS =
      List.of(
          "version",
          "name",
          "seed",
          "ambientC",
          "mainsVolts",
          "chamberStartC",
          "slices",
          "bread",
          "shade",
          "mode",
          "faults",
          "actions",
          "before",
          "configuredMainsVolts",
          "nominalMainsVolts");
  private static final List<String> EARLIER_FIELDS =
      List.of("bread", "shade", "mode", "slices", "pauseS");
  private static final List<String> BREAD_FIELDS = List.of("type", "thicknessMm", "startC");
  private static final List<String> ACTION_FIELDS = List.of("atS", "do");
  private static final List<String> FAULT_FIELDS;

  static {
    List<String> f = new ArrayList<>(List.of("kind", "atS"));
    for (FaultParameter p : FaultParameter.values()) {
      f.add(p.fieldName());
    }
    FAULT_FIELDS = List.copyOf(f);
  }

  private ScenarioReader() {}

  /** Reads and validates one scenario file. */
  public static Scenario read(Path file) throws ScenarioException {
    String text;
    try {
      text = TextFile.read(file, MAX_FILE_BYTES);
    } catch (UnreadableFile e) {
      throw new ScenarioException(file.toString(), e.getMessage());
    }
    return parse(text, file.toString());
  }

  /**
   * Parses and validates scenario JSON.
   *
   * @param sourceName names the source in messages, usually the file path
   */
  public static Scenario parse(String json, String sourceName) throws ScenarioException {
    if (json.length() > MAX_FILE_BYTES) {
      throw new ScenarioException(
          sourceName,
          "is " + json.length() + " characters; a scenario is at most " + MAX_FILE_BYTES);
    }
    Problems problems = new Problems();
    JsonNode root;
    try (JsonParser parser = JSON.createParser(TextFile.stripByteOrderMark(json))) {
      root = DocumentTree.read(parser, problems);
    } catch (SyntaxError e) {
      throw new ScenarioException(sourceName, "not valid JSON " + e.describe());
    } catch (IOException e) {
      throw new ScenarioException(sourceName, "not valid JSON: the text could not be parsed");
    }
    if (root == null) {
      throw new ScenarioException(
          sourceName, "the file is empty; expected a JSON object {\"version\": 1, ...}");
    }
    if (!root.isObject()) {
      throw new ScenarioException(
          sourceName,
          "the top level is "
              + Format.value(root)
              + "; expected a JSON object {\"version\": 1, ...}");
    }
    ObjectFields top = new ObjectFields((ObjectNode) root, "", problems, "field");

    if (!top.has("version")) {
      problems.add(
          "version",
          "version is required; expected "
              + ScenarioLimits.VERSION
              + " (the scenario format version)");
    }
    OptionalLong version = top.integer("version", Long.MIN_VALUE, Long.MAX_VALUE);
    if (version.isPresent() && version.getAsLong() != ScenarioLimits.VERSION) {
      // Other versions may mean other fields; checking them against version 1 would only confuse.
      throw new ScenarioException(
          sourceName,
          "version = "
              + version.getAsLong()
              + " is not supported; this program reads version "
              + ScenarioLimits.VERSION
              + " scenario files");
    }
    Scenario scenario = readFields(top, problems);
    if (!problems.isEmpty() || scenario == null) {
      throw new ScenarioException(sourceName, problems.messages());
    }
    return scenario;
  }

  /**
   * The scenario files to run: a file is itself; a directory gives its {@code *.json} regular files
   * (not recursing), sorted by file name.
   *
   * @throws ScenarioException for a missing path, an unreadable directory or one without {@code
   *     *.json} files
   */
  public static List<Path> scenarioFiles(Path fileOrDir) throws ScenarioException {
    String source = fileOrDir.toString();
    if (!Files.exists(fileOrDir)) {
      throw new ScenarioException(source, "no such file or directory");
    }
    if (!Files.isDirectory(fileOrDir)) {
      if (!Files.isRegularFile(fileOrDir)) {
        throw new ScenarioException(source, "is neither a regular file nor a directory");
      }
      return List.of(fileOrDir);
    }
    List<Path> files = new ArrayList<>();
    try (DirectoryStream<Path> dir = Files.newDirectoryStream(fileOrDir, "*.json")) {
      for (Path p : dir) {
        if (Files.isRegularFile(p)) {
          files.add(p);
        }
      }
    } catch (IOException | SecurityException e) {
      throw new ScenarioException(
          source,
          "the directory cannot be listed" + (e.getMessage() == null ? "" : ": " + e.getMessage()));
    }
    if (files.isEmpty()) {
      throw new ScenarioException(source, "the directory contains no *.json scenario files");
    }
    files.sort(Comparator.comparing(p -> p.getFileName().toString()));
    return List.copyOf(files);
  }

  private static @Nullable Scenario readFields(ObjectFields top, Problems problems) {
    Optional<String> name =
        top.text(
            "name",
            true,
            NAME,
            "text of 1 to " + ScenarioLimits.MAX_NAME_LENGTH + " characters, not blank");
    OptionalLong seed = top.requiredInteger("seed", Long.MIN_VALUE, Long.MAX_VALUE);
    OptionalDouble ambient = top.requiredDecimal("ambientC", ScenarioLimits.AMBIENT_C);
    OptionalDouble mains = top.requiredDecimal("mainsVolts", ScenarioLimits.MAINS_VOLTS);
    OptionalDouble chamber = readChamberStart(top, ambient);
    OptionalLong slices =
        top.requiredInteger("slices", ScenarioLimits.MIN_SLICES, ScenarioLimits.MAX_SLICES);
    Optional<BreadSpec> bread = top.object("bread", true).flatMap(ScenarioReader::readBread);
    OptionalLong shade = top.requiredInteger("shade", 1, 7);
    Optional<ToastMode> mode =
        top.choice("mode", true, Choices.byId(ToastMode.values(), ToastMode::id));
    List<ScenarioFault> faults = new ArrayList<>();
    top.objectList("faults", ScenarioLimits.MAX_LIST_ENTRIES)
        .ifPresent(list -> list.forEach(f -> readFault(f).ifPresent(faults::add)));
    List<ScenarioAction> actions = new ArrayList<>();
    top.objectList("actions", ScenarioLimits.MAX_LIST_ENTRIES)
        .ifPresent(list -> list.forEach(a -> readAction(a).ifPresent(actions::add)));
    List<EarlierCycle> before = new ArrayList<>();
    top.objectList("before", ScenarioLimits.MAX_EARLIER_CYCLES)
        .ifPresent(list -> list.forEach(b -> readEarlierCycle(b).ifPresent(before::add)));
    OptionalDouble configured = top.decimal("configuredMainsVolts", ScenarioLimits.MAINS_VOLTS);
    OptionalDouble nominal = readNominalMains(top);
    top.rejectUnknown(TOP_FIELDS);

    if (!problems.isEmpty()) {
      return null;
    }
    try {
      return new Scenario(
          ScenarioLimits.VERSION,
          name.orElseThrow(),
          seed.orElseThrow(),
          ambient.orElseThrow(),
          mains.orElseThrow(),
          chamber.orElseThrow(),
          (int) slices.orElseThrow(),
          bread.orElseThrow(),
          (int) shade.orElseThrow(),
          mode.orElseThrow(),
          faults,
          actions,
          before,
          configured.orElse(mains.orElseThrow()),
          nominal.orElse(ElementRating.VOLTS_230));
    } catch (IllegalArgumentException e) {
      // Every rule is checked above with a field path; this is a safety net, not a code path.
      problems.add("", Objects.toString(e.getMessage(), e.toString()));
      return null;
    }
  }

  private static OptionalDouble readChamberStart(ObjectFields top, OptionalDouble ambient) {
    double lowest = ScenarioLimits.AMBIENT_C.min() - ScenarioLimits.CHAMBER_BELOW_AMBIENT_C;
    OptionalDouble chamber =
        top.requiredDecimal(
            "chamberStartC", NumberRange.closed(lowest, ScenarioLimits.CHAMBER_MAX_C, "°C"));
    if (chamber.isEmpty() || ambient.isEmpty()) {
      return chamber;
    }
    NumberRange allowed = ScenarioLimits.chamberStartC(ambient.getAsDouble());
    if (!allowed.contains(chamber.getAsDouble())) {
      top.problems()
          .add(
              "chamberStartC",
              "chamberStartC = "
                  + Format.number(chamber.getAsDouble())
                  + " is below ambientC - 1 = "
                  + Format.number(allowed.min())
                  + "; a chamber cannot be colder than the room it sits in; expected a number "
                  + allowed.describe());
      return OptionalDouble.empty();
    }
    return chamber;
  }

  private static OptionalDouble readNominalMains(ObjectFields top) {
    OptionalDouble v = top.decimal("nominalMainsVolts", ScenarioLimits.MAINS_VOLTS);
    if (v.isPresent() && !ElementRating.isDesignVoltage(v.getAsDouble())) {
      top.problems()
          .add(
              "nominalMainsVolts",
              "nominalMainsVolts = "
                  + Format.number(v.getAsDouble())
                  + " is not an element design voltage; expected 230 or 120");
      return OptionalDouble.empty();
    }
    return v;
  }

  private static Optional<EarlierCycle> readEarlierCycle(ObjectFields f) {
    Optional<BreadSpec> bread = f.object("bread", true).flatMap(ScenarioReader::readBread);
    OptionalLong shade = f.requiredInteger("shade", 1, 7);
    Optional<ToastMode> mode =
        f.choice("mode", true, Choices.byId(ToastMode.values(), ToastMode::id));
    OptionalLong slices =
        f.requiredInteger("slices", ScenarioLimits.MIN_SLICES, ScenarioLimits.MAX_SLICES);
    OptionalDouble pause = f.requiredDecimal("pauseS", ScenarioLimits.PAUSE_S);
    f.rejectUnknown(EARLIER_FIELDS);
    if (bread.isEmpty()
        || shade.isEmpty()
        || mode.isEmpty()
        || slices.isEmpty()
        || pause.isEmpty()) {
      return Optional.empty();
    }
    return Optional.of(
        new EarlierCycle(
            bread.get(),
            (int) shade.getAsLong(),
            mode.get(),
            (int) slices.getAsLong(),
            pause.getAsDouble()));
  }

  private static Optional<BreadSpec> readBread(ObjectFields f) {
    Optional<BreadType> type =
        f.choice("type", true, Choices.byId(BreadType.values(), BreadType::id));
    OptionalDouble thickness = f.requiredDecimal("thicknessMm", ScenarioLimits.THICKNESS_MM);
    OptionalDouble startC = f.requiredDecimal("startC", ScenarioLimits.BREAD_START_C);
    f.rejectUnknown(BREAD_FIELDS);
    if (type.isEmpty() || thickness.isEmpty() || startC.isEmpty()) {
      return Optional.empty();
    }
    return Optional.of(new BreadSpec(type.get(), thickness.getAsDouble(), startC.getAsDouble()));
  }

  private static Optional<ScenarioFault> readFault(ObjectFields f) {
    Optional<FaultKind> kind =
        f.choice("kind", true, Choices.byId(FaultKind.values(), FaultKind::id));
    OptionalDouble atS = f.requiredDecimal("atS", ScenarioLimits.AT_S);
    f.rejectUnknown(FAULT_FIELDS);
    if (kind.isEmpty()) {
      return Optional.empty(); // which parameters belong depends on the kind
    }
    FaultKind k = kind.get();
    FaultParameter wanted = k.parameter().orElse(null);
    Double value = null;
    boolean ok = true;
    for (FaultParameter p : FaultParameter.values()) {
      String key = p.fieldName();
      if (p == wanted) {
        if (!f.has(key)) {
          f.problems()
              .add(
                  f.path(key),
                  f.path(key)
                      + " is required for kind "
                      + k.id()
                      + "; expected "
                      + k.describeRange());
          ok = false;
          continue;
        }
        OptionalDouble v = f.decimal(key, NumberRange.anyFinite(""));
        if (v.isEmpty()) {
          ok = false;
        } else if (!k.accepts(v.getAsDouble())) {
          f.problems()
              .add(
                  f.path(key),
                  f.path(key)
                      + " = "
                      + Format.number(v.getAsDouble())
                      + " is out of range for kind "
                      + k.id()
                      + "; expected "
                      + k.describeRange());
          ok = false;
        } else {
          value = v.getAsDouble();
        }
      } else if (f.has(key)) {
        String takes =
            wanted == null
                ? "kind " + k.id() + " takes no parameter"
                : "kind " + k.id() + " takes only " + wanted.fieldName();
        f.problems()
            .add(
                f.path(key),
                f.path(key) + " does not apply to kind " + k.id() + "; " + takes + "; remove it");
        ok = false;
      }
    }
    if (!ok || atS.isEmpty()) {
      return Optional.empty();
    }
    return Optional.of(
        value == null
            ? ScenarioFault.of(k, atS.getAsDouble())
            : ScenarioFault.of(k, atS.getAsDouble(), value));
  }

  private static Optional<ScenarioAction> readAction(ObjectFields f) {
    OptionalDouble atS = f.requiredDecimal("atS", ScenarioLimits.AT_S);
    Optional<ActionKind> action =
        f.choice("do", true, Choices.byId(ActionKind.values(), ActionKind::id));
    f.rejectUnknown(ACTION_FIELDS);
    if (atS.isEmpty() || action.isEmpty()) {
      return Optional.empty();
    }
    if (action.get() == ActionKind.ARM_REMOTE_START && atS.getAsDouble() != 0.0) {
      f.problems()
          .add(
              f.path("atS"),
              f.path("atS")
                  + " = "
                  + Format.number(atS.getAsDouble())
                  + " is not allowed for arm-remote-start; expected 0 (arming replaces the lever press at 0 s)");
      return Optional.empty();
    }
    return Optional.of(new ScenarioAction(atS.getAsDouble(), action.get()));
  }
}
