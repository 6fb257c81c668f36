package com.smarttoaster.remote;

import com.smarttoaster.control.ControllerListener;
import com.smarttoaster.control.CyclePhase;
import com.smarttoaster.control.ToastController;
import com.smarttoaster.hal.Clock;
import com.smarttoaster.config.HistoryConfig;
import com.smarttoaster.config.MqttConfig;
import com.smarttoaster.config.ToasterConfig;
import com.smarttoaster.history.CycleHistory;
import com.smarttoaster.history.HistoryDatabase;
import com.smarttoaster.history.CycleOutcome;
import com.smarttoaster.history.CycleRecord;
import com.smarttoaster.history.EventOutbox;
import com.smarttoaster.history.HistoryException;
import com.smarttoaster.history.Rating;
import com.smarttoaster.predict.Prediction;
import com.smarttoaster.predict.PredictionInput;
import com.smarttoaster.safety.Fault;
import com.smarttoaster.safety.FaultCode;
import com.smarttoaster.safety.SafetyListener;
import com.smarttoaster.safety.SafetySupervisor;
import com.smarttoaster.service.StateDirectory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Remote monitoring of one toaster over MQTT, with its history.
 *
 * <p>Threads: the controller's thread only compares snapshots and hands work over ({@link
 * #afterTick()}, the listeners); the transport's threads only validate commands and {@linkplain
 * ToastController#submit submit} them; everything that writes to the database or publishes runs on
 * this bridge's own single thread, in order. So neither a slow broker nor a slow SD card can stall
 * the controller, and no command bypasses the controller's own checks (remote start still needs the
 * local arm; nothing here can reset a fault).
 *
 * <p>Events are committed to the outbox before they are published and removed only once the broker
 * acknowledged them; after a reconnect (or a restart with the same database) the remaining ones go
 * out in order, each carrying its sequence number.
 */
public final class MqttRemote implements ApplianceRemote {
  private static final Logger log = LoggerFactory.getLogger(MqttRemote.class);
  static final byte[] ONLINE = "online".getBytes(StandardCharsets.US_ASCII);
  static final byte[] OFFLINE = "offline".getBytes(StandardCharsets.US_ASCII);
  /** Moving values (temperature, remaining time) are published at most this often. */
  static final long STATE_MIN_INTERVAL_NANOS = 1_000_000_000L;
  /** Undelivered outbox entries are retried at least this often while connected. */
  static final long OUTBOX_RETRY_NANOS = 5_000_000_000L;
  /** Outbox messages on the way at once (below the transport's in-flight window). */
  static final int OUTBOX_WINDOW = 100;
  /** Start-up waits this long for the history to close interrupted cycles (twice its busy timeout). */
  static final long HISTORY_WAIT_S = 10;
  static final String INTERRUPTED_REASON = "the controller stopped (power cut, crash or a stop mid-cycle) before the cycle ended;"
      + " its heater time is unknown";

  /**
   * How the bridge behaves.
   *
   * @param deviceId the appliance's id
   * @param discoveryPrefix Home Assistant's discovery prefix
   * @param commandRatePerS token-bucket refill, commands per second
   * @param commandBurst token-bucket size
   * @param stateEveryS the state is republished at least this often, s
   */
  public record Options(String deviceId, String discoveryPrefix, double commandRatePerS, int commandBurst,
      double stateEveryS) {}

  private final Topics topics;
  private final Options options;
  private final MqttTransport transport;
  private final CycleHistory history;
  private final EventOutbox outbox;
  private final List<AutoCloseable> owned;
  private final CommandParser parser;
  private final ScheduledExecutorService worker;
  private final String softwareVersion;

  private volatile ToastController controller;
  private volatile SafetySupervisor supervisor;
  private volatile Clock clock = Clock.system();
  private final TokenBucket commands;
  private final TokenBucket announcements;
  private final AtomicLong droppedByRateLimit = new AtomicLong();
  private final AtomicBoolean limiting = new AtomicBoolean();

