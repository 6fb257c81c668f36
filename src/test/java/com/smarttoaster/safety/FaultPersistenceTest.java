package com.smarttoaster.safety;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A latched fault survives a restart: each bench is one process lifetime, sharing only the state
 * directory, as a restarted service (or a Pi after a power cut) shares only its disk.
 */
class FaultPersistenceTest {
  private static final Instant LATCHED = Instant.parse("2026-11-27T10:15:30Z");

  @TempDir Path stateDir;

  private FaultStore store() {
    return FaultStore.in(stateDir, Clock.fixed(LATCHED, ZoneOffset.UTC));
  }

  /** A welded relay found by the current check: HEATER_STUCK_ON, which needs service. */
  private static void weldedRelay(SafetyBench bench) {
    bench.startToasting();
    bench.heater.weld();
    bench.supervisor.endCycle();
    bench.run(0.1);
    bench.assertTripped(FaultCode.HEATER_STUCK_ON);
  }

  /** A hung controller: LEASE_EXPIRED, which a user reset clears. */
  private static void hungController(SafetyBench bench) {
    bench.startToasting();
    bench.controllerHangs();
    bench.run(1);
    bench.assertTripped(FaultCode.LEASE_EXPIRED);
  }

  @Test
  void latchedFaultIsStoredAndLatchedAgainAfterARestartBeforeAnythingCanHeat() throws Exception {
    SafetyBench before = SafetyBench.withFaultStore(store());
    weldedRelay(before);
    assertEquals(FaultCode.HEATER_STUCK_ON, store().load().orElseThrow().fault().code());

    SafetyBench after = SafetyBench.withFaultStore(store());

    Fault restored = after.fault();
    assertEquals(FaultCode.HEATER_STUCK_ON, restored.code());
    assertTrue(restored.message().startsWith(before.fault().message()), restored.message());
    assertTrue(
        restored.message().endsWith("(Restored after a restart: latched at 2026-11-27T10:15:30Z.)"),
        restored.message());
    assertEquals(before.fault().measured(), restored.measured());
    assertEquals(before.fault().limit(), restored.limit());
    assertEquals(
        after.clock.nanos(), restored.atNanos(), "a restored fault is stamped with the new clock");
    assertEquals(
        1, after.listener.faults().size(), "the restored fault is reported like any fault");
    after.assertSafe();
    after.latch.pressLever();
    assertFalse(
        after.supervisor.holdCarriage(), "no cycle may start with a restored fault latched");
  }

  @Test
  void resetRulesStillApplyToARestoredFault() throws Exception {
    weldedRelay(SafetyBench.withFaultStore(store()));
    SafetyBench after = SafetyBench.withFaultStore(store());
    after.run(0.2);

    ResetResult user = after.supervisor.reset(ResetKind.USER);
    assertFalse(user.cleared(), user.message());
    assertTrue(user.message().contains("HEATER_STUCK_ON needs service"), user.message());
    assertTrue(store().load().isPresent(), "a refused reset keeps the stored fault");

    ResetResult service = after.supervisor.reset(ResetKind.SERVICE);
    assertTrue(service.cleared(), service.message());
    assertEquals(Optional.empty(), store().load());
    assertTrue(
        SafetyBench.withFaultStore(store()).supervisor.latchedFault().isEmpty(),
        "after a reset, the next restart starts without a fault");
  }

  @Test
  void userResetClearsARestoredUserFaultAndTheStore() throws Exception {
    hungController(SafetyBench.withFaultStore(store()));
    SafetyBench after = SafetyBench.withFaultStore(store());
    after.run(0.2);

    assertTrue(after.supervisor.reset(ResetKind.USER).cleared());

    assertFalse(Files.exists(stateDir.resolve(FaultStore.FILE_NAME)));
  }

  @Test
  void withoutAStoredFaultTheSupervisorStartsIdle() {
    SafetyBench bench = SafetyBench.withFaultStore(store());

    bench.assertNoFault();
    bench.assertSafe();
    assertTrue(bench.listener.faults().isEmpty());
  }

  @Test
  void unreadableStoreLatchesAFaultThatNeedsService() throws Exception {
    Files.writeString(stateDir.resolve(FaultStore.FILE_NAME), "{\"version\": 1, \"code\": \"HEAT");

    SafetyBench bench = SafetyBench.withFaultStore(store());

    Fault fault = bench.fault();
    assertEquals(FaultCode.STORED_FAULT_UNREADABLE, fault.code());
    assertTrue(FaultCode.STORED_FAULT_UNREADABLE.needsService());
    assertTrue(
        fault
            .message()
            .startsWith("A latched fault was stored before the restart but cannot be read back"),
        fault.message());
    assertTrue(
        fault.message().endsWith("After the check, hold the reset button while powering up."),
        fault.message());
    bench.run(0.2);
    assertFalse(bench.supervisor.reset(ResetKind.USER).cleared());
    assertTrue(bench.supervisor.reset(ResetKind.SERVICE).cleared());
    assertEquals(Optional.empty(), store().load(), "the service reset removes the damaged file");
  }

  @Test
  void latchedFromOutsideIsStoredStampedAndFirstFaultWins() throws Exception {
    SafetyBench bench = SafetyBench.withFaultStore(store());
    bench.clock.advanceSeconds(3);
    Fault selfTest = new Fault(FaultCode.SENSOR_FAULT, "Start-up self-test: no reading.", 0, 3, 0L);

    bench.supervisor.latch(selfTest);
    bench.supervisor.latch(new Fault(FaultCode.OVER_TEMPERATURE, "later", 300, 280, 0L));

    Fault latched = bench.assertTripped(FaultCode.SENSOR_FAULT);
    assertEquals(bench.clock.nanos(), latched.atNanos());
    assertEquals("Start-up self-test: no reading.", store().load().orElseThrow().fault().message());
  }

  @Test
  void aStoreThatCannotBeWrittenDoesNotStopTheFaultFromLatching() throws Exception {
    Path gone = stateDir.resolve("gone");
    Files.createDirectory(gone);
    SafetyBench bench = SafetyBench.withFaultStore(FaultStore.in(gone));
    Files.delete(gone);

    weldedRelay(bench);

    bench.assertSafe();
    assertFalse(Files.exists(gone));
  }
}
