package com.smarttoaster.scenario;

import static com.smarttoaster.scenario.ScenarioJson.BASE;
import static com.smarttoaster.scenario.ScenarioJson.with;
import static com.smarttoaster.scenario.ScenarioJson.without;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.smarttoaster.toast.BreadType;
import com.smarttoaster.toast.ToastMode;
import com.smarttoaster.toast.ToastSettings;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

class ScenarioReaderTest {
  private static final Path EXAMPLES = Path.of("src/test/resources/scenarios");
  private static final String SOURCE = "test.json";

  static Stream<Path> examples() throws ScenarioException {
    return ScenarioReader.scenarioFiles(EXAMPLES).stream();
  }

  private static ScenarioException rejected(String json) {
    ScenarioException e =
        assertThrows(ScenarioException.class, () -> ScenarioReader.parse(json, SOURCE));
    for (String line : e.getMessage().split("\n")) {
      assertTrue(line.startsWith(SOURCE + ": "), "every line names the file: " + line);
    }
    assertFalse(e.getMessage().contains("com.fasterxml"), e.getMessage());
    assertFalse(e.getMessage().contains("Exception"), e.getMessage());
    return e;
  }

  private static void assertNames(String json, String path) {
    ScenarioException e = rejected(json);
    assertTrue(
        e.getMessage().contains(SOURCE + ": " + path + " "),
        "message names " + path + ":\n" + e.getMessage());
  }

  // ---- accepted ------------------------------------------------------------------------------

  @ParameterizedTest
  @MethodSource("examples")
  void everyExampleScenarioParses(Path file) throws Exception {
    Scenario s = ScenarioReader.read(file);
    assertEquals(1, s.version());
    assertFalse(s.name().isBlank());
  }

  @Test
  void exampleValuesAreReadIntoTheRecord() throws Exception {
    Scenario s = ScenarioReader.read(EXAMPLES.resolve("cancel-midway.json"));
    assertEquals(
        new Scenario(
            1,
            "user presses cancel halfway",
            6,
            21.0,
            230.0,
            21.0,
            2,
            new BreadSpec(BreadType.BRIOCHE, 20, 21.0),
            4,
            ToastMode.TOAST,
            List.of(),
            List.of(new ScenarioAction(50.0, ActionKind.CANCEL))),
        s);
    assertEquals(new ToastSettings(4, BreadType.BRIOCHE, 20, 2, ToastMode.TOAST), s.settings());
  }

  @Test
  void faultsAndTheirParametersAreRead() throws Exception {
    Scenario s = ScenarioReader.parse(BASE, SOURCE);
    assertEquals(
        List.of(
            ScenarioFault.of(FaultKind.SENSOR_OPEN, 30.0),
            ScenarioFault.of(FaultKind.SENSOR_DRIFT, 10.0, 2.0)),
        s.faults());
    assertEquals(2.0, s.faults().get(1).rateCPerS());
    assertEquals(2.0, s.faults().get(1).parameter());
  }

  @Test
  void faultsAndActionsMayBeLeftOut() throws Exception {
    Scenario s = ScenarioReader.parse(ScenarioJson.without("faults", "actions"), SOURCE);
    assertEquals(List.of(), s.faults());
    assertEquals(List.of(), s.actions());
  }

  @Test
  void physicallyPossibleExtremesAreAccepted() throws Exception {
    String json =
        """
        {"version": 1, "name": "extreme", "seed": -9223372036854775808, "ambientC": -30, "mainsVolts": 270,
         "chamberStartC": -31, "slices": 1, "bread": {"type": "bagel", "thicknessMm": 60, "startC": -40},
         "shade": 7, "mode": "reheat",
         "faults": [{"kind": "predictor-extreme", "atS": 0, "seconds": -1e12},
                    {"kind": "sensor-drift", "atS": 3600, "rateCPerS": -100},
                    {"kind": "overheat", "atS": 1, "rateCPerS": 100},
                    {"kind": "sensor-noise", "atS": 1, "sigmaC": 0},
                    {"kind": "sensor-dropout", "atS": 1, "durationS": 3600},
                    {"kind": "sensor-short-vcc", "atS": 2}],
         "actions": [{"atS": 0, "do": "arm-remote-start"}, {"atS": 10, "do": "remote-start"}]}
        """;
    Scenario s = ScenarioReader.parse(json, SOURCE);
    assertEquals(-31.0, s.chamberStartC());
    assertEquals(-1e12, s.faults().get(0).seconds());
    assertTrue(s.armsRemoteStart());
  }

