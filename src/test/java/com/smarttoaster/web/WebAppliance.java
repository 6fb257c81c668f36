package com.smarttoaster.web;

import com.smarttoaster.appliance.SimulatedApplianceRunner;
import com.smarttoaster.appliance.ToasterAssembly;
import com.smarttoaster.config.ControllerConfig;
import com.smarttoaster.config.WebConfig;
import com.smarttoaster.control.ControllerListener;
import com.smarttoaster.control.ToastController;
import com.smarttoaster.hal.Clock;
import com.smarttoaster.history.HistoryDatabase;
import com.smarttoaster.predict.SimulatedTimePredictorRunner;
import com.smarttoaster.remote.MqttRemote;
import com.smarttoaster.remote.RemoteFactory;
import com.smarttoaster.safety.Fault;
import com.smarttoaster.safety.SafetyLimits;
import com.smarttoaster.safety.SafetyListener;
import com.smarttoaster.safety.SupervisorLoop;
import com.smarttoaster.simulation.SimulatedApplianceKind;
import com.smarttoaster.simulation.SimulatedAppliances;
import com.smarttoaster.toast.ToastSettings;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A whole simulated toaster serving its web page, as {@code run} wires it: the simulated (or
 * emulated Pi) appliance stepped and paced by {@link SimulatedApplianceRunner}, the supervisor, the
 * controller, the remote side with a real SQLite history (no broker) and the page on a free
 * loopback port. Records every heater command the supervisor gives, in appliance time.
 */
final class WebAppliance implements AutoCloseable {
  static final String TOKEN = "test-token-0123456789-abcdefghijklmnop";

  /** A heater command as the supervisor gave it. */
  record HeaterCommand(boolean on, long atNanos) {}

  final SimulatedApplianceRunner runner;
  final ToasterAssembly assembly;
  final MqttRemote remote;
  final WebServer web;
  final Path database;
  final List<HeaterCommand> heater = new CopyOnWriteArrayList<>();
  final List<String> refusals = new CopyOnWriteArrayList<>();
  private final SupervisorLoop loop;

  /**
   * @param kind "sim" or "pi-emulated"
   * @param factor simulated time per wall time
   * @param login how the page's login is checked
   */
  WebAppliance(String kind, double factor, Path dir, LoginCheck login) {
    this(kind, factor, dir, login, false);
  }

  /**
   * @param model predict with the factory TFLite model (as {@code run} does) instead of the
   *     fallback table
   */
  WebAppliance(String kind, double factor, Path dir, LoginCheck login, boolean model) {
    ControllerConfig cc = ControllerConfig.defaults();
    ToastSettings initial = cc.defaultSettings();
    SafetyLimits limits = SafetyLimits.defaults();
    runner =
        new SimulatedApplianceRunner(
            21.0,
            21.0,
            230,
            230,
            initial,
            factor,
            (conditions, clock) ->
                SimulatedAppliances.create(
                    SimulatedApplianceKind.of(kind),
                    conditions,
                    7,
                    clock,
                    limits.currentSensorFitted(),
                    initial,
                    null));
    database = dir.resolve("history.db");
    HistoryDatabase db = HistoryDatabase.open(database, 1000, 1000);
    remote =
        RemoteFactory.create(
            new MqttRemote.Options("kitchen", "homeassistant", 1, 1, 60),
            null,
            db.cycles(),
            db.outbox(),
            List.of(db));
    SafetyListener heaterLog =
        new SafetyListener() {
          @Override
          public void onFault(Fault fault) {}

          @Override
          public void onHeaterCommand(boolean on, long atNanos) {
            heater.add(new HeaterCommand(on, atNanos));
          }
        };
    ControllerListener refusalLog =
        new ControllerListener() {
          @Override
          public void onRefused(String reason, long atNanos) {
            refusals.add(reason);
          }
        };
    assembly =
        new ToasterAssembly(
            runner.appliance().ports(),
            runner.clock(),
            new ToasterAssembly.Settings(
                limits, cc.controllerSettings(), initial, 230, 230, cc.predictorTimeoutS(), null),
            table -> model ? com.smarttoaster.modellife.ActiveModel.factory() : table,
            new SimulatedTimePredictorRunner(runner.clock(), () -> 0.0),
            SafetyListener.both(heaterLog, remote.safetyListener()),
            ControllerListener.both(refusalLog, remote.controllerListener()));
    ToastController controller = assembly.controller();
    remote.attach(controller, assembly.supervisor(), runner.clock());
    remote.attachRatings(assembly.ratings()); // the rating desk, as run wires it
    PageToaster toaster =
        new PageToaster(
            controller, assembly.supervisor(), runner.clock(), remote, limits.cutoffC());
    web =
        WebServer.start(
            new WebConfig("127.0.0.1", 0, null, dir.resolve("unused-token"), null, null, 60),
            toaster,
            new InstalledModels(null, controller::modelVersion),
            Clock.system(),
            login);
    loop = new SupervisorLoop(assembly.supervisor());
    runner.runSoftware(
        new SimulatedApplianceRunner.Software(
            loop::tickOnce,
            limits.loopPeriodS(),
            () -> {
              controller.tick();
              remote.afterTick();
              web.afterTick();
            },
            cc.tickS()));
    runner.start();
  }

  static WebAppliance withToken(String kind, double factor, Path dir) {
    return new WebAppliance(kind, factor, dir, LoginCheck.ofToken(TOKEN, Clock.system()));
  }

  String url() {
    return "http://127.0.0.1:" + web.port();
  }

  ToastController controller() {
    return assembly.controller();
  }

  /** Bread in and lever down, on the stepping thread, as the front panel's {@code l} key does. */
  void pressLever() {
    runner.submit(
        () -> {
          ToastSettings s = controller().snapshot().settings();
          runner.appliance().world().loadBread(s.slices(), s.bread(), s.thicknessMm(), 21.0);
          runner.appliance().pushLever();
        });
  }

  /** Appliance time, ns. */
  long nanos() {
    return runner.clock().nanos();
  }

  @Override
  public void close() {
    web.close();
    runner.close();
    loop.close();
    assembly.close();
    remote.close();
  }
}
