package com.smarttoaster.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.smarttoaster.hal.pi.ThermocoupleInterface;
import com.smarttoaster.safety.SafetyLimits;
import com.smarttoaster.toast.BreadType;
import com.smarttoaster.toast.ToastMode;
import com.smarttoaster.toast.ToastSettings;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class ConfigLoaderTest {
  static final Path SHIPPED = Path.of("config/toaster.yaml");
  static final String SOURCE = "test.yaml";
  static final String APPLIANCE =
      """
      appliance:
        kind: simulated
        deviceId: kitchen
        mainsVoltsNominal: 230
        currentSensorFitted: true
      """;

  static ConfigException rejected(String yaml) {
    ConfigException e = assertThrows(ConfigException.class, () -> ConfigLoader.parse(yaml, SOURCE));
    assertFalse(e.getMessage().contains("com.fasterxml"), e.getMessage());
    assertFalse(e.getMessage().contains("Exception"), e.getMessage());
    return e;
  }

  /** The single problem of a config with one mistake. */
  static String onlyProblem(String yaml) {
    ConfigException e = rejected(yaml);
    assertEquals(1, e.problems().size(), "expected exactly one problem:\n" + e.getMessage());
    return e.problems().get(0);
  }

  // ---- the shipped file ----------------------------------------------------------------------

  @Test
  void theShippedConfigLoadsAndHoldsTheDefaults() throws Exception {
    ToasterConfig c = ConfigLoader.load(SHIPPED);
    assertEquals(ToasterConfig.defaults(), c);
    assertEquals(SafetyLimits.defaults(), c.safety());
    assertEquals(ApplianceKind.SIMULATED, c.appliance().kind());
    assertEquals(
        new ToastSettings(4, BreadType.WHITE, 12, 2, ToastMode.TOAST),
        c.controller().defaultSettings());
    assertEquals("appliance simulated, device kitchen, cutoff 280 °C, max heat 300 s", c.summary());
  }

  @Test
  void theShippedConfigSetsAndExplainsEverySafetyOption() throws Exception {
    List<String> lines = Files.readAllLines(SHIPPED);
    for (String option : SafetySection.OPTIONS) {
      int at = lines.indexOf("  " + option + ": " + valueIn(lines, option));
      assertTrue(at > 0, "safety." + option + " is set in " + SHIPPED);
      boolean explained = false;
      for (int i = at - 1; i >= 0 && lines.get(i).trim().startsWith("#"); i--) {
        explained |= lines.get(i).contains("Default") || lines.get(i).contains("default");
      }
      assertTrue(explained, "safety." + option + " has a comment giving its default and why");
    }
  }

  private static String valueIn(List<String> lines, String option) {
    return lines.stream()
        .filter(l -> l.startsWith("  " + option + ": "))
        .findFirst()
        .map(l -> l.substring(("  " + option + ": ").length()))
        .orElse("?");
  }

  @Test
  void onlyTheApplianceSectionIsNeeded() throws Exception {
    assertEquals(ToasterConfig.defaults(), ConfigLoader.parse(APPLIANCE, SOURCE));
  }

  @Test
  void emptySectionsTakeTheDefaults() throws Exception {
    assertEquals(
        ToasterConfig.defaults(),
        ConfigLoader.parse(APPLIANCE + "safety:\ncontroller: {}\nsimulation:\nlogging:\n", SOURCE));
  }

  @Test
  void valuesAreReadIntoTheRecords() throws Exception {
    ToasterConfig c =
        ConfigLoader.parse(
            """
            appliance:
              kind: pi
              deviceId: shed-2
              mainsVoltsNominal: 120
              currentSensorFitted: false
            safety:
              cutoffC: 260
              sensorSampleS: 0.1
              overTempSamples: 4
              releaseVerifyS: 0
            controller:
              predictor: fixed-timer
              defaultBread: bagel
              defaultMode: bagel
              remoteStartEnabled: true
            simulation:
              seed: -5
              realtimeFactor: 100
            logging:
              level: debug
            pi:
              heaterPin: 17
              latchPin: 27
              leverPin: 22
              cancelPin: 5
              defrostPin: 6
              bagelPin: 13
              reheatPin: 19
              resetPin: 26
              encoderAPin: 20
              encoderBPin: 21
              toastingLedPin: 24
              remoteArmedLedPin: 25
              faultLedPin: 12
              buzzerPin: 18
              thermocouple: spi
              spiChipSelect: 1
            """,
            SOURCE);
    assertEquals(new ApplianceConfig(ApplianceKind.PI, "shed-2", 120, false), c.appliance());
    assertEquals(ThermocoupleInterface.SPI, c.pi().thermometers().thermocouple());
    assertEquals(1, c.pi().thermometers().spiChipSelect());
    assertEquals(null, c.pi().mains().currentSensorPin(), "no current sensor fitted");
    assertEquals(null, c.pi().panel().remoteArmPin(), "optional and absent");
    assertEquals(0.02, c.pi().panel().debounceS());
    assertEquals(260, c.safety().cutoffC());
    assertEquals(4, c.safety().overTempSamples());
    assertEquals(0.1, c.safety().sensorSampleS());
    assertFalse(c.safety().currentSensorFitted(), "copied from appliance.currentSensorFitted");
    assertEquals(PredictorChoice.FIXED_TIMER, c.controller().predictor());
    assertEquals(ToastMode.BAGEL, c.controller().defaultMode());
    assertTrue(c.controller().remoteStartEnabled());
    assertEquals(new SimulationConfig(21, 21, -5, 100), c.simulation());
    assertEquals(LogLevel.DEBUG, c.logging().level());
  }

  // ---- cross-field rules: one failing test each, naming the option ---------------------------

  /**
   * Rows: the option that must be named, a fragment of the rule's message, and YAML lines (";"
   * separated).
   */
  @ParameterizedTest(name = "{0}: {1}")
  @CsvSource(
      delimiter = '|',
      value = {
        "safety.overTempSamples | s to trip; expected at most 0.5 s | safety: {loopPeriodS: 0.1, overTempSamples: 6}",
        "safety.sensorFaultSamples | s to trip; expected at most 0.5 s | safety: {sensorFaultSamples: 11}",
        "safety.staleS | must be at least four sample periods, 4 x 0.15 s | safety: {staleS: 0.59}",
        "safety.rateWindowS | must be at least two sample periods, 2 x 0.15 s | safety: {rateWindowS: 0.29}",
        "safety.overTempSamples | with a sample every 0.25 s | safety: {sensorSampleS: 0.25, overTempSamples: 3}",
        "controller.predictorTimeoutS | must be below safety.hungS = 1.5 s"
            + " | controller: {predictorTimeoutS: 1.45, tickS: 0.05}",
        "controller.predictorTimeoutS | gives 0.55 s, which must be below safety.hungS = 0.55"
            + " | safety: {leaseS: 0.5, hungS: 0.55}",
        "safety.leaseS | must be at least twice safety.loopPeriodS"
            + " | safety: {loopPeriodS: 0.04, leaseS: 0.06, releaseVerifyS: 0.04} ; controller: {tickS: 0.03}",
        "safety.sensorMaxC | must be above safety.cutoffC | safety: {cutoffC: 300, sensorMaxC: 300}",
        "safety.hungS | must be above safety.leaseS | safety: {leaseS: 0.5, hungS: 0.5}",
        "safety.releaseVerifyS | must be below safety.leaseS | safety: {leaseS: 0.5, releaseVerifyS: 0.5}",
        "safety.releaseVerifyS | must be at least safety.loopPeriodS | safety: {loopPeriodS: 0.05, releaseVerifyS: 0.04}",
        "safety.noRiseWindowS | must be below safety.maxHeatS | safety: {maxHeatS: 30, noRiseWindowS: 30}",
        "safety.heatingSettleS | must be below safety.maxHeatS | safety: {maxHeatS: 35, heatingSettleS: 40}",
        "controller.tickS | must be at most half of safety.leaseS | safety: {leaseS: 0.3} ; controller: {tickS: 0.2}",
        "simulation.chamberStartC | is below simulation.ambientC - 1 | simulation: {ambientC: 21, chamberStartC: 19.5}"
      })
  void aBrokenCrossFieldRuleNamesTheOption(String option, String rule, String yamlLines) {
    String problem = onlyProblem(APPLIANCE + yamlLines.replace(" ; ", "\n") + "\n");
    assertTrue(problem.startsWith(option + " = "), problem);
    assertTrue(problem.contains(rule), problem);
  }

  @Test
  void theCrossFieldLimitsThemselvesAreAccepted() throws Exception {
    ToasterConfig c =
        ConfigLoader.parse(
            APPLIANCE
                + """
                safety:
                  loopPeriodS: 0.1
                  sensorSampleS: 0.1
                  overTempSamples: 5
                  sensorFaultSamples: 5
                  staleS: 0.4
                  rateWindowS: 0.2
                  leaseS: 0.4
                  hungS: 0.41
                  releaseVerifyS: 0.1
                  cutoffC: 350
                  sensorMaxC: 350.5
                  maxHeatS: 30
                  noRiseWindowS: 29.9
                  heatingSettleS: 29.9
                controller:
                  tickS: 0.2
                  predictorTimeoutS: 0.2
                simulation:
                  ambientC: 21
                  chamberStartC: 20
                """,
            SOURCE);
    assertEquals(5, c.safety().overTempSamples());
  }

  @Test
  void overTemperatureTripTimeMessageGivesValuesAndLimit() {
    assertEquals(
        "safety.overTempSamples = 4 with a sample every 0.15 s (safety.sensorSampleS = 0.125 on ticks of"
            + " safety.loopPeriodS = 0.05) takes 0.6 s to trip; expected at most 0.5 s (so over-temperature trips"
            + " within 1 s); lower overTempSamples or sensorSampleS",
        onlyProblem(APPLIANCE + "safety:\n  overTempSamples: 4\n"));
  }

  @Test
  void aSlowPredictionMustNotLookLikeAHungController() {
    assertEquals(
        "controller.predictorTimeoutS = 2 plus controller.tickS = 0.05 gives 2.05 s, which must be below"
            + " safety.hungS = 1.5 s, or a slow prediction would make the controller look hung; lower"
            + " predictorTimeoutS or raise hungS",
        onlyProblem(APPLIANCE + "controller:\n  predictorTimeoutS: 2\n"));
  }

  @Test
  void theSensorIsNeverReadFasterThanTheConverterConverts() {
    String problem = onlyProblem(APPLIANCE + "safety:\n  sensorSampleS: 0.05\n");
    assertTrue(problem.startsWith("safety.sensorSampleS"), problem);
    assertTrue(problem.contains("0.1"), problem);
  }

  @Test
  void sensorMaxMustBeAboveTheCutoff() {
    assertEquals(
        "safety.sensorMaxC = 250 must be above safety.cutoffC = 280, or an over-temperature would be mistaken"
            + " for a sensor fault; raise sensorMaxC or lower cutoffC",
        onlyProblem(APPLIANCE + "safety:\n  sensorMaxC: 250\n"));
  }

  @Test
  void releaseVerifyMayBeZeroWithoutACurrentSensor() throws Exception {
    String yaml =
        APPLIANCE.replace("currentSensorFitted: true", "currentSensorFitted: false")
            + "safety:\n  releaseVerifyS: 0\n";
    assertEquals(0.0, ConfigLoader.parse(yaml, SOURCE).safety().releaseVerifyS());
    String problem = onlyProblem(APPLIANCE + "safety:\n  releaseVerifyS: 0\n");
    assertTrue(problem.contains("when appliance.currentSensorFitted is true"), problem);
  }

  @Test
  void aCrossRuleIsNotReportedWhenOneOfItsOptionsIsAlreadyWrong() {
    // cutoffC out of range: the sensorMaxC rule would only repeat the same mistake.
    String problem = onlyProblem(APPLIANCE + "safety:\n  cutoffC: 600\n  sensorMaxC: 400\n");
    assertTrue(problem.startsWith("safety.cutoffC = 600 is out of range"), problem);
  }

  // ---- ranges ---------------------------------------------------------------------------------

  @Test
  void anOutOfRangeValueNamesTheSectionOptionValueAndLimit() {
    ConfigException e = rejected(APPLIANCE + "safety:\n  cutoffC: 400\n");
    assertEquals(
        List.of("safety.cutoffC = 400 is out of range; expected a number from 150 to 350 °C"),
        e.problems());
    assertEquals(
        "invalid config test.yaml (1 problem); the toaster will not heat with it:\n"
            + "  safety.cutoffC = 400 is out of range; expected a number from 150 to 350 °C\n"
            + "Fix the options named above; an optional option can also be deleted to use its documented default"
            + " (see config/toaster.yaml).",
        e.getMessage());
  }

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {
        "safety | loopPeriodS | 0.2",
        "safety | loopPeriodS | 0.005",
        "safety | maxHeatS | 601",
        "safety | maxHeatS | 29",
        "safety | cutoffC | 149",
        "safety | staleS | 1.5",
        "safety | leaseS | 1.1",
        "safety | hungS | 2.1",
        "safety | hungS | 0",
        "safety | noRiseWindowS | 4",
        "safety | noRiseWindowS | 61",
        "safety | noRiseHotAllowanceCPerC | -0.01",
        "safety | noRiseHotAllowanceCPerC | 0.081",
        "safety | overTempSamples | 0",
        "safety | resetMaxC | 130",
        "controller | tickS | 0.3",
        "controller | predictorTimeoutS | 0.01",
        "controller | predictorTimeoutS | 6",
        "controller | defaultShade | 8",
        "controller | defaultSlices | 3",
        "controller | defaultThicknessMm | 2",
        "controller | remoteArmExpiryS | 59",
        "controller | remoteArmExpiryS | 7201",
        "simulation | ambientC | 61",
        "simulation | chamberStartC | 351",
        "simulation | realtimeFactor | 0.05",
        "simulation | realtimeFactor | 101",
        "appliance | mainsVoltsNominal | 99",
        "appliance | mainsVoltsNominal | 251"
      })
  void outOfRangeValuesAreRefused(String section, String option, String value) {
    String yaml =
        section.equals("appliance")
            ? APPLIANCE.replace("mainsVoltsNominal: 230", option + ": " + value)
            : APPLIANCE + section + ":\n  " + option + ": " + value + "\n";
    String problem = onlyProblem(yaml);
    assertTrue(
        problem.startsWith(section + "." + option + " = " + value + " is out of range; expected "),
        problem);
  }

  @Test
  void aHotChamberAllowanceThatWouldHideABrokenElementNamesOptionValueAndLimit() {
    assertEquals(
        "safety.noRiseHotAllowanceCPerC = 0.1 is out of range; expected a number from 0 to 0.08 °C per °C",
        onlyProblem(APPLIANCE + "safety:\n  noRiseHotAllowanceCPerC: 0.1\n"));
  }

  @ParameterizedTest
  @CsvSource({"0", "0.08"})
  void theHotChamberAllowanceLimitsThemselvesAreAccepted(double allowance) throws Exception {
    ToasterConfig c =
        ConfigLoader.parse(
            APPLIANCE + "safety:\n  noRiseHotAllowanceCPerC: " + allowance + "\n", SOURCE);
    assertEquals(allowance, c.safety().noRiseHotAllowanceCPerC());
  }

  // ---- unknown keys ---------------------------------------------------------------------------

  @Test
  void anUnknownOptionSuggestsTheClosestOne() {
    assertEquals(
        "safety.cutofC is not a known option; did you mean safety.cutoffC?",
        onlyProblem(APPLIANCE + "safety:\n  cutofC: 250\n"));
    assertEquals(
        "safety.cutoff_c is not a known option; did you mean safety.cutoffC?",
        onlyProblem(APPLIANCE + "safety:\n  cutoff_c: 250\n"));
  }

  @Test
  void anUnknownOptionWithNothingCloseListsTheKnownOnes() {
    assertEquals(
        "logging.file is not a known option in logging; known options: level",
        onlyProblem(APPLIANCE + "logging:\n  file: /tmp/x\n"));
  }

  @Test
  void anUnknownSectionIsNamed() {
    assertEquals(
        "safty is not a known section; did you mean safety?",
        onlyProblem(APPLIANCE + "safty:\n  cutoffC: 250\n"));
  }

  @Test
  void anOptionInTheWrongSectionSaysWhereItBelongs() {
    assertEquals(
        "controller.cutoffC is not a known option in controller; it belongs in section safety (safety.cutoffC)",
        onlyProblem(APPLIANCE + "controller:\n  cutoffC: 250\n"));
    assertEquals(
        "cutoffC is not a known section; options go inside their section: write it as safety.cutoffC (indented under safety:)",
        onlyProblem(APPLIANCE + "cutoffC: 250\n"));
  }

  @Test
  void currentSensorFittedIsSetOnlyInTheApplianceSection() {
    assertEquals(
        "safety.currentSensorFitted is not a known option in safety; it belongs in section appliance"
            + " (appliance.currentSensorFitted)",
        onlyProblem(APPLIANCE + "safety:\n  currentSensorFitted: false\n"));
  }

  // ---- wrong types ----------------------------------------------------------------------------

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {
        "safety | cutoffC | hot | safety.cutoffC = \"hot\" has the wrong type; expected a number from 150 to 350 °C",
        "safety | cutoffC | \"280\" | safety.cutoffC = \"280\" has the wrong type; expected a number from 150 to 350 °C",
        "safety | overTempSamples | 2.5 | safety.overTempSamples = 2.5 is not a whole number; expected a whole number from 1 to 50",
        "controller | remoteStartEnabled | 1 | controller.remoteStartEnabled = 1 has the wrong type; expected true or false",
        "controller | defaultShade | [4] | controller.defaultShade = a list [...] has the wrong type; expected a whole number from 1 to 7",
        "logging | level | 3 | logging.level = 3 has the wrong type; expected one of: error, warn, info, debug",
        "simulation | seed | 1.5 | simulation.seed = 1.5 is not a whole number; expected a whole number"
      })
  void aWrongTypeNamesTheOptionAndWhatIsExpected(
      String section, String option, String value, String expected) {
    assertEquals(
        expected, onlyProblem(APPLIANCE + section + ":\n  " + option + ": " + value + "\n"));
  }

  @Test
  void aSectionThatIsNotAMappingIsAWrongType() {
    assertEquals(
        "safety = 5 has the wrong type; expected a mapping of options (key: value lines indented under safety:)",
        onlyProblem(APPLIANCE + "safety: 5\n"));
  }

  @Test
  void anOptionWithoutAValueIsAnErrorNotADefault() {
    assertEquals(
        "safety.cutoffC has no value; expected a number from 150 to 350 °C, or leave cutoffC out",
        onlyProblem(APPLIANCE + "safety:\n  cutoffC:\n"));
  }

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {
        "yes | controller.remoteStartEnabled = yes is ambiguous in YAML; write true or false",
        "0x1 | controller.remoteStartEnabled = 0x1 is not a plain decimal number; write it like 280 or 0.05"
      })
  void yamlLookalikesAreRefused(String value, String expected) {
    assertEquals(
        expected, onlyProblem(APPLIANCE + "controller:\n  remoteStartEnabled: " + value + "\n"));
  }

  @ParameterizedTest
  @ValueSource(strings = {"0x118", "1_000", "0280", ".inf", "-.inf", ".nan", "0o17"})
  void numbersMustBePlainDecimals(String value) {
    String problem = onlyProblem(APPLIANCE + "safety:\n  cutoffC: " + value + "\n");
    assertTrue(problem.startsWith("safety.cutoffC"), problem);
  }

  @Test
  void aliasesAnchoredMappingsAndTagsAreRefused() {
    // An anchor on a plain value is invisible to the parser and harmless: every alias is refused.
    assertEquals(
        "safety.sensorMaxC uses a YAML alias (*c); write the value out instead",
        onlyProblem(APPLIANCE + "safety:\n  cutoffC: &c 280\n  sensorMaxC: *c\n"));
    assertEquals(
        "controller defines a YAML anchor (&ctl); anchors are not supported",
        onlyProblem(APPLIANCE + "controller: &ctl\n  tickS: 0.05\n"));
    assertTrue(
        onlyProblem(APPLIANCE + "safety:\n  cutoffC: !!int 280\n")
            .startsWith("safety.cutoffC has a YAML tag"));
    assertTrue(
        onlyProblem(APPLIANCE + "safety:\n  cutoffC: !!str 280\n")
            .startsWith("safety.cutoffC has a YAML tag"));
  }

  @Test
  void theOraclePredictorIsRefusedOnADevice() {
    String problem = onlyProblem(APPLIANCE + "controller:\n  predictor: oracle\n");
    assertTrue(
        problem.startsWith(
            "controller.predictor = \"oracle\" is not allowed: the oracle reads the simulator's"),
        problem);
    assertTrue(problem.endsWith("expected one of: model, fallback, fixed-timer"), problem);
  }

  @Test
  void theDeviceIdIsRestricted() {
    assertEquals(
        "appliance.deviceId = \"Kitchen 1\" is not allowed; expected 1 to 32 characters from a-z, 0-9 and -",
        onlyProblem(APPLIANCE.replace("deviceId: kitchen", "deviceId: Kitchen 1")));
  }

  // ---- the appliance section is required ---------------------------------------------------

  @Test
  void theApplianceSectionIsRequired() {
    assertTrue(
        onlyProblem("safety:\n  cutoffC: 280\n")
            .startsWith("appliance is required: the section that describes the hardware"));
  }

  @Test
  void everyApplianceOptionIsRequired() {
    ConfigException e = rejected("appliance:\n");
    assertEquals(
        List.of(
            "appliance.kind is required; expected one of: simulated, pi, pi-emulated",
            "appliance.deviceId is required; expected 1 to 32 characters from a-z, 0-9 and -",
            "appliance.mainsVoltsNominal is required; expected a number from 100 to 250 V",
            "appliance.currentSensorFitted is required; expected true or false"),
        e.problems());
  }

  // ---- documents that are not a config -------------------------------------------------------

  @ParameterizedTest
  @ValueSource(strings = {"", "   \n\n", "# nothing but a comment\n"})
  void anEmptyFileIsAnError(String yaml) {
    assertEquals(
        List.of(
            "the file is empty; it needs at least the appliance section (start from config/toaster.yaml)"),
        rejected(yaml).problems());
  }

  @Test
  void aTopLevelListIsAnError() {
    assertEquals(
        List.of(
            "the top level is a list [...]; expected sections (appliance:, safety:, ...) as a YAML mapping"),
        rejected("- appliance\n- safety\n").problems());
  }

  @Test
  void badYamlNamesTheLine() {
    String problem = onlyProblem(APPLIANCE + "safety:\n  cutoffC: 280\n bad: indent\n");
    assertTrue(problem.startsWith("not valid YAML at line 8, column 2: "), problem);
  }

  @Test
  void aSecondDocumentIsAnError() {
    String problem = onlyProblem(APPLIANCE + "---\nsafety:\n  cutoffC: 280\n");
    assertTrue(problem.contains("more than one YAML document"), problem);
  }

  @Test
  void aKeyGivenTwiceIsAnError() {
    assertEquals(
        "safety.cutoffC is given more than once; keep only one",
        onlyProblem(APPLIANCE + "safety:\n  cutoffC: 280\n  cutoffC: 290\n"));
  }

  @Test
  void aDuplicateKeyDoesNotHideOtherProblemsInItsSection() {
    ConfigException e =
        rejected(APPLIANCE + "safety:\n  cutoffC: 280\n  cutoffC: 290\n  maxHeatS: 9000\n");
    assertEquals(
        List.of(
            "safety.cutoffC is given more than once; keep only one",
            "safety.maxHeatS = 9000 is out of range; expected a number from 30 to 600 s"),
        e.problems());
  }

  @Test
  void allProblemsAreReportedTogether() {
    ConfigException e =
        rejected(
            APPLIANCE
                + "safety:\n  cutoffC: 400\n  maxHeatS: 9000\ncontroller:\n  predictor: oracle\n  tikS: 0.05\n");
    assertEquals(4, e.problems().size(), e.getMessage());
    assertTrue(
        e.getMessage()
            .startsWith(
                "invalid config test.yaml (4 problems); the toaster will not heat with it:\n"));
    assertTrue(
        e.getMessage()
            .contains(
                "\n  controller.tikS is not a known option; did you mean controller.tickS?\n"),
        e.getMessage());
  }

  // ---- files ---------------------------------------------------------------------------------

  @Test
  void aMissingFileIsAnError(@TempDir Path dir) {
    Path missing = dir.resolve("toaster.yaml");
    ConfigException e = assertThrows(ConfigException.class, () -> ConfigLoader.load(missing));
    assertEquals(
        "cannot use config "
            + missing
            + ": no such file; the toaster will not heat without a valid config",
        e.getMessage());
  }

  @Test
  void aDirectoryIsAnError(@TempDir Path dir) {
    ConfigException e = assertThrows(ConfigException.class, () -> ConfigLoader.load(dir));
    assertTrue(e.getMessage().contains(": is a directory, not a file;"), e.getMessage());
  }
}