  // Controller thread only.
  private ToasterState lastQueuedState;
  private long lastQueuedAtNanos;
  private long lastOutboxRetryNanos;
  private CycleSummary cycle;
  private String lastNote;
  private long lastNoteNanos = Long.MIN_VALUE;

  // Handed from the controller thread to the worker.
  private final AtomicReference<ToasterState> latestState = new AtomicReference<>();
  private final AtomicBoolean statePublishQueued = new AtomicBoolean();
  private volatile CycleSummary runningCycle;

  // Worker thread only.
  private long lastSentSeq;
  private int outboxInFlight;
  private long connection;
  private volatile boolean closed;
  /** Subscribed to the commands on the current connection. */
  private volatile boolean listening;
  private volatile StateProbe probe;

  /** Hears each state handed to the publisher, for latency measurements (benchmarks). */
  public interface StateProbe {
    /** Called on the controller's thread with the exact payload that will be published. */
    void queued(String deviceId, byte[] payload, long atNanos);
  }

  /** Sets (or with null removes) the probe. */
  public void probe(StateProbe p) {
    this.probe = p;
  }

  /**
   * @param transport the broker connection, or null to keep history only
   * @param history where cycle records go, or null for none (then feedback is refused)
   * @param outbox where events wait for the broker (needed with a transport)
   * @param owned closed with the bridge, after the transport (e.g. the database)
   */
  public MqttRemote(Options options, MqttTransport transport, CycleHistory history, EventOutbox outbox,
      List<AutoCloseable> owned) {
    if (transport != null && outbox == null) {
      throw new IllegalArgumentException("an outbox is needed to publish events");
    }
    this.options = options;
    this.topics = new Topics(options.deviceId(), options.discoveryPrefix());
    this.transport = transport;
    this.history = history;
    this.outbox = outbox;
    this.owned = List.copyOf(owned);
    this.parser = new CommandParser(topics);
    this.commands = new TokenBucket(options.commandBurst(), options.commandRatePerS(), clock);
    this.announcements = new TokenBucket(2, 0.2, clock);
    this.worker = Executors.newSingleThreadScheduledExecutor(r -> {
      Thread t = new Thread(r, "remote-" + options.deviceId());
      t.setDaemon(true);
      return t;
    });
    String v = MqttRemote.class.getPackage().getImplementationVersion();
    this.softwareVersion = v == null ? "development build" : v;
  }

  /**
   * The remote monitoring a config asks for: {@link ApplianceRemote#NONE} without mqtt and history
   * sections; history only without mqtt; otherwise connected (in the background) to the broker.
   *
   * @param stateDirectory the service's state directory, for a history.databaseFile given as a bare name
   * @throws TransportException when the password or TLS files cannot be used
   * @throws com.smarttoaster.history.HistoryException when the database cannot be opened
   */
  public static ApplianceRemote fromConfig(ToasterConfig cfg, Optional<StateDirectory> stateDirectory) {
    MqttConfig m = cfg.mqtt();
    HistoryConfig h = cfg.history();
    if (m == null && h == null) {
      return ApplianceRemote.NONE;
    }
    String id = cfg.appliance().deviceId();
    HistoryDatabase db = h == null ? null
        : HistoryDatabase.open(databaseFile(h, stateDirectory), h.maxCycles(), h.maxOutboxEvents());
    MqttTransport transport = null;
    Options options = m == null
        ? new Options(id, "homeassistant", 1, 1, 60)
        : new Options(id, m.discoveryPrefix(), m.commandRatePerS(), m.commandBurst(), m.stateEveryS());
    try {
      if (m != null) {
        log.info("MQTT: {}", m.summary());
        transport = PahoTransport.fromConfig(m, new Topics(id, m.discoveryPrefix()).status(), OFFLINE);
      }
    } catch (RuntimeException e) {
      if (db != null) {
        db.close();
      }
      throw e;
    }
    MqttRemote remote = new MqttRemote(options, transport, db == null ? null : db.cycles(),
        db == null ? null : db.outbox(), db == null ? List.of() : List.of(db));
    remote.start();
    return remote;
  }

