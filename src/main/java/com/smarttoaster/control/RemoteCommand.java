package com.smarttoaster.control;

import com.smarttoaster.toast.BreadType;
import com.smarttoaster.toast.ToastMode;

/**
 * A command that arrived from outside the appliance (MQTT), already validated for type and range.
 */
public sealed interface RemoteCommand {
  /** Starts a cycle; only honoured while the toaster was armed locally. */
  record Start() implements RemoteCommand {}

  record Cancel() implements RemoteCommand {}

  record SetShade(int shade) implements RemoteCommand {}

  record SetBread(BreadType bread) implements RemoteCommand {}

  record SetMode(ToastMode mode) implements RemoteCommand {}

  record SetSlices(int slices) implements RemoteCommand {}

  record SetThickness(int thicknessMm) implements RemoteCommand {}
}