  @Test
  void wholeNumbersMayBeWrittenWithAZeroFraction() throws Exception {
    assertEquals(5, ScenarioReader.parse(with("shade", "5.0"), SOURCE).shade());
  }

  // ---- files and directories -----------------------------------------------------------------

  @Test
  void aDirectoryGivesItsJsonFilesSortedByName(@TempDir Path dir) throws Exception {
    Files.writeString(dir.resolve("b.json"), BASE);
    Files.writeString(dir.resolve("a.json"), BASE);
    Files.writeString(dir.resolve("notes.txt"), "x");
    Files.createDirectory(dir.resolve("c.json"));
    assertEquals(
        List.of(dir.resolve("a.json"), dir.resolve("b.json")), ScenarioReader.scenarioFiles(dir));
  }

  @Test
  void aFileGivesItself(@TempDir Path dir) throws Exception {
    Path f = Files.writeString(dir.resolve("one.json"), BASE);
    assertEquals(List.of(f), ScenarioReader.scenarioFiles(f));
  }

  @Test
  void anEmptyDirectoryIsAnError(@TempDir Path dir) {
    ScenarioException e =
        assertThrows(ScenarioException.class, () -> ScenarioReader.scenarioFiles(dir));
    assertEquals(dir + ": the directory contains no *.json scenario files", e.getMessage());
  }

  @Test
  void aMissingPathIsAnError(@TempDir Path dir) {
    Path missing = dir.resolve("nope");
    ScenarioException e =
        assertThrows(ScenarioException.class, () -> ScenarioReader.scenarioFiles(missing));
    assertEquals(missing + ": no such file or directory", e.getMessage());
    e = assertThrows(ScenarioException.class, () -> ScenarioReader.read(missing));
    assertEquals(missing + ": no such file", e.getMessage());
  }

  @Test
  void aFileThatIsNotUtf8IsAnError(@TempDir Path dir) throws Exception {
    Path f =
        Files.write(
            dir.resolve("latin1.json"),
            BASE.replace("base", "caf\u00e9").getBytes(StandardCharsets.ISO_8859_1));
    ScenarioException e = assertThrows(ScenarioException.class, () -> ScenarioReader.read(f));
    assertEquals(f + ": is not UTF-8 text; save it as UTF-8", e.getMessage());
  }

  @Test
  void theFileNameIsInTheMessage(@TempDir Path dir) throws Exception {
    Path f = Files.writeString(dir.resolve("bad.json"), with("shade", "9"));
    ScenarioException e = assertThrows(ScenarioException.class, () -> ScenarioReader.read(f));
    assertEquals(
        f + ": shade = 9 is out of range; expected a whole number from 1 to 7", e.getMessage());
  }

  // ---- malformed documents -------------------------------------------------------------------