  /**
   * The history's database file: history.databaseFile, where a bare file name is one in the state
   * directory (the one the service lifecycle chose and prepared).
   *
   * @throws HistoryException when a bare name is given and there is no (usable) state directory
   */
  static Path databaseFile(HistoryConfig history, Optional<StateDirectory> stateDirectory) {
    Path file = history.databaseFile();
    if (file.getParent() != null) {
      return file;
    }
    return stateDirectory.map(d -> d.path().resolve(file))
        .orElseThrow(() -> new HistoryException("history.databaseFile = \"" + file + "\" is a bare file name,"
            + " which means one in the state directory, but there is none: set appliance.stateDir, run under"
            + " systemd (StateDirectory=), or give the file's full path"));
  }

  /**
   * Publishes simulated cycles for {@code simulate --mqtt-url}: a plain (or ssl:// with the system's
   * CAs) anonymous connection, history and outbox in memory. Started; not yet connected.
   */
  public static MqttRemote forSimulation(java.net.URI brokerUrl, String deviceId) {
    MqttConfig m = MqttConfig.forBroker(brokerUrl, "smart-toaster-sim-" + deviceId);
    Topics t = new Topics(deviceId, m.discoveryPrefix());
    MqttRemote remote = new MqttRemote(
        new Options(deviceId, m.discoveryPrefix(), m.commandRatePerS(), m.commandBurst(), m.stateEveryS()),
        PahoTransport.fromConfig(m, t.status(), OFFLINE),
        new com.smarttoaster.history.InMemoryCycleHistory(1000),
        new com.smarttoaster.history.InMemoryEventOutbox(10_000), List.of());
    remote.start();
    return remote;
  }

  public Topics topics() {
    return topics;
  }

  /** Starts connecting in the background. */
  public void start() {
    if (transport != null) {
      transport.start(new TransportListener());
    }
  }

  @Override
  public ControllerListener controllerListener() {
    return new CycleWatcher();
  }

  @Override
  public SafetyListener safetyListener() {
    return fault -> {
      CycleSummary c = runningCycle;
      emit(new ToasterEvent(ToasterEvent.FAULT, Instant.now(), fault.message(), null, null,
          c == null ? null : c.ended(CycleOutcome.FAULT, heaterOnS(), fault.code())));
    };
  }

  @Override
  public void attach(ToastController newController, SafetySupervisor newSupervisor, Clock newClock) {
    this.supervisor = newSupervisor;
    this.clock = newClock;
    commands.reset(newClock);
    announcements.reset(newClock);
    lastQueuedState = null;
    lastQueuedAtNanos = newClock.nanos();
    lastOutboxRetryNanos = newClock.nanos();
    cycle = null;
    runningCycle = null;
    this.controller = newController;
  }

  @Override
  public void afterTick() {
    try {
      queueStateIfDue();
    } catch (RuntimeException e) {
      // Never let monitoring break the controller's loop.
      log.error("Remote monitoring failed after a controller tick", e);
    }
  }

  private void queueStateIfDue() {
    ToastController c = controller;
    SafetySupervisor s = supervisor;
    if (c == null || s == null) {
      return;
    }
    ToasterState state = ToasterState.of(c.snapshot(), s.status());
    long now = clock.nanos();
    ToasterState last = lastQueuedState;
    boolean due = state.differsInKind(last)
        || (state.movedFrom(last) && now - lastQueuedAtNanos >= STATE_MIN_INTERVAL_NANOS)
        || now - lastQueuedAtNanos >= (long) (options.stateEveryS() * 1e9);
    if (due) {
      lastQueuedState = state;
      lastQueuedAtNanos = now;
      latestState.set(state);
      StateProbe p = probe;
      if (p != null) {
        p.queued(options.deviceId(), state.toJson(), System.nanoTime());
      }
      if (transport != null && statePublishQueued.compareAndSet(false, true)) {
        run(this::publishState);
      }
    }
    if (transport != null && now - lastOutboxRetryNanos >= OUTBOX_RETRY_NANOS) {
      lastOutboxRetryNanos = now;
      run(this::deliver);
    }
  }

