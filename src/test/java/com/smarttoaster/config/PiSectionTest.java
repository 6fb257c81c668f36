package com.smarttoaster.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.smarttoaster.hal.pi.PiConfig;
import com.smarttoaster.hal.pi.ThermocoupleInterface;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The pi section: required for kind pi, strict like the rest, with the wiring rules. */
class PiSectionTest {
  static final Path SHIPPED = Path.of("config/pi.yaml");

  /** The shipped pi.yaml with one line replaced (or removed when {@code with} is null). */
  private static String shippedWith(String line, String with) throws Exception {
    String text = Files.readString(SHIPPED);
    String from =
        text.lines()
            .filter(l -> l.startsWith(line))
            .findFirst()
            .orElseThrow(
                () -> new AssertionError("config/pi.yaml has no line starting with " + line));
    return text.replace(from + "\n", with == null ? "" : with + "\n");
  }

  private static String onlyProblem(String yaml) {
    return ConfigLoaderTest.onlyProblem(yaml);
  }

  @Test
  void theShippedPiConfigMatchesTheWiringTable() throws Exception {
    ToasterConfig c = ConfigLoader.load(SHIPPED);
    assertEquals(ApplianceKind.PI, c.appliance().kind());
    PiConfig pi = c.pi();
    assertEquals(17, pi.mains().heaterPin());
    assertEquals(27, pi.mains().latchPin());
    assertEquals(22, pi.panel().leverPin());
    assertEquals(23, pi.mains().currentSensorPin());
    assertEquals(
        List.of(5, 6, 13, 19, 26, 16),
        List.of(
            pi.panel().cancelPin(),
            pi.panel().defrostPin(),
            pi.panel().bagelPin(),
            pi.panel().reheatPin(),
            pi.panel().resetPin(),
            pi.panel().remoteArmPin()));
    assertEquals(
        List.of(20, 21), List.of(pi.shadeKnob().encoderAPin(), pi.shadeKnob().encoderBPin()));
    assertEquals(
        List.of(24, 25, 12, 18),
        List.of(
            pi.indicators().toastingLedPin(),
            pi.indicators().remoteArmedLedPin(),
            pi.indicators().faultLedPin(),
            pi.indicators().buzzerPin()));
    assertEquals(ThermocoupleInterface.IIO, pi.thermometers().thermocouple());
    assertEquals(
        "/sys/bus/iio/devices", pi.thermometers().iioDevice(), "found by name, not by probe order");
    assertEquals(15, pi.mains().deadManPin(), "hardware/README.md's dead-man trigger");
    assertEquals(0.02, pi.panel().debounceS());
    assertEquals(4, pi.shadeKnob().encoderStepsPerDetent());
    assertEquals(
        17, pi.pins().size(), "every pin of the wiring table, the dead-man trigger included");
  }

  @Test
  void everyPinOfTheShippedConfigIsInTheHardwareReadme() throws Exception {
    String readme = Files.readString(Path.of("hardware/README.md"));
    for (var e : ConfigLoader.load(SHIPPED).pi().pins().entrySet()) {
      assertTrue(
          readme.contains("`" + e.getKey() + "`") && readme.contains("BCM " + e.getValue()),
          "hardware/README.md documents pi." + e.getKey() + " on BCM " + e.getValue());
    }
  }

  @Test
  void theShippedPiConfigFitsTheBreadThermometerAndLeavingItOutMeansNone() throws Exception {
    assertTrue(
        ConfigLoader.load(SHIPPED).pi().thermometers().breadThermometer(),
        "config/pi.yaml fits it");
    Path without = Files.createTempFile("pi-no-bread-thermometer", ".yaml");
    try {
      Files.writeString(without, shippedWith("  breadThermometer:", null));
      assertEquals(false, ConfigLoader.load(without).pi().thermometers().breadThermometer());
    } finally {
      Files.deleteIfExists(without);
    }
  }

  @Test
  void anUnknownBreadThermometerIsRefusedNamingFieldValueAndChoices() throws Exception {
    assertEquals(
        "pi.breadThermometer = \"mlx90615\" is not an allowed value (did you mean mlx90614?);"
            + " expected one of: none, mlx90614",
        onlyProblem(shippedWith("  breadThermometer:", "  breadThermometer: mlx90615")));
  }

  @Test
  void kindPiWithoutAPiSectionIsRefused() throws Exception {
    String yaml =
        Files.readString(Path.of("config/toaster.yaml")).replace("kind: simulated", "kind: pi");
    assertTrue(onlyProblem(yaml).startsWith("pi is required when appliance.kind is pi"));
  }