  @Test
  void malformedJsonNamesTheLineAndColumn() {
    ScenarioException e = rejected("{\n  \"version\": 1,\n  \"name\": \"x\",,\n}");
    assertTrue(
        e.getMessage().startsWith(SOURCE + ": not valid JSON at line 3, column "), e.getMessage());
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "{",
        "{\"version\": 1",
        "[1, 2",
        "{version: 1}",
        "{'version': 1}",
        "{\"a\": 01}",
        "\u0000",
        "{} {}"
      })
  void malformedJsonIsAScenarioException(String json) {
    ScenarioException e = rejected(json);
    assertTrue(e.getMessage().startsWith(SOURCE + ": not valid JSON"), e.getMessage());
  }

  @Test
  void anEmptyFileIsAnError() {
    assertEquals(
        SOURCE + ": the file is empty; expected a JSON object {\"version\": 1, ...}",
        rejected("  \n").getMessage());
  }

  @Test
  void theTopLevelMustBeAnObject() {
    assertEquals(
        SOURCE + ": the top level is a list [...]; expected a JSON object {\"version\": 1, ...}",
        rejected("[]").getMessage());
  }

  @Test
  void nanAndInfinityAreRejected() {
    ScenarioException e = rejected(BASE.replace("\"ambientC\": 21.0", "\"ambientC\": NaN"));
    assertTrue(e.getMessage().contains("NaN and Infinity are not numbers here"), e.getMessage());
    assertNames(BASE.replace("\"ambientC\": 21.0", "\"ambientC\": 1e400"), "ambientC");
    assertTrue(
        rejected(BASE.replace("\"ambientC\": 21.0", "\"ambientC\": 1e400"))
            .getMessage()
            .contains("not a finite number"));
  }

  @Test
  void aFieldGivenTwiceIsAnError() {
    ScenarioException e = rejected(BASE.replace("\"shade\": 4,", "\"shade\": 4, \"shade\": 5,"));
    assertEquals(SOURCE + ": shade is given more than once; keep only one", e.getMessage());
  }

  // ---- version ------------------------------------------------------------------------------

  @Test
  void versionIsRequired() {
    assertEquals(
        SOURCE + ": version is required; expected 1 (the scenario format version)",
        rejected(without("version")).getMessage());
  }

  @Test
  void otherVersionsAreRefusedAlone() {
    assertEquals(
        SOURCE + ": version = 2 is not supported; this program reads version 1 scenario files",
        rejected(with("version", "2").replace("\"shade\" : 4", "\"shade\" : 99")).getMessage());
  }

  @Test
  void versionAsTextIsAWrongType() {
    assertNames(with("version", "\"1\""), "version");
  }

  // ---- missing fields -----------------------------------------------------------------------

  @ParameterizedTest
  @ValueSource(
      strings = {
        "name",
        "seed",
        "ambientC",
        "mainsVolts",
        "chamberStartC",
        "slices",
        "bread",
        "shade",
        "mode",
        "bread.type",
        "bread.thicknessMm",
        "bread.startC",
        "faults[0].kind",
        "faults[0].atS",
        "actions[0].atS",
        "actions[0].do"
      })
  void aMissingRequiredFieldIsNamed(String path) {
    ScenarioException e = rejected(without(path));
    assertTrue(
        e.getMessage().contains(SOURCE + ": " + path + " is required; expected "), e.getMessage());
  }

  @Test
  void aMissingFaultParameterIsNamedWithItsKind() {
    ScenarioException e = rejected(without("faults[1].rateCPerS"));
    assertEquals(
        SOURCE
            + ": faults[1].rateCPerS is required for kind sensor-drift; expected a number from -100 to 100 °C/s, not 0",
        e.getMessage());
  }

  @ParameterizedTest
  @CsvSource({
    "sensor-noise, sigmaC",
    "sensor-dropout, durationS",
    "predictor-extreme, seconds",
    "overheat, rateCPerS"
  })
  void everyParameterisedKindRequiresItsParameter(String kind, String parameter) {
    String json = with("faults[0].kind", "\"" + kind + "\"");
    assertTrue(
        rejected(json)
            .getMessage()
            .contains("faults[0]." + parameter + " is required for kind " + kind),
        rejected(json).getMessage());
  }

  @Test
  void aParameterThatDoesNotBelongToTheKindIsNamed() {
    assertEquals(
        SOURCE
            + ": faults[1].sigmaC does not apply to kind sensor-drift; kind sensor-drift takes only rateCPerS; remove it",
        rejected(with("faults[1].sigmaC", "3")).getMessage());
    assertEquals(
        SOURCE
            + ": faults[0].durationS does not apply to kind sensor-open; kind sensor-open takes no parameter; remove it",
        rejected(with("faults[0].durationS", "3")).getMessage());
  }

  // ---- unknown fields -----------------------------------------------------------------------

  @Test
  void anUnknownTopLevelFieldIsNamedWithASuggestion() {
    assertEquals(
        SOURCE + ": ambient is not a known field; did you mean ambientC?",
        rejected(with("ambient", "21")).getMessage());
  }

  @Test
  void anUnknownNestedFieldIsNamed() {
    assertEquals(
        SOURCE
            + ": bread.colour is not a known field in bread; known fields: type, thicknessMm, startC",
        rejected(with("bread.colour", "\"brown\"")).getMessage());
    assertNames(with("faults[0].rate", "1"), "faults[0].rate");
    assertNames(with("actions[0].when", "1"), "actions[0].when");
  }

  // ---- wrong types --------------------------------------------------------------------------

  @Test
  void aStringWhereANumberGoesIsAWrongType() {
    assertEquals(
        SOURCE
            + ": bread.thicknessMm = \"12\" has the wrong type; expected a number from 3 to 60 mm",
        rejected(with("bread.thicknessMm", "\"12\"")).getMessage());
  }

  @Test
  void aFractionForShadeIsNotAWholeNumber() {
    assertEquals(
        SOURCE + ": shade = 4.5 is not a whole number; expected a whole number from 1 to 7",
        rejected(with("shade", "4.5")).getMessage());
  }

  @Test
  void aBooleanForSlicesIsAWrongType() {
    assertEquals(
        SOURCE + ": slices = true has the wrong type; expected a whole number from 1 to 2",
        rejected(with("slices", "true")).getMessage());
  }

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {
        "name | 7",
        "seed | \"7\"",
        "seed | 1.5",
        "mode | 2",
        "bread | \"white\"",
        "bread.type | [\"white\"]",
        "faults | {}",
        "actions | \"cancel\"",
        "faults[0].kind | 3",
        "faults[0].atS | \"30\"",
        "faults[1].rateCPerS | \"fast\"",
        "actions[0].do | true",
        "mainsVolts | null",
        "name | \"\""
      })
  void wrongTypesAreNamed(String path, String value) {
    assertNames(with(path, value), path);
  }

  @Test
  void aListEntryThatIsNotAnObjectIsNamedByIndex() {
    assertEquals(
        SOURCE + ": faults[0] = \"sensor-open\" has the wrong type; expected an object {...}",
        rejected(with("faults", "[\"sensor-open\"]")).getMessage());
  }

  // ---- unknown ids --------------------------------------------------------------------------

  @Test
  void anUnknownEnumValueListsTheAllowedOnes() {
    assertEquals(
        SOURCE
            + ": mode = \"grill\" is not an allowed value; expected one of: toast, defrost, bagel, reheat",
        rejected(with("mode", "\"grill\"")).getMessage());
    assertEquals(
        SOURCE
            + ": bread.type = \"baguette\" is not an allowed value; expected one of: white, wholegrain, sourdough, rye, brioche, bagel",
        rejected(with("bread.type", "\"baguette\"")).getMessage());
    assertNames(with("faults[1].kind", "\"sensor-melt\""), "faults[1].kind");
    assertNames(with("actions[0].do", "\"eject\""), "actions[0].do");
  }

  @Test
  void aNearMissSuggestsTheId() {
    assertTrue(
        rejected(with("faults[0].kind", "\"sensor_open\""))
            .getMessage()
            .contains("(did you mean sensor-open?)"));
  }

  // ---- ranges -------------------------------------------------------------------------------

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {
        "ambientC | -30.5 | from -30 to 60 °C",
        "ambientC | 61 | from -30 to 60 °C",
        "mainsVolts | 89 | from 90 to 270 V",
        "mainsVolts | 271 | from 90 to 270 V",
        "chamberStartC | 351 | from -31 to 350 °C",
        "slices | 0 | a whole number from 1 to 2",
        "slices | 3 | a whole number from 1 to 2",
        "shade | 0 | a whole number from 1 to 7",
        "shade | 8 | a whole number from 1 to 7",
        "bread.thicknessMm | 2 | from 3 to 60 mm",
        "bread.thicknessMm | 61 | from 3 to 60 mm",
        "bread.startC | -41 | from -40 to 90 °C",
        "bread.startC | 91 | from -40 to 90 °C",
        "faults[0].atS | -1 | from 0 to 3600 s",
        "faults[0].atS | 3601 | from 0 to 3600 s",
        "actions[0].atS | -0.1 | from 0 to 3600 s",
        "seed | 9223372036854775808 | a whole number"
      })
  void outOfRangeValuesNameTheFieldTheValueAndTheRange(String path, String value, String range) {
    String msg = rejected(with(path, value)).getMessage();
    assertTrue(
        msg.startsWith(SOURCE + ": " + path + " = " + value + " is out of range; expected "), msg);
    assertTrue(msg.contains(range), msg);
  }

  @Test
  void anOutOfRangeMessageIsExact() {
    assertEquals(
        SOURCE + ": bread.thicknessMm = 2 is out of range; expected a number from 3 to 60 mm",
        rejected(with("bread.thicknessMm", "2")).getMessage());
  }

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {
        "sensor-drift | rateCPerS | 0",
        "sensor-drift | rateCPerS | 100.5",
        "sensor-drift | rateCPerS | -101",
        "overheat | rateCPerS | -1",
        "overheat | rateCPerS | 0",
        "sensor-noise | sigmaC | -0.1",
        "sensor-noise | sigmaC | 201",
        "sensor-dropout | durationS | 0",
        "sensor-dropout | durationS | 3601"
      })
  void faultParametersAreCheckedAgainstTheirKind(String kind, String parameter, String value) {
    String json =
        BASE.replace(
            "{\"kind\": \"sensor-drift\", \"atS\": 10.0, \"rateCPerS\": 2.0}",
            "{\"kind\": \"" + kind + "\", \"atS\": 10.0, \"" + parameter + "\": " + value + "}");
    String msg = rejected(json).getMessage();
    assertTrue(
        msg.startsWith(
            SOURCE
                + ": faults[1]."
                + parameter
                + " = "
                + value
                + " is out of range for kind "
                + kind
                + "; expected "),
        msg);
  }

  @Test
  void theChamberCannotBeColderThanTheRoom() {
    String json =
        with("ambientC", "25").replace("\"chamberStartC\" : 21.0", "\"chamberStartC\" : 23.5");
    assertEquals(
        SOURCE
            + ": chamberStartC = 23.5 is below ambientC - 1 = 24; a chamber cannot be colder than the room it"
            + " sits in; expected a number from 24 to 350 °C",
        rejected(json).getMessage());
  }

  @Test
  void theChamberMayBeOneDegreeBelowTheRoom() throws Exception {
    String json =
        with("ambientC", "25").replace("\"chamberStartC\" : 21.0", "\"chamberStartC\" : 24");
    assertEquals(24.0, ScenarioReader.parse(json, SOURCE).chamberStartC());
  }

  @Test
  void armRemoteStartMustBeAtZero() {
    assertEquals(
        SOURCE
            + ": actions[0].atS = 5 is not allowed for arm-remote-start; expected 0 (arming replaces the lever press at 0 s)",
        rejected(with("actions", "[{\"atS\": 5, \"do\": \"arm-remote-start\"}]")).getMessage());
  }

  @Test
  void tooManyFaultsAreRefused() {
    String many =
        "["
            + "{\"kind\": \"sensor-open\", \"atS\": 1},".repeat(101)
            + "{\"kind\": \"sensor-open\", \"atS\": 1}]";
    assertEquals(
        SOURCE + ": faults has 102 entries; at most 100 are allowed",
        rejected(with("faults", many)).getMessage());
  }

  // ---- several problems ---------------------------------------------------------------------

  @Test
  void allProblemsAreReportedOnePerLine() {
    String json =
        with("shade", "0")
            .replace("\"slices\" : 2", "\"slices\" : 9")
            .replace("\"toast\"", "\"grill\"");
    ScenarioException e = rejected(json);
    assertEquals(3, e.problems().size(), e.getMessage());
    assertEquals(3, e.getMessage().split("\n").length);
    assertTrue(e.problems().get(0).startsWith("slices = 9"), e.getMessage());
    assertTrue(e.problems().get(1).startsWith("shade = 0"), e.getMessage());
    assertTrue(e.problems().get(2).startsWith("mode = \"grill\""), e.getMessage());
  }
}
