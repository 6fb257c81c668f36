package com.smarttoaster.safety;

import static com.smarttoaster.safety.FaultText.HEAT_CUT;
import static com.smarttoaster.safety.FaultText.seconds;

import com.smarttoaster.hal.AppliancePorts;
import com.smarttoaster.hal.CarriageLatch;
import com.smarttoaster.hal.Clock;
import com.smarttoaster.hal.DeadManTrigger;
import com.smarttoaster.hal.HeaterCurrentSensor;
import com.smarttoaster.hal.HeaterSwitch;
import com.smarttoaster.hal.TemperatureReading;
import com.smarttoaster.hal.TemperatureSensor;
import java.io.IOException;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Supplier;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Decides whether heat may flow, and nothing else. It is the sole owner of the heater relay and the
 * carriage latch; it reads the chamber sensor, runs independent checks and vetoes. It never takes
 * advice from the predictor: the controller can only ask for heat, and the ask is honoured only
 * while every check passes.
 *
 * <p>The heater is on after a {@link #tick()} if and only if the controller requested heat, the
 * lease is fresh, the carriage is held, no fault is latched and the cycle has heated for less than
 * maxHeatS. Any fault latches: heat off at once, carriage released (which also opens its mains
 * contacts), the listener told once; only {@link #reset(ResetKind)} clears it.
 *
 * <p>Calling order for the controller: {@link #holdCarriage()} when the lever goes down, then
 * {@link #renewLease()} on every controller tick and {@link #requestHeat(boolean)} when it wants
 * heat (heat starts at the next supervisor tick), and {@link #endCycle()} when the toast is done or
 * cancelled. Every method is thread-safe.
 *
 * <p>Nothing that can block runs under the supervisor's lock: the sensors are read by the loop
 * before it takes the lock (the chamber sensor only every sensorSampleS, see {@link
 * SensorSampler}), and the relay and magnet are written after it is released ({@link
 * OutputWriter}), so a GPIO write that hangs cannot stop the controller's {@link #renewLease()}
 * from latching the fault; the hung loop stops toggling the hardware dead-man, which drops heat and
 * magnet. Listener calls run in the order the supervisor decided them ({@link OrderedEvents}).
 *
 * <p>With a {@link FaultStore}, latched faults survive a restart: the stored fault is latched again
 * when the supervisor is constructed (after heat off and carriage released), every newly latched
 * fault is saved, and a successful reset clears the store. The reset rules are the same for a
 * restored fault.
 */
public final class SafetySupervisor {
  private static final Logger log = LoggerFactory.getLogger(SafetySupervisor.class);

  /** How long a start waits for a relay or magnet write in progress on another thread, ms. */
  private static final long HOLD_WAIT_MS = 200;

  private enum Carriage {
    RELEASED,
    /** holdCarriage() is writing the hold; neither released by a tick nor heated yet. */
    HOLDING,
    HELD,
    /** endCycle() was called: heat is off, the release waits for the current check. */
    RELEASING
  }

  /** What a start found under the lock, before it writes the hold outside it. */
  private enum StartCheck {
    REFUSED,
    /** The cycle is held already: the start keeps it. */
    ALREADY_HELD,
    /** Nothing refused it: this start writes the hold (the carriage is HOLDING meanwhile). */
    HOLD
  }

  /** The inputs a tick reads before it takes the lock. */
  private record Inputs(
      SensorSampler.@Nullable Sample sample,
      HeaterCurrent current,
      boolean leverDown,
      boolean magnetHeld) {}

  private final Object lock = new Object();
  private final SafetyLimits limits;
  private final CarriageLatch latch;
  private final @Nullable HeaterCurrentSensor currentSensor;
  private final DeadManTrigger deadMan;
  private final Clock clock;
  private final SafetyListener listener;
  private final long maxHeatNanos;
  private final long releaseVerifyNanos;
  private final long staleNanos;
  private final HeatLease lease;
  private final ResetPolicy resetPolicy;
  private final List<SafetyCheck> checks;
  private final SensorSampler sampler;
  private final OutputWriter outputs;
  private final OrderedEvents events = new OrderedEvents();
  private final EnergyBalanceCheck energyBalance;
  private final @Nullable ElementMemoryFile elementMemory;
  private final FaultStoreWriter store;

  // Everything below is guarded by lock.
  private final HeatTimeBook heatTime;
  private @Nullable Fault fault;
  private Carriage carriage = Carriage.RELEASED;
  private boolean heatRequested;
  private boolean heaterOn;
  private long heaterSwitchedAtNanos;
  private boolean releaseAgain;
  private long releaseAtNanos;
  private @Nullable TemperatureReading lastReading;
  private long lastReadingAtNanos;
  private boolean sensorReadFailing;

  /**
   * Switches the heater off and releases the carriage before anything else, then checks its
   * arguments.
   *
   * @param currentSensor the heater current sensor, or null when none is fitted
   * @param listener told about faults and changes of the outputs; may be null
   * @throws IllegalArgumentException when a limit is nonsensical, or the limits say a current
   *     sensor is fitted but none is given
   */
  public SafetySupervisor(
      SafetyLimits limits,
      HeaterSwitch heater,
      CarriageLatch latch,
      TemperatureSensor sensor,
      @Nullable HeaterCurrentSensor currentSensor,
      Clock clock,
      @Nullable SafetyListener listener) {
    this(limits, heater, latch, sensor, currentSensor, clock, listener, null);
  }

  /**
   * As the other constructor, with latched faults kept in {@code faultStore}: after the heater is
   * off and the carriage released, a stored fault is latched again (the listener is told, its
   * message says it was restored); a stored file that cannot be read latches {@link
   * FaultCode#STORED_FAULT_UNREADABLE}. The energy-balance observer's element memory is kept beside
   * it ({@link FaultStore#elementMemory()}): written at every heater switch-off, taken over here,
   * so that a second batch right after a restart does not read as a drifting sensor.
   *
   * @param faultStore where latched faults (and the element memory) are kept, or null to keep them
   *     in memory only
   */
  public SafetySupervisor(
      SafetyLimits limits,
      HeaterSwitch heater,
      CarriageLatch latch,
      TemperatureSensor sensor,
      @Nullable HeaterCurrentSensor currentSensor,
      Clock clock,
      @Nullable SafetyListener listener,
      @Nullable FaultStore faultStore) {
    this(
        limits,
        heater,
        latch,
        sensor,
        currentSensor,
        DeadManTrigger.NONE,
        clock,
        listener,
        faultStore);
  }

  /**
   * The appliance's ports as one bundle (the dead-man included); controls and indicators are not
   * the supervisor's and are ignored.
   */
  public SafetySupervisor(
      SafetyLimits limits,
      AppliancePorts ports,
      Clock clock,
      @Nullable SafetyListener listener,
      @Nullable FaultStore faultStore) {
    this(
        limits,
        ports.heater(),
        ports.latch(),
        ports.sensor(),
        ports.currentSensor(),
        ports.deadMan(),
        clock,
        listener,
        faultStore);
  }

  /**
   * The one that does the work: the others give it no dead-man (tests of other parts) or take the
   * ports as a bundle. Every completed {@link #tick()} toggles the dead-man's trigger.
   */
  private SafetySupervisor(
      SafetyLimits limits,
      HeaterSwitch heater,
      CarriageLatch latch,
      TemperatureSensor sensor,
      @Nullable HeaterCurrentSensor currentSensor,
      DeadManTrigger deadMan,
      Clock clock,
      @Nullable SafetyListener listener,
      @Nullable FaultStore faultStore) {
    try {
      Objects.requireNonNull(heater, "heater").set(false);
    } finally {
      Objects.requireNonNull(latch, "latch").release();
    }
    this.deadMan = Objects.requireNonNull(deadMan, "deadMan");
    this.limits = SafetyLimitsCheck.requireSane(Objects.requireNonNull(limits, "limits"));
    this.latch = latch;
    this.sampler = new SensorSampler(Objects.requireNonNull(sensor, "sensor"), limits);
    this.outputs = new OutputWriter(heater, latch);
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
    this.energyBalance = new EnergyBalanceCheck(limits);
    this.elementMemory = faultStore == null ? null : faultStore.elementMemory();
    restoreElementMemory();
    this.checks =
        List.of(
            new SensorHealthCheck(limits),
            new OverTemperatureCheck(limits),
            new SensorStaleCheck(limits),
            new RateOfChangeCheck(limits),
            new FrozenReadingCheck(limits),
            new FallWhileHeatingCheck(limits),
            new HeatRiseCheck(limits),
            new HeaterNoCurrentCheck(limits),
            energyBalance,
            new StuckRelayCurrentCheck(limits),
            new StuckHeaterTemperatureCheck(limits),
            new MaxHeatTimeCheck(limits));
    this.heaterSwitchedAtNanos = clock.nanos();
    this.heatTime = new HeatTimeBook(heaterSwitchedAtNanos);
    this.store = new FaultStoreWriter(faultStore);
    // One readable line at start; every limit is in the config file, the full record at debug.
    log.info(
        "Safety supervisor ready: cut-off {} °C, at most {} s of heat per cycle",
        limits.cutoffC(),
        limits.maxHeatS());
    log.debug("Safety limits: {}", limits);
    Fault restored = store.restored(heaterSwitchedAtNanos);
    if (restored != null) {
      withLock(
          () -> {
            fault = restored;
            events.add(() -> this.listener.onFault(restored));
            return null;
          });
    }
  }

  /** The limits this supervisor enforces. */
  public SafetyLimits limits() {
    return limits;
  }

  /**
   * Start interlock + hold: returns false (and holds nothing) when a fault is latched or the lever
   * is up. Otherwise holds the carriage and starts a new cycle: heat-time count back to zero, no
   * heat requested, the lease waiting for its first renewal. Called while a cycle is already held,
   * it returns true and keeps that cycle (its heat time keeps counting). Refused while the previous
   * cycle's carriage is still being released after {@link #endCycle()}, and when the magnet does
   * not hold (read back after the hold).
   */
  public boolean holdCarriage() {
    boolean leverDown = latch.isLeverDown();
    StartCheck found =
        withLock(
            () -> {
              if (fault != null) {
                log.info("Start refused: fault {} is latched", fault.code());
                return StartCheck.REFUSED;
              }
              if (carriage == Carriage.HELD) {
                return StartCheck.ALREADY_HELD;
              }
              if (carriage != Carriage.RELEASED) {
                log.info(
                    "Start refused: the carriage is {}",
                    carriage == Carriage.HOLDING
                        ? "being held by another start"
                        : "still being released after the previous cycle");
                return StartCheck.REFUSED;
              }
              if (!leverDown) {
                log.info("Start refused: the carriage lever is not down");
                return StartCheck.REFUSED;
              }
              carriage = Carriage.HOLDING;
              return StartCheck.HOLD;
            });
    if (found != StartCheck.HOLD) {
      return found == StartCheck.ALREADY_HELD;
    }
    boolean written = outputs.holdNow(HOLD_WAIT_MS);
    boolean held = written && latch.isHeld();
    return withLock(
        () -> {
          if (carriage != Carriage.HOLDING) { // a fault latched meanwhile: it released the carriage
            return false;
          }
          if (!held) {
            carriage = Carriage.RELEASED;
            releaseAgain = true;
            log.warn(
                written
                    ? "Start refused: the carriage latch did not hold"
                    : "Start refused: the outputs are busy (a relay or magnet write has not finished)");
            return false;
          }
          long now = clock.nanos();
          carriage = Carriage.HELD;
          heatRequested = false;
          heatTime.startCycle(heaterOn);
          lease.startCycle(now);
          checks.forEach(check -> check.onCycleStart(now));
          log.info("Cycle started: carriage held");
          return true;
        });
  }

  /**
   * The controller's wish for heat. Off takes effect at once (the relay is written before this
   * returns, unless another thread is writing the outputs right then: it writes the off next); on
   * takes effect at the next {@link #tick()}, after the checks, and only while the lease is fresh,
   * the carriage held and no fault latched. A wish for heat outside a held cycle or while a fault
   * is latched is ignored.
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
   * than leaseS, heat is cut at once and LEASE_EXPIRED latched. It also watches the supervisor's
   * own loop: if no tick has run for more than staleS while heat is on or the carriage held (the
   * loop died, or hangs in a sensor read or an output write), it latches SENSOR_STALE from this
   * thread. It never waits for an output write in progress on another thread.
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
   * does). Without a current sensor the carriage is released at once. Ends the heat-time count.
   * Safe to call at any time, also twice or outside a cycle.
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
   * One period of the supervisor loop: read the inputs (outside the lock; the chamber sensor only
   * when a sample is due; a failed read is no sample, never an exception), run every check, write
   * the outputs (outside the lock), and only then toggle the hardware dead-man. A tick that throws
   * or hangs does not toggle it.
   */
  public void tick() {
    Inputs inputs =
        new Inputs(
            sampler.sampleIfDue(clock.nanos()), readCurrent(), latch.isLeverDown(), latch.isHeld());
    withLock(
        () -> {
          onTick(inputs);
          return null;
        },
        true);
    // Proof of life for the hardware dead-man: only a tick that ran to its end retriggers it.
    deadMan.toggle();
  }

  /**
   * Latches a fault found outside the supervisor's own checks, such as a failed start-up self-test:
   * the same as a tripped check (heat off at once, carriage released, listener told, fault stored).
   * The fault is stamped with this supervisor's clock (its {@code atNanos} is replaced). Does
   * nothing when a fault is already latched: the first fault stays.
   */
  public void latch(Fault found) {
    Objects.requireNonNull(found, "found");
    withLock(
        () -> {
          long now = clock.nanos();
          latchFault(
              new Fault(found.code(), found.message(), found.measured(), found.limit(), now), now);
          return null;
        });
  }

  public Optional<Fault> latchedFault() {
    synchronized (lock) {
      return Optional.ofNullable(fault);
    }
  }

  /**
   * Tries to clear the latched fault; the result says whether it worked and, if not, why.
   *
   * <p>USER clears only faults that do not need service, and only with the lever up, the carriage
   * released and a recent valid chamber reading below resetMaxC. SERVICE clears every fault but
   * also needs a recent valid reading below resetMaxC. A cleared fault leaves the supervisor idle.
   */
  public ResetResult reset(ResetKind kind) {
    Objects.requireNonNull(kind, "kind");
    boolean leverDown = latch.isLeverDown();
    boolean magnetHeld = latch.isHeld();
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
                  leverDown,
                  carriage == Carriage.RELEASED && !magnetHeld,
                  lastReading,
                  now - lastReadingAtNanos);
          if (refusal != null) {
            log.info("{} reset of {} refused: {}", kind, fault.code(), refusal);
            return new ResetResult(false, refusal);
          }
          FaultCode cleared = fault.code();
          fault = null;
          store.queueClear(events);
          heatRequested = false;
          carriage = Carriage.RELEASED;
          checks.forEach(check -> check.onReset(now));
          log.info("Fault {} cleared by {} reset; idle", cleared, kind);
          return new ResetResult(
              true, "Cleared " + cleared + " (" + kind + " reset). The toaster is ready.");
        });
  }

  public SafetyStatus status() {
    synchronized (lock) {
      return new SafetyStatus(
          heaterOn,
          carriage != Carriage.RELEASED,
          lastReading,
          Nanos.toSeconds(heatTime.heatNanosThisCycle()),
          fault);
    }
  }

  /**
   * Heat off and carriage released at once, for an orderly stop of the appliance (used by {@link
   * SupervisorLoop#close()}). Not a fault; nothing heats again until a new cycle is started and
   * ticks run.
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
   * contacts are the second switch. Never throws, and never waits for a write in progress on
   * another thread.
   */
  void cutHeatAfterFailure() {
    try {
      synchronized (lock) {
        setHeater(false, heatTime.lastTickNanos());
        outputs.want(false, magnetWish(), false, false);
      }
      if (outputs.cutHeatNow(log)) {
        synchronized (lock) {
          releaseCarriage(heatTime.lastTickNanos());
          outputs.want(false, OutputWriter.Magnet.RELEASE, false, false);
        }
      }
    } catch (RuntimeException e) {
      log.error("Fail-safe after a failed tick failed", e);
    } finally {
      events.run();
    }
  }

  /** The supervisor's check of {@code type}, for tests and surveys that measure its margins. */
  <T extends SafetyCheck> T check(Class<T> type) {
    return checks.stream().filter(type::isInstance).map(type::cast).findFirst().orElseThrow();
  }

  // ---- the tick ------------------------------------------------------------------------------

  private void onTick(Inputs in) {
    long now = clock.nanos();
    heatTime.countPeriod(now, heaterOn);
    noteSample(in.sample());
    if (fault == null) {
      followCarriage(now, in);
      finishRelease(now, in.current());
    }
    if (fault == null) {
      runChecks(now, in);
    }
    if (carriage == Carriage.RELEASED && in.magnetHeld()) {
      releaseAgain = true; // nobody else may hold it
    }
    boolean heat =
        fault == null
            && carriage == Carriage.HELD
            && heatRequested
            && lease.isFresh(now)
            && heatTime.heatNanosThisCycle() < maxHeatNanos
            && in.magnetHeld();
    setHeater(heat, now);
    heatTime.tickDone(now);
  }

  private void noteSample(SensorSampler.@Nullable Sample sample) {
    if (sample == null) {
      return; // the converter is still converting
    }
    if (sample.reading() != null) {
      lastReading = sample.reading();
      lastReadingAtNanos = sample.atNanos();
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
  private void followCarriage(long now, Inputs in) {
    if (carriage != Carriage.HELD) {
      return;
    }
    if (!in.leverDown() || !in.magnetHeld()) {
      log.info(
          "Carriage came up during the cycle (lever lifted or latch dropped out); cycle ended");
      heatRequested = false;
      cutHeatAndRelease(now);
    }
  }

  private void finishRelease(long now, HeaterCurrent current) {
    if (carriage != Carriage.RELEASING || now < releaseAtNanos) {
      return;
    }
    if (current == HeaterCurrent.FLOWING) {
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
    if (current == HeaterCurrent.UNKNOWN) {
      log.warn("Heater current could not be read before the release; releasing anyway");
    }
    releaseCarriage(now);
  }

  private void runChecks(long now, Inputs in) {
    SensorSampler.Sample sample = in.sample();
    TemperatureReading reading = sample == null ? null : sample.reading();
    boolean usable = SensorHealthCheck.isUsable(reading, limits);
    String problem =
        sample == null || usable
            ? null
            : reading == null ? sample.problem() : SensorHealthCheck.problem(reading, limits);
    boolean held = carriage == Carriage.HELD;
    TickFacts facts =
        new TickFacts(
            now,
            sample != null,
            reading,
            usable,
            heaterOn,
            heaterSwitchedAtNanos,
            heatTime.heatNanosThisCycle(),
            held && heatRequested,
            held,
            in.current(),
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
   * SENSOR_STALE seen from another thread: the loop has stopped ticking (or never started, or hangs
   * in a read or a write) while something is at stake (heat on or carriage held). An idle toaster
   * has nothing to cut.
   */
  private @Nullable Fault loopStalled(long now) {
    boolean atStake = heaterOn || carriage != Carriage.RELEASED;
    long sinceTickNanos = now - heatTime.lastTickNanos();
    if (!atStake || sinceTickNanos <= staleNanos) {
      return null;
    }
    double sinceTickS = Nanos.toSeconds(sinceTickNanos);
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

  // ---- state changes (caller holds lock; the outputs are written after it is released) ---------

  private void latchFault(Fault found, long now) {
    if (fault != null) {
      return;
    }
    fault = found;
    heatRequested = false;
    log.error("Safety fault {}: {}", found.code(), found.message());
    events.add(() -> listener.onFault(found));
    store.queueSave(found, events);
    cutHeatAndRelease(now);
  }

  /**
   * Heater off and carriage released (written in that order, the release even if the heater fails).
   */
  private void cutHeatAndRelease(long now) {
    setHeater(false, now);
    releaseCarriage(now);
  }

  /** The relay command; a change is reported. The relay is written after the lock is released. */
  private void setHeater(boolean on, long now) {
    if (on) {
      heatTime.heaterOn();
    }
    if (on != heaterOn) {
      heaterOn = on;
      heaterSwitchedAtNanos = now;
      if (!on) {
        queueElementMemorySave();
      }
      log.debug("Heater commanded {}", on ? "on" : "off");
      events.add(() -> listener.onHeaterCommand(on, now));
    }
  }

  /**
   * A new supervisor takes over the observer's element memory from the last heater switch-off (a
   * second batch right after a restart would otherwise read as a drifting sensor). Never throws:
   * without a usable record the memory starts cold, as it always did.
   */
  private void restoreElementMemory() {
    ElementMemoryFile file = elementMemory;
    if (file == null) {
      return;
    }
    try {
      file.load()
          .ifPresent(
              r -> {
                energyBalance.restore(r.atHeatOff(), r.offForS());
                log.info(
                    "Element memory restored from {}: heat went off {} s ago",
                    file.path(),
                    String.format(java.util.Locale.ROOT, "%.1f", r.offForS()));
              });
    } catch (IOException | RuntimeException e) {
      log.warn("Element memory not restored, it starts cold: {}", e.getMessage());
    }
  }

  /** Queues a write of the element memory at this switch-off. Caller holds the lock. */
  private void queueElementMemorySave() {
    ElementMemoryFile file = elementMemory;
    if (file == null) {
      return;
    }
    EnergyBalanceCheck.ElementMemory memory = energyBalance.memory();
    events.add(
        () -> {
          try {
            file.save(memory);
          } catch (IOException | RuntimeException e) {
            log.warn(
                "Element memory not written to {} ({}); a restart now starts it cold",
                file.path(),
                e.toString());
          }
        });
  }

  private void releaseCarriage(long now) {
    releaseAgain = true;
    if (carriage != Carriage.RELEASED) {
      carriage = Carriage.RELEASED;
      log.info("Carriage released");
      events.add(() -> listener.onCarriageReleased(now));
    }
  }

  /** Hold, release, or (while a start writes the hold itself) leave the magnet alone. */
  private OutputWriter.Magnet magnetWish() {
    if (carriage == Carriage.HOLDING) {
      return OutputWriter.Magnet.LEAVE;
    }
    return carriage == Carriage.RELEASED ? OutputWriter.Magnet.RELEASE : OutputWriter.Magnet.HOLD;
  }

  // ---- inputs and plumbing -------------------------------------------------------------------

  private HeaterCurrent readCurrent() {
    if (currentSensor == null) {
      return HeaterCurrent.UNKNOWN;
    }
    try {
      return currentSensor.isCurrentFlowing() ? HeaterCurrent.FLOWING : HeaterCurrent.NOT_FLOWING;
    } catch (RuntimeException e) {
      log.debug("Heater current could not be read", e);
      return HeaterCurrent.UNKNOWN;
    }
  }

  /**
   * Runs {@code action} under the lock and records the outputs it leaves wanted; then, with the
   * lock released, writes the outputs and runs the listener events, in order. A port that throws
   * makes this throw after the events ran.
   */
  private <T> T withLock(Supplier<T> action) {
    return withLock(action, false);
  }

  /** As {@link #withLock(Supplier)}; {@code refresh} rewrites the relay even if nothing changed. */
  private <T> T withLock(Supplier<T> action, boolean refresh) {
    try {
      synchronized (lock) {
        try {
          return action.get();
        } finally {
          outputs.want(heaterOn, magnetWish(), releaseAgain, refresh);
          releaseAgain = false;
        }
      }
    } finally {
      try {
        outputs.write();
      } finally {
        events.run();
      }
    }
  }
}
