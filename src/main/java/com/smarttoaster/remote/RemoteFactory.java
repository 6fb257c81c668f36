package com.smarttoaster.remote;

import com.smarttoaster.config.HistoryConfig;
import com.smarttoaster.config.MqttConfig;
import com.smarttoaster.config.ToasterConfig;
import com.smarttoaster.history.CycleHistory;
import com.smarttoaster.history.EventOutbox;
import com.smarttoaster.history.HistoryDatabase;
import com.smarttoaster.history.HistoryException;
import com.smarttoaster.history.InMemoryCycleHistory;
import com.smarttoaster.history.InMemoryEventOutbox;
import java.net.URI;
import java.nio.file.Path;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Builds the remote side, part by part, from a config or for a simulation; the one place that does.
 */
public final class RemoteFactory {
  private static final Logger log = LoggerFactory.getLogger(RemoteFactory.class);

  private RemoteFactory() {}

  /**
   * The remote monitoring a config asks for: {@link ApplianceRemote#NONE} without mqtt and history
   * sections; history only without mqtt; otherwise connected (in the background) to the broker.
   *
   * @param stateDirectory the state directory, for a history.databaseFile given as a bare name
   * @throws TransportException when the password or TLS files cannot be used
   * @throws HistoryException when the database cannot be opened
   */
  public static ApplianceRemote fromConfig(ToasterConfig cfg, Optional<Path> stateDirectory) {
    MqttConfig m = cfg.mqtt();
    HistoryConfig h = cfg.history();
    if (m == null && h == null) {
      return ApplianceRemote.NONE;
    }
    String id = cfg.appliance().deviceId();
    HistoryDatabase db =
        h == null
            ? null
            : HistoryDatabase.open(
                databaseFile(h, stateDirectory), h.maxCycles(), h.maxOutboxEvents());
    MqttTransport transport = null;
    MqttRemote.Options options =
        m == null
            ? new MqttRemote.Options(id, "homeassistant", 1, 1, 60)
            : new MqttRemote.Options(
                id, m.discoveryPrefix(), m.commandRatePerS(), m.commandBurst(), m.stateEveryS());
    try {
      if (m != null) {
        log.info(
            "MQTT 5: {}{}",
            m.summary(),
            m.username() != null && !m.username().equals(m.clientId())
                ? "; client id "
                    + m.username()
                    + " (the user name: the broker ties the two together)"
                : "");
        transport =
            PahoTransport.fromConfig(
                m, new Topics(id, m.discoveryPrefix()).status(), EventPublisher.OFFLINE);
      }
    } catch (RuntimeException e) {
      if (db != null) {
        db.close();
      }
      throw e;
    }
    return create(
        options,
        transport,
        db == null ? null : db.cycles(),
        db == null ? null : db.outbox(),
        db == null ? List.of() : List.of(db));
  }

  /**
   * The history's database file: history.databaseFile, where a bare file name is one in the state
   * directory.
   *
   * @throws HistoryException when a bare name is given and there is no state directory
   */
  static Path databaseFile(HistoryConfig history, Optional<Path> stateDirectory) {
    Path file = history.databaseFile();
    if (file.getParent() != null) {
      return file;
    }
    return stateDirectory
        .map(d -> d.resolve(file))
        .orElseThrow(
            () ->
                new HistoryException(
                    "history.databaseFile = \""
                        + file
                        + "\" is a bare file name,"
                        + " which means one in the state directory, but there is none: set appliance.stateDir, run under"
                        + " systemd (StateDirectory=), or give the file's full path"));
  }

  /**
   * Publishes simulated cycles for {@code simulate --mqtt-url}: a plain (or ssl:// with the
   * system's CAs) anonymous connection, history and outbox in memory. Started; not yet connected.
   */
  public static MqttRemote forSimulation(URI brokerUrl, String deviceId) {
    MqttConfig m = MqttConfig.forBroker(brokerUrl, "smart-toaster-sim-" + deviceId);
    Topics t = new Topics(deviceId, m.discoveryPrefix());
    return create(
        new MqttRemote.Options(
            deviceId, m.discoveryPrefix(), m.commandRatePerS(), m.commandBurst(), m.stateEveryS()),
        PahoTransport.fromConfig(m, t.status(), EventPublisher.OFFLINE),
        new InMemoryCycleHistory(1000),
        new InMemoryEventOutbox(10_000),
        List.of());
  }

  /**
   * The remote side from its parts, started (connecting in the background when there is a
   * transport).
   *
   * @param transport the broker connection, or null to keep history only
   * @param history where cycle records go, or null for none (then feedback is refused)
   * @param outbox where events wait for the broker (needed with a transport)
   * @param owned closed with the remote, after the transport (e.g. the database)
   */
  public static MqttRemote create(
      MqttRemote.Options options,
      @Nullable MqttTransport transport,
      @Nullable CycleHistory history,
      @Nullable EventOutbox outbox,
      List<AutoCloseable> owned) {
    Topics topics = new Topics(options.deviceId(), options.discoveryPrefix());
    String runId =
        UUID.randomUUID().toString().substring(0, 8)
            + Long.toString(System.currentTimeMillis(), 36);
    RemoteWorker worker = new RemoteWorker(options.deviceId());
    if (transport == null) {
      CycleRecorder recorder =
          new CycleRecorder(options.deviceId(), history, worker, EventSink.NONE);
      MqttRemote remote = new MqttRemote(options, runId, worker, recorder, null, owned);
      remote.start();
      return remote;
    }
    EventPublisher publisher =
        new EventPublisher(
            topics,
            transport,
            Objects.requireNonNull(
                outbox, "an MQTT transport needs an outbox where events wait for the broker"),
            worker,
            runId,
            softwareVersion(),
            List.of(topics.commandFilter(), topics.homeAssistantStatus()));
    CycleRecorder recorder = new CycleRecorder(options.deviceId(), history, worker, publisher);
    recorder.publishMonitorTo(publisher::publishMonitor);
    CommandIntake intake =
        new CommandIntake(
            topics,
            options.commandRatePerS(),
            options.commandBurst(),
            recorder,
            publisher,
            publisher::announceAgain);
    MqttRemote remote =
        new MqttRemote(
            options, runId, worker, recorder, new BrokerLink(transport, publisher, intake), owned);
    remote.start();
    return remote;
  }

  private static String softwareVersion() {
    String v = RemoteFactory.class.getPackage().getImplementationVersion();
    return v == null ? "development build" : v;
  }
}