  /** The latest state handed to the publisher, or null before the first tick (for tests). */
  ToasterState latestState() {
    return latestState.get();
  }

  // ---- controller side ------------------------------------------------------------------------

  /**
   * Turns the controller's callbacks into events and cycle records. Controller thread; whatever
   * goes wrong here is logged and never reaches the controller.
   */
  private final class CycleWatcher implements ControllerListener {
    @Override
    public void onCycleStarted(PredictionInput input, Prediction prediction, long atNanos) {
      guarded(() -> started(input, prediction));
    }

    private void started(PredictionInput input, Prediction prediction) {
      cycle = CycleSummary.started(UUID.randomUUID().toString(), Instant.now(), input, prediction);
      runningCycle = cycle;
      // Recorded now so that a power cut leaves a trace; the end record replaces it.
      store(new CycleRecord(cycle.cycleId(), options.deviceId(), cycle.startTime(), input, prediction,
          CycleOutcome.RUNNING, null, 0, null, null));
      emit(new ToasterEvent(ToasterEvent.STARTED, Instant.now(), null, null, null, cycle));
    }

    @Override
    public void onPhaseChanged(CyclePhase from, CyclePhase to, long atNanos) {
      guarded(() -> phaseChanged(from, to, atNanos));
    }

    private void phaseChanged(CyclePhase from, CyclePhase to, long atNanos) {
      switch (to) {
        case DONE -> endCycle(CycleOutcome.DONE, null, ToasterEvent.DONE, null);
        case CANCELLED -> {
          String why = lastNoteNanos == atNanos ? lastNote
              : from == CyclePhase.ARMED ? "the remote-start arm expired" : null;
          endCycle(CycleOutcome.CANCELLED, null, ToasterEvent.CANCELLED, why);
        }
        case FAULT -> {
          // The fault event itself comes from the supervisor's listener, with its message.
          FaultCode code = Optional.ofNullable(supervisor).flatMap(SafetySupervisor::latchedFault)
              .map(Fault::code).orElse(null);
          if (code != null) {
            endCycle(CycleOutcome.FAULT, code, null, null);
          }
        }
        default -> { }
      }
    }

    @Override
    public void onRefused(String reason, long atNanos) {
      guarded(() -> emit(new ToasterEvent(ToasterEvent.REFUSED, Instant.now(), reason, null, null, null)));
    }

    @Override
    public void onRePredicted(Prediction before, Prediction after, long atNanos, String reason) {
      String why = String.format(java.util.Locale.ROOT, "%.1f s (was %.1f s): %s", after.seconds(), before.seconds(),
          reason);
      guarded(() -> emit(new ToasterEvent(ToasterEvent.REPREDICTED, Instant.now(), why, null, null, cycle)));
    }

    private void guarded(Runnable r) {
      try {
        r.run();
      } catch (RuntimeException e) {
        log.error("Remote monitoring failed on a controller callback", e);
      }
    }

    @Override
    public void onNote(String note, long atNanos) {
      lastNote = note;
      lastNoteNanos = atNanos;
    }
  }

  private void endCycle(CycleOutcome outcome, FaultCode code, String eventType, String reason) {
    CycleSummary c = cycle;
    cycle = null;
    runningCycle = null;
    if (c == null) {
      if (eventType != null) {
        emit(new ToasterEvent(eventType, Instant.now(), reason, null, null, null));
      }
      return;
    }
    double heaterS = heaterOnS();
    CycleSummary ended = c.ended(outcome, heaterS, code);
    CycleRecord record = new CycleRecord(c.cycleId(), options.deviceId(), c.startTime(), c.input(), c.prediction(),
        outcome, code, heaterS, null, null);
    store(record);
    if (eventType != null) {
      emit(new ToasterEvent(eventType, Instant.now(), reason, null, null, ended));
    }
  }

  /** Records on the worker, after whatever was handed over before: a cycle's end follows its start. */
  private void store(CycleRecord record) {
    if (history == null) {
      return;
    }
    run(() -> {
      try {
        history.record(record);
      } catch (RuntimeException e) {
        log.error("Could not record cycle {} ({}): {}", record.cycleId(), record.outcome().id(), e.getMessage());
      }
    });
  }