  @Test
  void aSimulatedConfigMayCarryACheckedPiSection() throws Exception {
    ToasterConfig c =
        ConfigLoader.parse(
            Files.readString(SHIPPED).replace("kind: pi", "kind: simulated"), "t.yaml");
    assertEquals(17, c.pi().mains().heaterPin());
    String bad =
        Files.readString(SHIPPED)
            .replace("kind: pi", "kind: simulated")
            .replace("latchPin: 27", "latchPin: 17");
    assertTrue(onlyProblem(bad).startsWith("pi.latchPin = 17 is already used by pi.heaterPin"));
  }

  @ParameterizedTest(name = "{0} -> {2}")
  @CsvSource(
      delimiter = '|',
      value = {
        "  heaterPin:| heaterPin: 5| pi.heaterPin = 5 is out of range; expected BCM 9 to 27: the Pi pulls those down at power-on, so the relay stays off",
        "  latchPin:| latchPin: 4| pi.latchPin = 4 is out of range; expected BCM 9 to 27",
        "  heaterPin:| heaterPin: 10| pi.heaterPin = 10 is reserved: BCM 7-11 are the SPI0 bus of the thermocouple converter",
        "  cancelPin:| cancelPin: 2| pi.cancelPin = 2 is reserved: BCM 2-3 are I2C",
        "  cancelPin:| cancelPin: 0| pi.cancelPin = 0 is reserved: BCM 0-1 are the HAT ID EEPROM bus",
        "  buzzerPin:| buzzerPin: 24| pi.buzzerPin = 24 is already used by pi.toastingLedPin; each pin can do only one job",
        "  encoderBPin:| encoderBPin: 20| pi.encoderBPin = 20 is already used by pi.encoderAPin",
        "  heaterPin:| heaterPin: 28| pi.heaterPin = 28 is out of range; expected a whole number from 0 to 27",
        "  heaterPin:| heaterPin: 17.5| pi.heaterPin = 17.5 is not a whole number",
        "  heaterPin:| | pi.heaterPin is required",
        "  currentSensorPin:| | pi.currentSensorPin is required",
        "  thermocouple:| thermocouple: i2c| pi.thermocouple = \"i2c\" is not an allowed value; expected one of: iio, spi",
        "  iioDevice:| | pi.iioDevice is required",
        "  iioDevice:| iioDevice: sys/bus/iio/devices/iio:device0| pi.iioDevice = \"sys/bus/iio/devices/iio:device0\" is not allowed; expected an absolute path",
        "  deadManPin:| deadManPin: 14| pi.deadManPin = 14 is not allowed: BCM 14 is the UART's TXD, which a serial console toggles",
        "  deadManPin:| deadManPin: 4| pi.deadManPin = 4 is not allowed: BCM 4 is GPCLK0",
        "  deadManPin:| deadManPin: 9| pi.deadManPin = 9 is reserved: BCM 7-11 are the SPI0 bus",
        "  deadManPin:| deadManPin: 17| pi.deadManPin = 17 is already used by pi.heaterPin",
        "  deadManPin:| deadManPin: 28| pi.deadManPin = 28 is out of range; expected a whole number from 0 to 27",
        "  # spiChipSelect:| spiChipSelect: 0| pi.spiChipSelect is set but pi.thermocouple is iio",
        "  shadeKnob:| shadeKnob: potentiometer| pi.shadeKnob = \"potentiometer\" is not allowed: this build reads the shade from a rotary encoder only",
        "  encoderStepsPerDetent:| encoderStepsPerDetent: 3| pi.encoderStepsPerDetent = 3 is not allowed; expected 1, 2 or 4",
        "  debounceS:| debounceS: 0.5| pi.debounceS = 0.5 is out of range; expected a number from 0.005 to 0.1 s",
        "  debounceS:| debouncS: 0.02| pi.debouncS is not a known option; did you mean pi.debounceS?",
        "  # breadPin:| breadPin: 28| pi.breadPin = 28 is out of range; expected a whole number from 0 to 27",
        "  # breadPin:| breadPin: 2| pi.breadPin = 2 is reserved: BCM 2-3 are I2C",
        "  # breadPin:| breadPin: 5| pi.breadPin = 5 is already used by pi.cancelPin; each pin can do only one job",
        "  # slicesPin:| slicesPin: 10| pi.slicesPin = 10 is reserved: BCM 7-11 are the SPI0 bus",
        "  # slicesPin:| slicesPin: 20| pi.slicesPin = 20 is already used by pi.encoderAPin",
        "  # slicesPin:| slicesPin: one| pi.slicesPin = \"one\" has the wrong type; expected a whole number from 0 to 27",
        "  remoteArmPin:| cutoffC: 250| pi.cutoffC is not a known option in pi; it belongs in section safety (safety.cutoffC)",
      })
  void eachWiringMistakeIsOneProblemNamingTheOption(String line, String with, String expected)
      throws Exception {
    String problem =
        onlyProblem(shippedWith("  " + line, with == null ? null : "  " + with.strip()));
    assertTrue(
        problem.startsWith(expected),
        () -> "expected a message starting with\n  " + expected + "\nbut was\n  " + problem);
  }

