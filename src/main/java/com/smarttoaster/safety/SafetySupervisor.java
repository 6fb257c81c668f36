package com.smarttoaster.safety;

import static com.smarttoaster.safety.FaultText.HEAT_CUT;
import static com.smarttoaster.safety.FaultText.seconds;

import com.smarttoaster.hal.AppliancePorts;
import com.smarttoaster.hal.CarriageLatch;
import com.smarttoaster.hal.DeadManTrigger;
import com.smarttoaster.hal.Clock;
import com.smarttoaster.hal.HeaterCurrentSensor;
import com.smarttoaster.hal.HeaterSwitch;
import com.smarttoaster.hal.TemperatureReading;
import com.smarttoaster.hal.TemperatureSensor;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Decides whether heat may flow, and nothing else. It is the sole owner of the heater relay and the
 * carriage latch; it reads the chamber sensor, runs independent checks and vetoes. It never takes
 * advice from the predictor: the controller can only ask for heat, and the ask is honoured only while
 * every check passes.
 *
 * <p>The heater is on after a {@link #tick()} if and only if the controller requested heat, the lease
 * is fresh, the carriage is held, no fault is latched and the cycle has heated for less than
 * maxHeatS. Any fault latches: heat off at once, carriage released (which also opens its mains
 * contacts), the listener told once; only {@link #reset(ResetKind)} clears it.
 *
 * <p>Calling order for the controller: {@link #holdCarriage()} when the lever goes down, then
 * {@link #renewLease()} on every controller tick and {@link #requestHeat(boolean)} when it wants heat
 * (heat starts at the next supervisor tick), and {@link #endCycle()} when the toast is done or
 * cancelled. Every method is thread-safe; the sensor is read outside the lock, so callers on other
 * threads never wait for a slow sensor.
 *
 * <p>With a {@link FaultStore}, latched faults survive a restart: the stored fault is latched again
 * when the supervisor is constructed (after heat off and carriage released), every newly latched
 * fault is saved, and a successful reset clears the store. The reset rules are the same for a
 * restored fault.
 */
public final class SafetySupervisor {
  private static final Logger log = LoggerFactory.getLogger(SafetySupervisor.class);

  private enum Carriage {
    RELEASED,
    HELD,
    /** endCycle() was called: heat is off, the release waits for the current check. */
    RELEASING
  }

  private record SensorSample(TemperatureReading reading, String problem) {}

  private final Object lock = new Object();
  private final SafetyLimits limits;
  private final HeaterSwitch heater;
  private final CarriageLatch latch;
  private final TemperatureSensor sensor;
  private final HeaterCurrentSensor currentSensor;
  private final DeadManTrigger deadMan;
  private final Clock clock;
  private final SafetyListener listener;
  private final long maxHeatNanos;
  private final long releaseVerifyNanos;
  private final long staleNanos;
  private final HeatLease lease;
  private final ResetPolicy resetPolicy;
  private final List<SafetyCheck> checks;
  private final FaultStore faultStore;
  /** Orders the store's writes: a queued write older than the last one written is dropped. */
  private final Object storeLock = new Object();
  private long storeWrittenGeneration;

  // Everything below is guarded by lock.
  private final List<Runnable> outbox = new ArrayList<>();
  private Fault fault;
  private Carriage carriage = Carriage.RELEASED;
  private boolean heatRequested;
  private boolean heaterOn;
  private long heaterSwitchedAtNanos;
  private boolean heaterOnDuringPeriod;
  private long heatNanosThisCycle;
  /** The last tick, or construction before the first tick. */
  private long lastTickNanos;
  private long releaseAtNanos;
  private TemperatureReading lastReading;
  private long lastReadingAtNanos;
  private boolean sensorReadFailing;
  private long storeGeneration;

  /**
   * Switches the heater off and releases the carriage before anything else, then checks its
   * arguments.
   *
   * @param currentSensor the heater current sensor, or null when none is fitted
   * @param listener told about faults and changes of the outputs; may be null
   * @throws IllegalArgumentException when a limit is nonsensical, or the limits say a current sensor
   *     is fitted but none is given
   */
  public SafetySupervisor(
      SafetyLimits limits,
      HeaterSwitch heater,
      CarriageLatch latch,
      TemperatureSensor sensor,
      HeaterCurrentSensor currentSensor, // null when not fitted
      Clock clock,
      SafetyListener listener) {
    this(limits, heater, latch, sensor, currentSensor, clock, listener, null);
  }

  /**
   * As the other constructor, with latched faults kept in {@code faultStore}: after the heater is off
   * and the carriage released, a stored fault is latched again (the listener is told, its message
   * says it was restored); a stored file that cannot be read latches {@link
   * FaultCode#STORED_FAULT_UNREADABLE}.
   *
   * @param faultStore where latched faults are kept, or null to keep them in memory only
   */
  public SafetySupervisor(
      SafetyLimits limits,
      HeaterSwitch heater,
      CarriageLatch latch,
      TemperatureSensor sensor,
      HeaterCurrentSensor currentSensor, // null when not fitted
      Clock clock,
      SafetyListener listener,
      FaultStore faultStore) {
    this(limits, heater, latch, sensor, currentSensor, DeadManTrigger.NONE, clock, listener, faultStore);
  }

  /**
   * The appliance's ports as one bundle (the dead-man included); controls and indicators are not
   * the supervisor's and are ignored.
   */
  public SafetySupervisor(
      SafetyLimits limits, AppliancePorts ports, Clock clock, SafetyListener listener, FaultStore faultStore) {
    this(limits, ports.heater(), ports.latch(), ports.sensor(), ports.currentSensor(), ports.deadMan(), clock,
        listener, faultStore);
  }

  /**
   * As the other constructors, with the hardware dead-man's trigger, which every completed
   * {@link #tick()} toggles.
   */
  public SafetySupervisor(
      SafetyLimits limits,
      HeaterSwitch heater,
      CarriageLatch latch,
      TemperatureSensor sensor,
      HeaterCurrentSensor currentSensor, // null when not fitted
      DeadManTrigger deadMan,
      Clock clock,
      SafetyListener listener,
      FaultStore faultStore) {
    try {
      Objects.requireNonNull(heater, "heater").set(false);
    } finally {
      Objects.requireNonNull(latch, "latch").release();
    }
    this.deadMan = Objects.requireNonNull(deadMan, "deadMan");
    this.limits = SafetyLimitsCheck.requireSane(Objects.requireNonNull(limits, "limits"));
    this.heater = heater;
    this.latch = latch;
    this.sensor = Objects.requireNonNull(sensor, "sensor");
    this.clock = Objects.requireNonNull(clock, "clock");
    this.listener = listener == null ? SafetyListener.NONE : listener;
    if (limits.currentSensorFitted() && currentSensor == null) {
      throw new IllegalArgumentException(
          "SafetyLimits.currentSensorFitted is true but no HeaterCurrentSensor was given;"
              + " pass the sensor, or set currentSensorFitted to false");
    }
    if (!limits.currentSensorFitted() && currentSensor != null) {
      log.info("A heater current sensor was given but the limits say none is fitted; ignoring it");
    }
    this.currentSensor = limits.currentSensorFitted() ? currentSensor : null;
    this.maxHeatNanos = Nanos.of(limits.maxHeatS());
    this.releaseVerifyNanos = Nanos.of(limits.releaseVerifyS());
    this.staleNanos = Nanos.of(limits.staleS());
    this.lease = new HeatLease(limits);
    this.resetPolicy = new ResetPolicy(limits);
    this.checks =
        List.of(
            new SensorHealthCheck(limits),
            new OverTemperatureCheck(limits),
            new SensorStaleCheck(limits),
            new RateOfChangeCheck(limits),
            new FrozenReadingCheck(limits),
            new FallWhileHeatingCheck(limits),
            new HeatRiseCheck(limits),
            new StuckRelayCurrentCheck(limits),
            new StuckHeaterTemperatureCheck(limits),
            new MaxHeatTimeCheck(limits));
    this.heaterSwitchedAtNanos = clock.nanos();
    this.lastTickNanos = heaterSwitchedAtNanos;
    this.faultStore = faultStore;
    log.info("Safety supervisor ready: {}", limits);
    if (faultStore != null) {
      Fault restored = restoredFault(faultStore, heaterSwitchedAtNanos);
      if (restored != null) {
        withLock(() -> {
          fault = restored;
          outbox.add(() -> this.listener.onFault(restored));
          return null;
        });
      }
    }
  }

  /** The limits this supervisor enforces. */
  public SafetyLimits limits() {
    return limits;
  }

  /**
   * Start interlock + hold: returns false (and holds nothing) when a fault is latched or the lever is
   * up. Otherwise holds the carriage and starts a new cycle: heat-time count back to zero, no heat
   * requested, the lease waiting for its first renewal. Called while a cycle is already held, it
   * returns true and keeps that cycle (its heat time keeps counting). Refused while the previous
   * cycle's carriage is still being released after {@link #endCycle()}.
   */
  public boolean holdCarriage() {
    return withLock(
        () -> {
          if (fault != null) {
            log.info("Start refused: fault {} is latched", fault.code());
            return false;
          }
          if (carriage == Carriage.HELD) {
            return true;
          }
          if (carriage == Carriage.RELEASING) {
            log.info("Start refused: the previous cycle's carriage is still being released");
            return false;
          }
          if (!latch.isLeverDown()) {
            log.info("Start refused: the carriage lever is not down");
            return false;
          }
          latch.hold();
          if (!latch.isHeld()) {
            latch.release();
            log.warn("Start refused: the carriage latch did not hold");
            return false;
          }
          long now = clock.nanos();
          carriage = Carriage.HELD;
          heatRequested = false;
          heatNanosThisCycle = 0;
          heaterOnDuringPeriod = heaterOn;
          lease.startCycle(now);
          checks.forEach(check -> check.onCycleStart(now));
          log.info("Cycle started: carriage held");
          return true;
        });
  }

  /**
   * The controller's wish for heat. Off takes effect at once (the relay is switched off before this
   * returns); on takes effect at the next {@link #tick()}, after the checks, and only while the lease
   * is fresh, the carriage held and no fault latched. A wish for heat outside a held cycle or while a
   * fault is latched is ignored.
   */
  public void requestHeat(boolean on) {
    withLock(
        () -> {
          if (!on) {
            heatRequested = false;
            setHeater(false, clock.nanos());
          } else if (fault == null && carriage == Carriage.HELD) {
            heatRequested = true;
          } else {
            log.debug("Heat request ignored: carriage {}, fault {}", carriage, fault);
          }
          return null;
        });
  }

  /**
   * Heartbeat + lease renewal; the controller calls it on every one of its ticks. A renewal that
   * comes too late does not rescue the lease: if heat was requested and the lease is already older
   * than leaseS, heat is cut at once and LEASE_EXPIRED latched. It also watches the supervisor's own
   * loop: if no tick has run for more than staleS while heat is on or the carriage held, it latches
   * SENSOR_STALE from this thread.
   */
  public void renewLease() {
    withLock(
        () -> {
          long now = clock.nanos();
          if (fault == null) {
            Fault overdue = lease.check(now, heatRequested, carriage == Carriage.HELD);
            if (overdue == null) {
              overdue = loopStalled(now);
            }
            if (overdue != null) {
              latchFault(overdue, now);
            }
          }
          lease.renew(now);
          return null;
        });
  }

  /**
   * Ends the cycle: heater off now, carriage released after releaseVerifyS (on the first tick at or
   * after that time, once the current sensor confirms no current flows; HEATER_STUCK_ON if it still
   * does). Without a current sensor the carriage is released at once. Ends the heat-time count. Safe
   * to call at any time, also twice or outside a cycle.
   */
  public void endCycle() {
    withLock(
        () -> {
          long now = clock.nanos();
          heatRequested = false;
          setHeater(false, now);
          if (carriage != Carriage.HELD) {
            return null;
          }
          if (currentSensor != null) {
            carriage = Carriage.RELEASING;
            releaseAtNanos = now + releaseVerifyNanos;
            log.info("Cycle ended: heat off, carriage release after the current check");
          } else {
            releaseCarriage(now);
            log.info("Cycle ended: heat off, carriage released");
          }
          return null;
        });
  }

  /**
   * One period of the supervisor loop: read the sensor (outside the lock; a failed read is no sample,
   * never an exception), run every check, then write the heater.
   */
  public void tick() {
    SensorSample sample = readSensor();
    Boolean currentFlowing = readCurrent();
    withLock(
        () -> {
          onTick(sample, currentFlowing);
          return null;
        });
    // Proof of life for the hardware dead-man: only a tick that ran to its end retriggers it.
    deadMan.toggle();
  }

  /**
   * Latches a fault found outside the supervisor's own checks, such as a failed start-up self-test:
   * the same as a tripped check (heat off at once, carriage released, listener told, fault stored).
   * The fault is stamped with this supervisor's clock (its {@code atNanos} is replaced). Does nothing
   * when a fault is already latched: the first fault stays.
   */
  public void latch(Fault found) {
    Objects.requireNonNull(found, "found");
    withLock(
        () -> {
          long now = clock.nanos();
          latchFault(new Fault(found.code(), found.message(), found.measured(), found.limit(), now), now);
          return null;
        });
  }

  public Optional<Fault> latchedFault() {
    return withLock(() -> Optional.ofNullable(fault));
  }

  /**
   * Tries to clear the latched fault; the result says whether it worked and, if not, why.
   *
   * <p>USER clears only faults that do not need service, and only with the lever up, the carriage
   * released and a recent valid chamber reading below resetMaxC. SERVICE clears every fault but also
   * needs a recent valid reading below resetMaxC. A cleared fault leaves the supervisor idle.
   */
  public ResetResult reset(ResetKind kind) {
    Objects.requireNonNull(kind, "kind");
    return withLock(
        () -> {
          if (fault == null) {
            return new ResetResult(true, "No fault is latched; nothing to reset.");
          }
          long now = clock.nanos();
          String refusal =
              resetPolicy.refusal(
                  kind,
                  fault.code(),
                  latch.isLeverDown(),
                  carriage == Carriage.RELEASED && !latch.isHeld(),
                  lastReading,
                  now - lastReadingAtNanos);
          if (refusal != null) {
            log.info("{} reset of {} refused: {}", kind, fault.code(), refusal);
            return new ResetResult(false, refusal);
          }
          FaultCode cleared = fault.code();
          fault = null;
          queueStoreWrite(null);
          heatRequested = false;
          carriage = Carriage.RELEASED;
          checks.forEach(check -> check.onReset(now));
          log.info("Fault {} cleared by {} reset; idle", cleared, kind);
          return new ResetResult(
              true, "Cleared " + cleared + " (" + kind + " reset). The toaster is ready.");
        });
  }

  public SafetyStatus status() {
    return withLock(
        () ->
            new SafetyStatus(
                heaterOn,
                carriage != Carriage.RELEASED,
                lastReading,
                Nanos.toSeconds(heatNanosThisCycle),
                fault));
  }

  /**
   * Heat off and carriage released at once, for an orderly stop of the appliance (used by
   * {@link SupervisorLoop#close()}). Not a fault; nothing heats again until a new cycle is started
   * and ticks run.
   */
  public void shutdown() {
    withLock(
        () -> {
          long now = clock.nanos();
          heatRequested = false;
          cutHeatAndRelease(now);
          log.info("Safety supervisor stopped: heat off, carriage released");
          return null;
        });
  }

  /**
   * Fail-safe after a tick threw: heater off; if even that fails, release the carriage, whose mains
   * contacts are the second switch. Never throws.
   */
  void cutHeatAfterFailure() {
    withLock(
        () -> {
          try {
            setHeater(false, lastTickNanos);
          } catch (RuntimeException heaterFailure) {
            log.error("Could not switch the heater off; releasing the carriage", heaterFailure);
            try {
              releaseCarriage(lastTickNanos);
            } catch (RuntimeException latchFailure) {
              log.error("Could not release the carriage either", latchFailure);
            }
          }
          return null;
        });
  }

  // ---- the tick ------------------------------------------------------------------------------

  private void onTick(SensorSample sample, Boolean currentFlowing) {
    long now = clock.nanos();
    if (heaterOnDuringPeriod) {
      heatNanosThisCycle += Math.max(0, now - lastTickNanos);
    }
    heaterOnDuringPeriod = heaterOn;
    noteSample(sample, now);
    if (fault == null) {
      followCarriage(now);
      finishRelease(now, currentFlowing);
    }
    if (fault == null) {
      runChecks(now, sample, currentFlowing);
    }
    if (carriage == Carriage.RELEASED && latch.isHeld()) {
      latch.release(); // nobody else may hold it
    }
    boolean heat =
        fault == null
            && carriage == Carriage.HELD
            && heatRequested
            && lease.isFresh(now)
            && heatNanosThisCycle < maxHeatNanos
            && latch.isHeld();
    setHeater(heat, now);
    lastTickNanos = now;
  }

  private void noteSample(SensorSample sample, long now) {
    if (sample.reading() != null) {
      lastReading = sample.reading();
      lastReadingAtNanos = now;
    }
    boolean failing = sample.reading() == null;
    if (failing != sensorReadFailing) {
      sensorReadFailing = failing;
      if (failing) {
        log.warn("Temperature sensor gave no sample: {}", sample.problem());
      } else {
        log.info("Temperature sensor delivers samples again");
      }
    }
  }

  /** A held carriage whose lever went up or whose magnet dropped out ends the cycle. */
  private void followCarriage(long now) {
    if (carriage != Carriage.HELD) {
      return;
    }
    if (!latch.isLeverDown() || !latch.isHeld()) {
      log.info("Carriage came up during the cycle (lever lifted or latch dropped out); cycle ended");
      heatRequested = false;
      cutHeatAndRelease(now);
    }
  }

  private void finishRelease(long now, Boolean currentFlowing) {
    if (carriage != Carriage.RELEASING || now < releaseAtNanos) {
      return;
    }
    if (Boolean.TRUE.equals(currentFlowing)) {
      double sinceOffS = Nanos.toSeconds(now - heaterSwitchedAtNanos);
      latchFault(
          new Fault(
              FaultCode.HEATER_STUCK_ON,
              StuckRelayCurrentCheck.message(
                  sinceOffS, limits.releaseVerifyS(), "checked before releasing the carriage"),
              sinceOffS,
              limits.releaseVerifyS(),
              now),
          now);
      return;
    }
    if (currentFlowing == null) {
      log.warn("Heater current could not be read before the release; releasing anyway");
    }
    releaseCarriage(now);
  }

  private void runChecks(long now, SensorSample sample, Boolean currentFlowing) {
    boolean usable = SensorHealthCheck.isUsable(sample.reading(), limits);
    String problem =
        usable
            ? null
            : sample.reading() == null
                ? sample.problem()
                : SensorHealthCheck.problem(sample.reading(), limits);
    boolean held = carriage == Carriage.HELD;
    TickFacts facts =
        new TickFacts(
            now,
            sample.reading(),
            usable,
            heaterOn,
            heaterSwitchedAtNanos,
            heatNanosThisCycle,
            held && heatRequested,
            held,
            currentFlowing,
            problem);
    for (SafetyCheck check : checks) {
      Fault found = check.evaluate(facts);
      if (found != null) {
        latchFault(found, now);
        return;
      }
    }
    Fault overdue = lease.check(now, heatRequested, held);
    if (overdue != null) {
      latchFault(overdue, now);
    }
  }

  /**
   * SENSOR_STALE seen from another thread: the loop has stopped ticking (or never started) while
   * something is at stake (heat on or carriage held). An idle toaster has nothing to cut.
   */
  private Fault loopStalled(long now) {
    boolean atStake = heaterOn || carriage != Carriage.RELEASED;
    if (!atStake || now - lastTickNanos <= staleNanos) {
      return null;
    }
    double sinceTickS = Nanos.toSeconds(now - lastTickNanos);
    String message =
        "Safety loop stalled: no temperature check for "
            + seconds(sinceTickS)
            + ", limit "
            + seconds(limits.staleS())
            + ". "
            + HEAT_CUT
            + " Unplug the toaster and plug it back in; if this happens again, have it serviced.";
    return new Fault(FaultCode.SENSOR_STALE, message, sinceTickS, limits.staleS(), now);
  }

  // ---- outputs -------------------------------------------------------------------------------

  private void latchFault(Fault found, long now) {
    if (fault != null) {
      return;
    }
    fault = found;
    heatRequested = false;
    log.error("Safety fault {}: {}", found.code(), found.message());
    outbox.add(() -> listener.onFault(found));
    queueStoreWrite(found);
    cutHeatAndRelease(now);
  }

  /** Heater off and carriage released; the release happens even if switching the relay fails. */
  private void cutHeatAndRelease(long now) {
    try {
      setHeater(false, now);
    } finally {
      releaseCarriage(now);
    }
  }

  /** Writes the relay (also when unchanged: a refresh), and reports changes. */
  private void setHeater(boolean on, long now) {
    heater.set(on);
    if (on) {
      heaterOnDuringPeriod = true;
    }
    if (on != heaterOn) {
      heaterOn = on;
      heaterSwitchedAtNanos = now;
      log.debug("Heater commanded {}", on ? "on" : "off");
      outbox.add(() -> listener.onHeaterCommand(on, now));
    }
  }

  private void releaseCarriage(long now) {
    latch.release();
    if (carriage != Carriage.RELEASED) {
      carriage = Carriage.RELEASED;
      log.info("Carriage released");
      outbox.add(() -> listener.onCarriageReleased(now));
    }
  }

  // ---- the fault store -----------------------------------------------------------------------

  /** The stored fault, latched again; null when none is stored. Never throws. */
  private static Fault restoredFault(FaultStore store, long now) {
    try {
      Optional<FaultStore.StoredFault> stored = store.load();
      if (stored.isEmpty()) {
        log.info("No latched fault stored in {}", store.file());
        return null;
      }
      Fault f = stored.get().fault();
      log.warn("Fault {} restored from {} (latched at {}): it stays latched until reset", f.code(), store.file(),
          stored.get().latchedAt());
      return new Fault(f.code(), f.message() + " (Restored after a restart: latched at " + stored.get().latchedAt()
          + ".)", f.measured(), f.limit(), now);
    } catch (FaultStore.UnreadableFaultException e) {
      log.error("The fault store cannot be read back: {}", e.getMessage());
      return new Fault(FaultCode.STORED_FAULT_UNREADABLE,
          "A latched fault was stored before the restart but cannot be read back (" + e.getMessage()
              + "), so it is kept as one that needs service. Heat is off and no cycle can start. "
              + FaultText.SERVICE + " After the check, hold the reset button while powering up.",
          0, 0, now);
    }
  }

  /**
   * Queues a write of the store (the fault, or a clear when null) to run after the lock is released.
   * Runs on the thread that latched or reset; heat is already off by then. Caller holds lock.
   */
  private void queueStoreWrite(Fault toStore) {
    if (faultStore == null) {
      return;
    }
    long generation = ++storeGeneration;
    outbox.add(() -> writeStore(generation, toStore));
  }

  private void writeStore(long generation, Fault toStore) {
    synchronized (storeLock) {
      if (generation <= storeWrittenGeneration) {
        return; // a newer state was written already
      }
      storeWrittenGeneration = generation;
      try {
        if (toStore == null) {
          faultStore.clear();
        } else {
          faultStore.save(toStore);
        }
      } catch (IOException | RuntimeException e) {
        log.error("Could not {} the fault store {}: {}. A restart {} this fault.", toStore == null ? "clear" : "write",
            faultStore.file(), e.toString(), toStore == null ? "may bring back" : "would forget");
      }
    }
  }

  // ---- inputs and plumbing -------------------------------------------------------------------

  private SensorSample readSensor() {
    try {
      TemperatureReading reading = sensor.read();
      return reading == null
          ? new SensorSample(null, "the sensor driver returned no reading")
          : new SensorSample(reading, null);
    } catch (IOException | RuntimeException e) {
      return new SensorSample(null, "read failed: " + e);
    }
  }

  private Boolean readCurrent() {
    if (currentSensor == null) {
      return null;
    }
    try {
      return currentSensor.isCurrentFlowing();
    } catch (RuntimeException e) {
      log.debug("Heater current could not be read", e);
      return null;
    }
  }

  /**
   * Runs {@code action} under the lock, then tells the listener what changed, outside the lock so a
   * listener can call back in and cannot stall the loop while holding it.
   */
  private <T> T withLock(Supplier<T> action) {
    List<Runnable> events = List.of();
    try {
      synchronized (lock) {
        try {
          return action.get();
        } finally {
          events = List.copyOf(outbox);
          outbox.clear();
        }
      }
    } finally {
      for (Runnable event : events) {
        try {
          event.run();
        } catch (RuntimeException e) {
          log.warn("Safety listener threw; ignored", e);
        }
      }
    }
  }
}
