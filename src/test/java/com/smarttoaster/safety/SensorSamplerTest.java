package com.smarttoaster.safety;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.smarttoaster.hal.TemperatureReading;
import com.smarttoaster.hal.TemperatureSensor;
import com.smarttoaster.hal.ThermocoupleFault;
import com.smarttoaster.safety.fakes.FakeCarriageLatch;
import com.smarttoaster.safety.fakes.FakeCurrentSensor;
import com.smarttoaster.safety.fakes.FakeHeaterSwitch;
import com.smarttoaster.safety.fakes.ManualClock;
import com.smarttoaster.safety.fakes.SafetyLimitsBuilder;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The supervisor reads the chamber sensor no faster than a MAX31855 converts: a read (CS low) that
 * comes less than 100 ms after the previous one aborts the conversion, so the chip returns its old
 * value for ever. {@link ConvertingSensor} behaves so.
 */
class SensorSamplerTest {
  /** A MAX31855: a read within the conversion time of the last read returns the old value again. */
  static final class ConvertingSensor implements TemperatureSensor {
    private static final long CONVERSION_NANOS = 100_000_000L;
    private final ManualClock clock;
    final List<Long> readAtNanos = new ArrayList<>();
    private double latestC;
    private long conversionStartNanos;
    private double chamberC;

    ConvertingSensor(ManualClock clock, double startC) {
      this.clock = clock;
      this.chamberC = startC;
      this.latestC = startC;
    }

    void setChamberC(double c) {
      chamberC = c;
    }

    @Override
    public TemperatureReading read() {
      long now = clock.nanos();
      if (now - conversionStartNanos >= CONVERSION_NANOS) {
        latestC = Math.round(chamberC * 4) / 4.0; // a conversion finished: 0.25 °C steps
      }
      conversionStartNanos =
          now; // CS low aborts the conversion in progress; a new one starts after
      readAtNanos.add(now);
      return new TemperatureReading(latestC, 21.0, ThermocoupleFault.NONE, now);
    }
  }

  private final ManualClock clock = new ManualClock();
  private final FakeHeaterSwitch heater = new FakeHeaterSwitch(clock);
  private final FakeCarriageLatch latch = new FakeCarriageLatch();

  private SafetySupervisor supervisor(SafetyLimits limits, TemperatureSensor sensor) {
    return new SafetySupervisor(
        limits, heater, latch, sensor, new FakeCurrentSensor(heater, latch), clock, null);
  }

  /** Heats for {@code seconds} with the chamber rising 1 °C/s; returns the fault, or null. */
  private Fault heatWithRisingChamber(
      SafetySupervisor supervisor, ConvertingSensor sensor, double seconds) {
    latch.pressLever();
    assertTrue(supervisor.holdCarriage());
    supervisor.renewLease();
    supervisor.requestHeat(true);
    for (int i = 0; i < Math.round(seconds / 0.05); i++) {
      clock.advanceMillis(50);
      sensor.setChamberC(21 + 0.05 * (i + 1));
      supervisor.renewLease();
      supervisor.tick();
      if (supervisor.latchedFault().isPresent()) {
        return supervisor.latchedFault().get();
      }
    }
    return null;
  }

  @Test
  void theShippedRateLetsEveryConversionFinishAndAHeatingCycleRuns() {
    ConvertingSensor sensor = new ConvertingSensor(clock, 21.0);
    SafetySupervisor supervisor = supervisor(SafetyLimits.defaults(), sensor);

    Fault fault = heatWithRisingChamber(supervisor, sensor, 30);

    assertEquals(null, fault, () -> "fault: " + fault.message());
    assertTrue(heater.isCommandedOn());
    assertEquals(200, sensor.readAtNanos.size(), "one read every third 50 ms tick over 30 s");
    for (int i = 1; i < sensor.readAtNanos.size(); i++) {
      long gap = sensor.readAtNanos.get(i) - sensor.readAtNanos.get(i - 1);
      assertEquals(
          150_000_000L, gap, "read " + i + " came " + gap / 1e6 + " ms after the one before");
    }
    assertTrue(
        supervisor.status().lastReading().chamberC() > 49.0,
        "the readings followed the chamber: " + supervisor.status().lastReading());
  }

  @Test
  void readingOnEveryTickFreezesTheChipAndTripsTheFrozenCheck() {
    // What the supervisor did before the sampler: the chip never finishes a conversion.
    ConvertingSensor sensor = new ConvertingSensor(clock, 21.0);
    SafetySupervisor supervisor =
        supervisor(SafetyLimitsBuilder.defaults().set("sensorSampleS", 0.05).build(), sensor);

    Fault fault = heatWithRisingChamber(supervisor, sensor, 30);

    assertTrue(fault != null, "reading every 50 ms must freeze the chip's value");
    assertEquals(FaultCode.SENSOR_IMPLAUSIBLE, fault.code(), fault.message());
    assertTrue(fault.message().contains("stuck at exactly 21.0 °C"), fault.message());
  }

  @Test
  void anOverTemperatureStillTripsWithinHalfASecondAtTheShippedRate() {
    ConvertingSensor sensor = new ConvertingSensor(clock, 200.0);
    SafetySupervisor supervisor = supervisor(SafetyLimits.defaults(), sensor);
    latch.pressLever();
    assertTrue(supervisor.holdCarriage());
    supervisor.renewLease();
    supervisor.requestHeat(true);
    clock.advanceMillis(50);
    supervisor.tick();
    sensor.setChamberC(290.0);
    long hotFromNanos = clock.nanos();

    int ticks = 0;
    while (supervisor.latchedFault().isEmpty() && ticks < 40) {
      clock.advanceMillis(50);
      supervisor.renewLease();
      supervisor.tick();
      ticks++;
    }

    assertEquals(FaultCode.OVER_TEMPERATURE, supervisor.latchedFault().orElseThrow().code());
    double tripS = (clock.nanos() - hotFromNanos) / 1e9;
    // three samples 0.15 s apart, the first up to 0.15 s + one 0.1 s conversion after the change
    assertTrue(tripS <= 0.5 + 1e-9, "tripped " + tripS + " s after the chamber passed the cut-off");
    assertFalse(heater.isCommandedOn());
  }

  @Test
  void samplePeriodIsSensorSampleRoundedUpToWholeTicks() {
    assertEquals(0.15, SafetyLimits.defaults().samplePeriodS(), 1e-12);
    assertEquals(
        0.1,
        SafetyLimitsBuilder.defaults().set("sensorSampleS", 0.1).build().samplePeriodS(),
        1e-12);
    assertEquals(
        0.25,
        SafetyLimitsBuilder.defaults().set("sensorSampleS", 0.25).build().samplePeriodS(),
        1e-12);
  }
}