  @Test
  void theSpiThermocoupleNeedsItsChipSelectAndNotTheIioDevice() throws Exception {
    String spi = shippedWith("  thermocouple:", "  thermocouple: spi");
    ConfigException e = ConfigLoaderTest.rejected(spi);
    assertEquals(
        List.of(
            "pi.spiChipSelect is required; expected a whole number from 0 to 1",
            "pi.iioDevice is set but pi.thermocouple is spi (it is only read with thermocouple: iio); delete iioDevice"),
        e.problems());
    ToasterConfig ok =
        ConfigLoader.parse(
            spi.replace("  iioDevice: /sys/bus/iio/devices\n", "")
                .replace("  # spiChipSelect: 0", "  spiChipSelect: 1"),
            "t.yaml");
    assertEquals(ThermocoupleInterface.SPI, ok.pi().thermometers().thermocouple());
    assertEquals(1, ok.pi().thermometers().spiChipSelect());
    assertEquals(null, ok.pi().thermometers().iioDevice());
  }

  @Test
  void aCurrentSensorPinWithoutTheSensorIsRefused() throws Exception {
    String yaml =
        Files.readString(SHIPPED)
            .replace("currentSensorFitted: true", "currentSensorFitted: false");
    assertTrue(
        onlyProblem(yaml)
            .startsWith("pi.currentSensorPin is set but appliance.currentSensorFitted is false"));
    ToasterConfig ok =
        ConfigLoader.parse(
            shippedWith("  currentSensorPin:", null)
                .replace("currentSensorFitted: true", "currentSensorFitted: false"),
            "t.yaml");
    assertEquals(null, ok.pi().mains().currentSensorPin());
    assertEquals(16, ok.pi().pins().size(), () -> ok.pi().pins().toString());
  }

  @Test
  void theRemoteArmButtonIsOptional() throws Exception {
    ToasterConfig c = ConfigLoader.parse(shippedWith("  remoteArmPin:", null), "t.yaml");
    assertEquals(null, c.pi().panel().remoteArmPin());
  }

  @Test
  void theDeadManPinIsOptionalWithADefaultThatMustStillBeFree() throws Exception {
    ToasterConfig c = ConfigLoader.parse(shippedWith("  deadManPin:", null), "t.yaml");
    assertEquals(PiConfig.DEFAULT_DEAD_MAN_PIN, c.pi().mains().deadManPin());
    String clash =
        onlyProblem(
            shippedWith("  deadManPin:", null).replace("remoteArmPin: 16", "remoteArmPin: 15"));
    assertTrue(
        clash.startsWith("pi.deadManPin = 15 (the default) is already used by pi.remoteArmPin"),
        clash);
    assertEquals(
        14,
        ConfigLoader.parse(
                shippedWith("  deadManPin:", "  deadManPin: 5")
                    .replace("cancelPin: 5", "cancelPin: 14"),
                "t.yaml")
            .pi()
            .panel()
            .cancelPin(),
        "a button may sit on BCM 14");
  }

  @Test
  void theBreadAndSlicesButtonsAreOptionalAndTheCommentedExamplePinsAreFree() throws Exception {
    PiConfig off = ConfigLoader.load(SHIPPED).pi();
    assertEquals(null, off.panel().breadPin());
    assertEquals(null, off.panel().slicesPin());
    String on =
        Files.readString(SHIPPED)
            .replace("  # breadPin:", "  breadPin:")
            .replace("  # slicesPin:", "  slicesPin:");
    PiConfig pi = ConfigLoader.parse(on, "t.yaml").pi();
    assertEquals(4, pi.panel().breadPin());
    assertEquals(14, pi.panel().slicesPin());
    assertEquals(19, pi.pins().size(), () -> pi.pins().toString());
    String twice = on.replace("slicesPin: 14", "slicesPin: 4");
    assertTrue(
        onlyProblem(twice).startsWith("pi.slicesPin = 4 is already used by pi.breadPin"),
        onlyProblem(twice));
  }
}
