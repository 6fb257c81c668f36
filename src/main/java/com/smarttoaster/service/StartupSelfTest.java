package com.smarttoaster.service;

import com.smarttoaster.hal.HeaterCurrentSensor;
import com.smarttoaster.hal.TemperatureReading;
import com.smarttoaster.hal.TemperatureSensor;
import com.smarttoaster.predict.ModelPredictor;
import com.smarttoaster.predict.ToastTimePredictor;
import com.smarttoaster.predict.UnavailableModelPredictor;
import com.smarttoaster.safety.Fault;
import com.smarttoaster.safety.FaultCode;
import com.smarttoaster.safety.SafetyLimits;
import com.smarttoaster.safety.SafetySupervisor;
import com.smarttoaster.service.SelfTestReport.Item;
import com.smarttoaster.service.SelfTestReport.Outcome;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The checks made once at start-up, after the supervisor has switched the heater off and released
 * the carriage and before the safety loop and the controller start. It only reads: the sensors, the
 * supervisor's status and the predictor. A failed check latches a fault through {@link
 * SafetySupervisor#latch}, so the service stays up in the usual fault state (heat off, start
 * refused, fault LED on once the controller ticks, the fault reported) instead of exiting into a
 * restart loop; the usual reset rules clear it.
 *
 * <ul>
 *   <li><b>model</b>: with {@code controller.predictor: model}, the installed model loaded and its
 *       SHA-256 matched its card. A refused model is a warning, not a fault: every cycle then uses
 *       the non-ML fallback table, which is the designed answer to a bad model.
 *   <li><b>sensor</b>: {@value #SAMPLES} samples {@value #SAMPLE_SPACING_MS} ms apart; at least
 *       {@value #MIN_VALID_SAMPLES} must be valid (no fault bits, within
 *       safety.sensorMinC..sensorMaxC), else SENSOR_FAULT. The cold junction (the converter's own
 *       temperature) must read {@value #COLD_JUNCTION_MIN_C}..{@value #COLD_JUNCTION_MAX_C} °C, and
 *       the chamber may not read more than {@value #IDLE_TOLERANCE_C} °C below it, else
 *       SENSOR_IMPLAUSIBLE: in an idle toaster both sit near room temperature (the converter's
 *       board runs a few degrees warmer than the room, hence the margin). A chamber more than that
 *       above the cold junction is a toaster still warm from use; the comparison is then skipped
 *       (the supervisor's own limits still apply).
 *   <li><b>heater</b>: commanded off, and with a current sensor fitted, no current in at least half
 *       of the samples, else HEATER_STUCK_ON (needs service): with the carriage released no current
 *       can flow unless both switches conduct, or the sensor's wire is broken (it then reads
 *       "flowing").
 * </ul>
 */
public final class StartupSelfTest {
  /** Samples of the sensors. */
  public static final int SAMPLES = 4;

  /** Wall-clock spacing of the samples, ms (a MAX31855 converts about every 100 ms). */
  public static final int SAMPLE_SPACING_MS = 100;

  /** Valid chamber samples needed. */
  public static final int MIN_VALID_SAMPLES = 3;

  /** How far the idle chamber may read below the cold junction, °C. */
  public static final double IDLE_TOLERANCE_C = 15.0;

  /** Believable cold-junction (board) temperatures, °C. */
  public static final double COLD_JUNCTION_MIN_C = -20.0;

  public static final double COLD_JUNCTION_MAX_C = 85.0;

  private static final Logger log = LoggerFactory.getLogger(StartupSelfTest.class);

  /** Waits between samples; tests pass one that does not sleep. */
  @FunctionalInterface
  public interface Pause {
    void millis(long ms) throws InterruptedException;

    Pause SLEEP = Thread::sleep;
  }

  private final SafetySupervisor supervisor;
  private final TemperatureSensor sensor;
  private final @Nullable HeaterCurrentSensor currentSensor;
  private final String predictorName;
  private final ToastTimePredictor predictor;
  private final Pause pause;

  /**
   * @param currentSensor the heater current sensor, or null when none is fitted
   * @param predictorName controller.predictor
   * @param predictor the predictor that name gives (the model predictor for "model")
   */
  public StartupSelfTest(
      SafetySupervisor supervisor,
      TemperatureSensor sensor,
      @Nullable HeaterCurrentSensor currentSensor,
      String predictorName,
      ToastTimePredictor predictor,
      Pause pause) {
    this.supervisor = Objects.requireNonNull(supervisor, "supervisor");
    this.sensor = Objects.requireNonNull(sensor, "sensor");
    this.currentSensor = currentSensor;
    this.predictorName = Objects.requireNonNull(predictorName, "predictorName");
    this.predictor = predictor;
    this.pause = Objects.requireNonNull(pause, "pause");
  }

  /** Runs every check; latches the first failure's fault in the supervisor. */
  public SelfTestReport run() throws InterruptedException {
    List<Item> items = new ArrayList<>();
    items.add(checkModel());

    List<TemperatureReading> readings = new ArrayList<>();
    List<String> readErrors = new ArrayList<>();
    int flowing = 0;
    int currentUnread = 0;
    for (int i = 0; i < SAMPLES; i++) {
      if (i > 0) {
        pause.millis(SAMPLE_SPACING_MS);
      }
      try {
        TemperatureReading r = sensor.read();
        if (r == null) {
          readErrors.add("no reading");
        } else {
          readings.add(r);
        }
      } catch (IOException | RuntimeException e) {
        readErrors.add(
            String.valueOf(e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage()));
      }
      if (currentSensor != null) {
        try {
          if (currentSensor.isCurrentFlowing()) {
            flowing++;
          }
        } catch (RuntimeException e) {
          currentUnread++;
        }
      }
    }
    Fault fault = null;
    Check sensorCheck = checkSensor(readings, readErrors);
    items.add(sensorCheck.item());
    fault = sensorCheck.fault();
    Check heaterCheck = checkHeater(flowing, currentUnread);
    items.add(heaterCheck.item());
    if (fault == null) {
      fault = heaterCheck.fault();
    }
    if (fault != null) {
      supervisor.latch(fault);
    }
    SelfTestReport report = new SelfTestReport(items, fault);
    for (Item item : items) {
      switch (item.outcome()) {
        case PASS -> log.info("Self-test {}", item);
        case WARN -> log.warn("Self-test {}", item);
        case FAIL -> log.error("Self-test {}", item);
      }
    }
    return report;
  }

  private record Check(Item item, Fault fault) {}

  private Item checkModel() {
    if (!"model".equals(predictorName)) {
      return new Item(
          "model", Outcome.PASS, "not used (controller.predictor = " + predictorName + ")");
    }
    if (predictor instanceof ModelPredictor model) {
      return new Item(
          "model",
          Outcome.PASS,
          "version "
              + model.card().modelVersion()
              + ", SHA-256 matches its card, runs on "
              + model.runtimeName());
    }
    String reason =
        predictor instanceof UnavailableModelPredictor u ? u.reason() : "no model predictor";
    return new Item(
        "model",
        Outcome.WARN,
        "refused ("
            + reason
            + "); every cycle uses the non-ML fallback time"
            + " table. Reinstall the package to restore the model and its card.");
  }

  private Check checkSensor(List<TemperatureReading> readings, List<String> readErrors) {
    SafetyLimits limits = supervisor.limits();
    List<TemperatureReading> valid = new ArrayList<>();
    List<String> problems = new ArrayList<>(readErrors);
    for (TemperatureReading r : readings) {
      if (!r.isValid()) {
        problems.add(r.fault() == null ? "not a number" : "fault bit " + r.fault());
      } else if (r.chamberC() < limits.sensorMinC() || r.chamberC() > limits.sensorMaxC()) {
        problems.add(
            "reads "
                + celsius(r.chamberC())
                + ", outside "
                + number(limits.sensorMinC())
                + ".."
                + celsius(limits.sensorMaxC()));
      } else {
        valid.add(r);
      }
    }
    if (valid.size() < MIN_VALID_SAMPLES) {
      String message =
          "Start-up self-test: the chamber temperature could not be read: "
              + valid.size()
              + " of "
              + SAMPLES
              + " samples valid, "
              + MIN_VALID_SAMPLES
              + " needed ("
              + String.join("; ", distinct(problems))
              + "). Heat is off and no cycle can start. Check the thermocouple and its connector (hardware/README.md),"
              + " then hold the reset button for 3 s.";
      return new Check(
          new Item("sensor", Outcome.FAIL, message),
          new Fault(FaultCode.SENSOR_FAULT, message, valid.size(), MIN_VALID_SAMPLES, 0L));
    }
    double chamber = median(valid.stream().mapToDouble(TemperatureReading::chamberC).toArray());
    double coldJunction =
        median(valid.stream().mapToDouble(TemperatureReading::coldJunctionC).toArray());
    if (!(coldJunction >= COLD_JUNCTION_MIN_C && coldJunction <= COLD_JUNCTION_MAX_C)) {
      String message =
          "Start-up self-test: the thermocouple converter's cold junction reads "
              + celsius(coldJunction)
              + ", outside the believable "
              + number(COLD_JUNCTION_MIN_C)
              + ".."
              + celsius(COLD_JUNCTION_MAX_C)
              + ". Heat is off and no cycle can start. Check the converter board and its supply, then hold the reset"
              + " button for 3 s.";
      return new Check(
          new Item("sensor", Outcome.FAIL, message),
          new Fault(
              FaultCode.SENSOR_IMPLAUSIBLE,
              message,
              coldJunction,
              coldJunction < COLD_JUNCTION_MIN_C ? COLD_JUNCTION_MIN_C : COLD_JUNCTION_MAX_C,
              0L));
    }
    double difference = chamber - coldJunction;
    String readingText =
        "chamber "
            + celsius(chamber)
            + ", cold junction "
            + celsius(coldJunction)
            + " ("
            + valid.size()
            + " of "
            + SAMPLES
            + " samples valid)";
    if (difference < -IDLE_TOLERANCE_C) {
      String message =
          "Start-up self-test: the idle chamber reads "
              + celsius(chamber)
              + ", "
              + number(-difference)
              + " °C below the converter's cold junction ("
              + celsius(coldJunction)
              + "); at most "
              + number(IDLE_TOLERANCE_C)
              + " °C below is believable. Heat is off and no cycle can"
              + " start. Check the thermocouple type (K), its polarity and its connector, then hold the reset button"
              + " for 3 s.";
      return new Check(
          new Item("sensor", Outcome.FAIL, message),
          new Fault(FaultCode.SENSOR_IMPLAUSIBLE, message, difference, -IDLE_TOLERANCE_C, 0L));
    }
    if (difference > IDLE_TOLERANCE_C) {
      return new Check(
          new Item(
              "sensor",
              Outcome.PASS,
              readingText
                  + "; the chamber is still warm, so it is not"
                  + " compared with the cold junction"),
          null);
    }
    return new Check(
        new Item(
            "sensor",
            Outcome.PASS,
            readingText + ", within " + number(IDLE_TOLERANCE_C) + " °C of each other"),
        null);
  }

  private Check checkHeater(int flowing, int currentUnread) {
    if (supervisor.status().heaterCommandedOn()) {
      String message =
          "Start-up self-test: the heater is commanded on before any cycle. "
              + "Heat is off now and no"
              + " cycle can start; restart the service, and if this repeats have it serviced.";
      return new Check(
          new Item("heater", Outcome.FAIL, message),
          new Fault(FaultCode.HEATER_STUCK_ON, message, 1, 0, 0L));
    }
    if (currentSensor == null) {
      return new Check(
          new Item(
              "heater",
              Outcome.PASS,
              "commanded off (no current sensor fitted, so not confirmed by current)"),
          null);
    }
    int read = SAMPLES - currentUnread;
    if (read == 0) {
      return new Check(
          new Item(
              "heater",
              Outcome.WARN,
              "commanded off; the current sensor could not be read, so not confirmed"),
          null);
    }
    if (flowing * 2 >= read) {
      String message =
          "Start-up self-test: the heater current sensor reports current in "
              + flowing
              + " of "
              + read
              + " samples with the heater commanded off and the carriage released. Either the relay and the carriage"
              + " contacts both conduct, or the sensor's wire is broken (it then reads current). Heat is off and no"
              + " cycle can start. Unplug the toaster and have it serviced; do not use it until it is repaired. After"
              + " the repair, hold the reset button while powering up.";
      return new Check(
          new Item("heater", Outcome.FAIL, message),
          new Fault(FaultCode.HEATER_STUCK_ON, message, flowing, 0, 0L));
    }
    return new Check(
        new Item(
            "heater",
            Outcome.PASS,
            "commanded off, no current (" + (read - flowing) + " of " + read + " samples)"),
        null);
  }

  private static List<String> distinct(List<String> problems) {
    return problems.stream().distinct().toList();
  }

  private static double median(double[] values) {
    double[] sorted = values.clone();
    java.util.Arrays.sort(sorted);
    int n = sorted.length;
    return n % 2 == 1 ? sorted[n / 2] : (sorted[n / 2 - 1] + sorted[n / 2]) / 2;
  }

  private static String celsius(double c) {
    return number(c) + " °C";
  }

  private static String number(double v) {
    return String.format(Locale.ROOT, "%.1f", v);
  }
}
