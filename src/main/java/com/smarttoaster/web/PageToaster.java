package com.smarttoaster.web;

import com.smarttoaster.control.ControllerSnapshot;
import com.smarttoaster.control.RemoteCommand;
import com.smarttoaster.control.ToastController;
import com.smarttoaster.hal.Clock;
import com.smarttoaster.history.CycleRecord;
import com.smarttoaster.history.Rating;
import com.smarttoaster.remote.ApplianceRemote;
import com.smarttoaster.safety.SafetyStatus;
import com.smarttoaster.safety.SafetySupervisor;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * All the web page may see and do to the toaster, and nothing more: it reads the controller's and
 * the supervisor's snapshots, cancels, changes settings and rates the last cycle. There is no way
 * here to start heat, reset a fault or install a model: those stay on the appliance (front panel)
 * or go through a signed bundle. Setting changes are the same {@link RemoteCommand}s MQTT sends, so
 * the controller's rules (no change mid-cycle) apply unchanged.
 */
public final class PageToaster {
  private final ToastController controller;
  private final SafetySupervisor supervisor;
  private final Clock clock;
  private final ApplianceRemote remote;
  private final double cutoffC;

  /**
   * @param clock the appliance's clock (simulated time on the simulated appliance)
   * @param remote the history and rating path (MQTT's), {@link ApplianceRemote#NONE} without
   *     history
   * @param cutoffC the supervisor's over-temperature cut-off, for the chart
   */
  public PageToaster(
      ToastController controller,
      SafetySupervisor supervisor,
      Clock clock,
      ApplianceRemote remote,
      double cutoffC) {
    this.controller = controller;
    this.supervisor = supervisor;
    this.clock = clock;
    this.remote = remote;
    this.cutoffC = cutoffC;
  }

  ControllerSnapshot snapshot() {
    return controller.snapshot();
  }

  SafetyStatus safety() {
    return supervisor.status();
  }

  /** Appliance time, s. */
  double nowS() {
    return clock.nanos() / 1e9;
  }

  double cutoffC() {
    return cutoffC;
  }

  @Nullable String modelVersion() {
    return controller.modelVersion();
  }

  /** Cancels the running cycle on the controller's next tick; cancelling only ever stops heat. */
  void cancel() {
    controller.submit(new RemoteCommand.Cancel());
  }

  /** One validated setting change; the controller refuses it mid-cycle, as for MQTT. */
  void change(SettingChange change) {
    controller.submit(change.command());
  }

  /**
   * @return null when rated, else why not
   */
  @Nullable String rateLast(Rating rating) {
    // The one call into the rating rules (shared with MQTT's feedback command).
    return remote.rateLastNow(rating);
  }

  List<CycleRecord> cycles() {
    return remote.recordedCycles();
  }
}
