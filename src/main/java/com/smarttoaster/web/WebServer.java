package com.smarttoaster.web;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.smarttoaster.config.ToasterConfig;
import com.smarttoaster.config.WebConfig;
import com.smarttoaster.control.ToastController;
import com.smarttoaster.hal.Clock;
import com.smarttoaster.model.ModelCard;
import com.smarttoaster.modellife.ModelStore;
import com.smarttoaster.monitoring.RollingFigures;
import com.smarttoaster.remote.ApplianceRemote;
import com.smarttoaster.remote.TlsFiles;
import com.smarttoaster.safety.SafetySupervisor;
import java.io.IOException;
import java.security.SecureRandom;
import java.util.function.Supplier;
import org.eclipse.jetty.server.HttpConfiguration;
import org.eclipse.jetty.server.HttpConnectionFactory;
import org.eclipse.jetty.server.SecureRequestCustomizer;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.server.SslConnectionFactory;
import org.eclipse.jetty.util.ssl.SslContextFactory;
import org.eclipse.jetty.util.thread.QueuedThreadPool;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The toaster's own web page (docs/web.md), served by Jetty 12 from the jar: live status and chart,
 * history with ratings, model health, and the JSON API behind them. It runs on its own threads and
 * only reads snapshots or hands the controller a command, so a stuck browser cannot hold up a tick.
 * {@link #NONE} when the config has no web section.
 */
public class WebServer implements AutoCloseable {
  private static final Logger log = LoggerFactory.getLogger(WebServer.class);
  static final int MAX_THREADS = 12;

  /** Connections idle this long are closed, ms; the event stream sends more often. */
  static final long IDLE_TIMEOUT_MS = 30_000;

  /** No page: what an appliance without a web section has. */
  public static final WebServer NONE = new WebServer();

  private final Server server;
  private final ServerConnector connector;
  private final CycleTraces traces;
  private final PageToaster toaster;
  private final EventStream events;
  private final StaticFiles files;

  private WebServer() {
    server = null;
    connector = null;
    traces = null;
    toaster = null;
    events = null;
    files = null;
  }

  private WebServer(
      Server server,
      ServerConnector connector,
      CycleTraces traces,
      PageToaster toaster,
      EventStream events,
      StaticFiles files) {
    this.server = server;
    this.connector = connector;
    this.traces = traces;
    this.toaster = toaster;
    this.events = events;
    this.files = files;
  }

  /**
   * The page a config asks for, started; {@link #NONE} without a web section. The one place that
   * wires the page to an appliance ({@code run} on the simulated, emulated and real Pi appliance).
   *
   * @param clock the appliance's clock
   * @param store the installed models, or null without a state directory
   * @param activeCard the active model's card for the rolling figures' drift (null without one)
   * @throws WebServerException naming what is wrong
   */
  public static WebServer fromConfig(
      ToasterConfig cfg,
      ToastController controller,
      SafetySupervisor supervisor,
      Clock clock,
      ApplianceRemote remote,
      @Nullable ModelStore store,
      Supplier<@Nullable ModelCard> activeCard) {
    if (cfg.web() == null) {
      return NONE;
    }
    PageToaster toaster =
        new PageToaster(controller, supervisor, clock, remote, cfg.safety().cutoffC());
    int window = cfg.model().health().window();
    InstalledModels health =
        new InstalledModels(
            store,
            controller::modelVersion,
            () ->
                MonitoredFigures.of(
                    RollingFigures.of(remote.recordedCycles(), window, activeCard.get())));
    return start(cfg.web(), toaster, health, Clock.system());
  }

  /**
   * Starts serving the page as the config says.
   *
   * @param wall wall time for logins and sessions (not the appliance's clock: a simulated toaster
   *     may run fast)
   * @throws WebServerException naming what is wrong (port in use, unreadable login or TLS file)
   */
  public static WebServer start(
      WebConfig cfg, PageToaster toaster, ModelHealthSource models, Clock wall) {
    LoginCheck login;
    try {
      login = LoginCheck.from(cfg, wall);
    } catch (IOException | IllegalArgumentException e) {
      throw new WebServerException("web: cannot read the login file: " + e.getMessage());
    }
    return start(cfg, toaster, models, wall, login);
  }

  static WebServer start(
      WebConfig cfg, PageToaster toaster, ModelHealthSource models, Clock wall, LoginCheck login) {
    ObjectMapper json = new ObjectMapper();
    CycleTraces traces = new CycleTraces();
    Sessions sessions = new Sessions(wall, cfg.sessionMinutes() * 60_000_000_000L);
    RequestGuard guard = new RequestGuard(sessions, login, cfg.usesTls());
    ApiRoutes api =
        new ApiRoutes(
            json,
            toaster,
            traces,
            models,
            sessions,
            login,
            guard,
            cfg.usesTls(),
            cfg.sessionMinutes() * 60L);
    EventStream events =
        new EventStream(
            () -> {
              try {
                return json.writeValueAsString(StatusView.of(toaster));
              } catch (JsonProcessingException e) {
                throw new IllegalStateException(e);
              }
            });
    StaticFiles files = new StaticFiles();
    QueuedThreadPool pool = new QueuedThreadPool(MAX_THREADS, 2);
    pool.setName("web");
    pool.setDaemon(true);
    Server server = new Server(pool);
    HttpConfiguration http = new HttpConfiguration();
    http.setSendServerVersion(false);
    http.setSendXPoweredBy(false);
    ServerConnector connector;
    if (cfg.usesTls()) {
      char[] pass = randomPassword();
      SslContextFactory.Server ssl = new SslContextFactory.Server();
      try {
        ssl.setKeyStore(TlsFiles.keyStore(cfg.certFile(), cfg.keyFile(), pass));
      } catch (RuntimeException e) {
        events.close();
        throw new WebServerException("web: " + e.getMessage());
      }
      ssl.setKeyStorePassword(new String(pass));
      SecureRequestCustomizer src =
          new SecureRequestCustomizer(false); // an IP address has no SNI name
      src.setSniHostCheck(false);
      http.addCustomizer(src);
      connector =
          new ServerConnector(
              server, new SslConnectionFactory(ssl, "http/1.1"), new HttpConnectionFactory(http));
    } else {
      connector = new ServerConnector(server, new HttpConnectionFactory(http));
    }
    connector.setHost(cfg.bindAddress());
    connector.setPort(cfg.port());
    connector.setIdleTimeout(IDLE_TIMEOUT_MS);
    server.addConnector(connector);
    server.setHandler(new PageHandler(json, files, api, guard, events, cfg.usesTls()));
    server.setStopTimeout(2000);
    try {
      server.start();
    } catch (Exception e) { // Jetty's start throws Exception; a port in use is the usual one
      events.close();
      try {
        server.stop();
      } catch (Exception ignored) {
        // nothing was serving
      }
      throw new WebServerException(
          "web: cannot serve on "
              + cfg.bindAddress()
              + ":"
              + cfg.port()
              + " ("
              + e.getMessage()
              + "); choose another web.port or web.bindAddress");
    }
    WebServer w = new WebServer(server, connector, traces, toaster, events, files);
    log.info("Web page: {}", cfg.summary().replace(":" + cfg.port() + "/", ":" + w.port() + "/"));
    return w;
  }

  /** The port served on (the configured one, or the one picked for port 0 in tests). */
  public int port() {
    return connector == null ? -1 : connector.getLocalPort();
  }

  /**
   * Right after each controller tick, on the controller's thread: samples the chart. Never blocks
   * for long.
   */
  public void afterTick() {
    if (traces != null) {
      traces.afterTick(toaster.snapshot(), toaster.safety(), toaster.nowS());
    }
  }

  /** Bytes of the page at {@code path} ("/", "/history", "/model") with its CSS and scripts. */
  public long pageBytes(String path) {
    return files.pageBytes(path);
  }

  @Override
  public void close() {
    if (server == null) {
      return;
    }
    events.close();
    try {
      server.stop();
    } catch (Exception e) {
      log.warn("Web page did not stop cleanly: {}", e.toString());
    }
  }

  private static char[] randomPassword() {
    SecureRandom r = new SecureRandom();
    char[] c = new char[24];
    for (int i = 0; i < c.length; i++) {
      c[i] = (char) ('a' + r.nextInt(26));
    }
    return c;
  }
}