  // ---- start-up ------------------------------------------------------------------------------

  @Override
  public List<CycleRecord> closeInterruptedCycles() {
    if (history == null) {
      return List.of();
    }
    if (runningCycle != null) {
      throw new IllegalStateException("cycle " + runningCycle.cycleId() + " of this run is in progress; close"
          + " interrupted cycles at start-up, before the first controller tick");
    }
    CompletableFuture<List<CycleRecord>> closed = new CompletableFuture<>();
    run(() -> closed.complete(closeInterruptedNow()));
    try {
      return closed.get(HISTORY_WAIT_S, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return List.of();
    } catch (ExecutionException | TimeoutException e) {
      log.error("Cycles left open by an earlier run were not closed within {} s; they stay running in the history"
          + " until the next start", HISTORY_WAIT_S);
      return List.of();
    }
  }

  /** Worker thread. */
  private List<CycleRecord> closeInterruptedNow() {
    List<CycleRecord> closed;
    try {
      closed = history.closeInterrupted();
    } catch (RuntimeException e) {
      log.error("Could not close the cycles an earlier run left open: {}; they stay running in the history until"
          + " the next start", e.getMessage());
      return List.of();
    }
    for (CycleRecord r : closed) {
      log.warn("Cycle {} started {} ({}) closed as interrupted (power cut, crash or a stop mid-cycle)", r.cycleId(), r.startTime(),
          settingsText(r));
      emit(new ToasterEvent(ToasterEvent.INTERRUPTED, Instant.now(), INTERRUPTED_REASON, null, null,
          CycleSummary.of(r)));
    }
    return closed;
  }

  private static String settingsText(CycleRecord r) {
    var s = r.input().settings();
    return "shade " + s.shade() + ", " + s.bread().id() + ", " + s.mode().id() + ", " + s.slices() + " slice"
        + (s.slices() == 1 ? "" : "s") + ", " + s.thicknessMm() + " mm; predicted "
        + Math.round(r.prediction().seconds() * 10) / 10.0 + " s by " + r.prediction().predictor();
  }

  private double heaterOnS() {
    SafetySupervisor s = supervisor;
    return s == null ? 0.0 : Math.max(0.0, s.status().heatOnSThisCycle());
  }

  // ---- commands (transport threads) ----------------------------------------------------------

  private final class TransportListener implements MqttTransport.Listener {
    @Override
    public void onConnected(boolean reconnect) {
      run(MqttRemote.this::connected);
    }

    @Override
    public void onConnectionLost(String reason) {}

    @Override
    public void onMessage(String topic, byte[] payload, int qos, boolean retained) {
      if (topic.equals(topics.homeAssistantStatus())) {
        if (!retained && "online".equals(new String(payload, StandardCharsets.UTF_8).strip())
            && announcements.tryTake()) {
          log.info("Home Assistant came online; announcing the toaster again");
          run(MqttRemote.this::announce);
        }
        return;
      }
      command(topic, payload, retained);
    }
  }

  private void command(String topic, byte[] payload, boolean retained) {
    if (!commands.tryTake()) {
      long dropped = droppedByRateLimit.incrementAndGet();
      if (limiting.compareAndSet(false, true)) {
        log.warn("Commands arrive faster than {} /s (burst {}); dropping them until the rate falls",
            options.commandRatePerS(), options.commandBurst());
        emit(new ToasterEvent(ToasterEvent.REJECTED, Instant.now(), "rate limit: more than "
            + options.commandRatePerS() + " commands/s (burst " + options.commandBurst()
            + "); commands are dropped until the rate falls", CommandParser.shown(lastSegment(topic)), null, null));
      }
      if (dropped % 1000 == 0) {
        log.warn("{} commands dropped by the rate limit so far", dropped);
      }
      return;
    }
    if (limiting.compareAndSet(true, false)) {
      log.info("Command rate back to normal; {} commands were dropped in all", droppedByRateLimit.get());
    }
    Command c = parser.parse(topic, payload, retained);
    ToastController target = controller;
    if (c instanceof Command.ForController fc) {
      if (target == null) {
        reject(fc.name(), "the toaster is starting up; send the command again");
        return;
      }
      log.info("Remote command {}: {}", fc.name(), fc.command());
      target.submit(fc.command());
    } else if (c instanceof Command.Feedback f) {
      run(() -> feedback(f.rating()));
    } else if (c instanceof Command.Rejected r) {
      reject(r.name(), r.reason());
    }
  }

  /** Commands dropped by the rate limit since start. */
  public long droppedCommands() {
    return droppedByRateLimit.get();
  }

  private void reject(String name, String reason) {
    log.info("Rejected remote command {}: {}", name, reason);
    emit(new ToasterEvent(ToasterEvent.REJECTED, Instant.now(), reason, name, null, null));
  }

  private static String lastSegment(String topic) {
    int i = topic.lastIndexOf('/');
    return i < 0 ? topic : topic.substring(i + 1);
  }

  /** Worker thread. */
  private void feedback(Rating rating) {
    ToastController c = controller;
    if (history == null) {
      reject(Topics.FEEDBACK, "this toaster keeps no history (no history section in its config)");
      return;
    }
    if (c != null && c.snapshot().phase().isActive()) {
      reject(Topics.FEEDBACK, "a cycle is running; rate it once it has finished");
      return;
    }
    Optional<CycleRecord> last = history.last();
    if (last.isEmpty()) {
      reject(Topics.FEEDBACK, "no cycle has been recorded yet");
      return;
    }
    CycleRecord r = last.get();
    String notRateable = whyNotRateable(r);
    if (notRateable != null) {
      reject(Topics.FEEDBACK, notRateable);
      return;
    }
    history.rate(r.cycleId(), rating);
    log.info("Cycle {} rated {}", r.cycleId(), rating.id());
    emit(new ToasterEvent(ToasterEvent.RATED, Instant.now(), null, null, rating.id(), CycleSummary.of(r)));
  }

  /**
   * Null when the user's rating of the last cycle can be kept. The rating is always of the last
   * cycle: the toast in the user's hand is from that one, so an earlier cycle is never rated instead.
   */
  private static String whyNotRateable(CycleRecord r) {
    String only = "; only finished or cancelled cycles can be rated";
    return switch (r.outcome()) {
      case DONE, CANCELLED -> null;
      case FAULT -> "the last cycle ended in a fault (" + r.faultCode() + ")" + only;
      case REFUSED -> "the last cycle never started" + only;
      case RUNNING -> "the last cycle has not ended yet; rate it once it has finished";
      case INTERRUPTED -> "the last cycle was interrupted (power cut, crash or a stop mid-cycle) before it ended" + only;
    };
  }

  // ---- publishing (worker thread) ------------------------------------------------------------

  /** Commits the event to the outbox, then tries to send. Any thread. */
  private void emit(ToasterEvent event) {
    if (transport == null) {
      return;
    }
    run(() -> {
      try {
        outbox.append(topics.event(), seq -> event.toJson(seq, options.deviceId()));
      } catch (RuntimeException e) {
        log.error("Could not store the {} event in the outbox: {}", event.type(), e.getMessage());
        return;
      }
      deliver();
    });
  }

  private void connected() {
    connection++;
    outboxInFlight = 0;
    lastSentSeq = 0;
    listening = false;
    long conn = connection;
    CompletableFuture.allOf(
        transport.subscribe(topics.commandFilter(), 1),
        transport.subscribe(topics.homeAssistantStatus(), 1)).whenComplete((v, e) -> {
          if (e != null) {
            log.error("Could not subscribe to {} and {}: {}", topics.commandFilter(), topics.homeAssistantStatus(),
                e.getMessage());
          } else {
            run(() -> listening = conn == connection);
          }
        });
    announce();
    deliver();
  }

  /** Status, discovery and state: after connecting and whenever Home Assistant restarts. */
  private void announce() {
    transport.publish(topics.status(), ONLINE, 1, true);
    transport.publish(topics.discovery(), Discovery.payload(topics, softwareVersion), 1, true);
    statePublishQueued.set(true);
    publishState();
  }

  private void publishState() {
    statePublishQueued.set(false);
    ToasterState s = latestState.get();
    if (s != null) {
      transport.publish(topics.state(), s.toJson(), 1, true);
    }
  }

  private void deliver() {
    if (transport == null || closed || !transport.isConnected()) {
      return;
    }
    while (outboxInFlight < OUTBOX_WINDOW) {
      List<EventOutbox.Entry> batch = outbox.pending(lastSentSeq, OUTBOX_WINDOW - outboxInFlight);
      if (batch.isEmpty()) {
        return;
      }
      for (EventOutbox.Entry e : batch) {
        lastSentSeq = e.seq();
        outboxInFlight++;
        long conn = connection;
        transport.publish(e.topic(), e.payload(), 1, false)
            .whenComplete((v, err) -> run(() -> delivered(e.seq(), err, conn)));
      }
    }
  }

  private void delivered(long seq, Throwable error, long conn) {
    if (conn != connection) {
      return; // sent on an earlier connection; the outbox was resent from the start since
    }
    outboxInFlight--;
    if (error == null) {
      outbox.remove(seq);
    } else {
      lastSentSeq = Math.min(lastSentSeq, seq - 1);
      log.debug("Event {} not accepted yet ({}); it stays in the outbox", seq, error.getMessage());
      return;
    }
    deliver();
  }

  private void run(Runnable task) {
    try {
      worker.execute(() -> {
        try {
          task.run();
        } catch (RuntimeException e) {
          log.error("Remote monitoring task failed", e);
        }
      });
    } catch (RejectedExecutionException e) {
      // closing
    }
  }

  // ---- waiting and closing -------------------------------------------------------------------

  /** Waits until connected and subscribed to the commands; false on timeout. */
  public boolean awaitConnected(Duration timeout) throws InterruptedException {
    long deadline = System.nanoTime() + timeout.toNanos();
    while (transport != null && !(transport.isConnected() && listening)) {
      if (System.nanoTime() > deadline) {
        return false;
      }
      Thread.sleep(10);
    }
    return true;
  }

  /**
   * Waits until everything handed over so far was processed and the outbox is empty (the broker
   * has every event); false on timeout.
   */
  public boolean drain(Duration timeout) throws InterruptedException {
    long deadline = System.nanoTime() + timeout.toNanos();
    while (System.nanoTime() < deadline) {
      CompletableFuture<Boolean> empty = new CompletableFuture<>();
      try {
        worker.execute(() -> empty.complete(outbox == null || (outbox.size() == 0 && outboxInFlight == 0)
            && !statePublishQueued.get()));
        long left = Math.max(1, deadline - System.nanoTime());
        if (empty.get(left, TimeUnit.NANOSECONDS)) {
          return true;
        }
      } catch (RejectedExecutionException | ExecutionException | TimeoutException e) {
        return false;
      }
      Thread.sleep(10);
    }
    return false;
  }

  @Override
  public void close() {
    if (closed) {
      return;
    }
    try {
      CompletableFuture<Void> offline = new CompletableFuture<>();
      run(() -> {
        if (transport != null && transport.isConnected()) {
          transport.publish(topics.status(), OFFLINE, 1, true).whenComplete((v, e) -> offline.complete(null));
        } else {
          offline.complete(null);
        }
      });
      offline.get(3, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    } catch (ExecutionException | TimeoutException e) {
      log.warn("Could not publish offline before disconnecting");
    }
    closed = true;
    worker.shutdown();
    try {
      worker.awaitTermination(3, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    worker.shutdownNow();
    if (transport != null) {
      transport.close();
    }
    List<AutoCloseable> toClose = new ArrayList<>(owned);
    for (AutoCloseable c : toClose) {
      try {
        c.close();
      } catch (Exception e) {
        log.warn("Closing {} failed: {}", c, e.getMessage());
      }
    }
  }
}
