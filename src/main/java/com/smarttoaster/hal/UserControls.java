package com.smarttoaster.hal;

import com.smarttoaster.toast.ToastSettings;
import java.util.function.Consumer;
import java.util.function.Supplier;

/** The appliance's own lever, buttons and knob, delivered as events. */
public interface UserControls {
  /** Registers the single listener that receives every user event, on the hardware's thread. */
  void onEvent(Consumer<UserEvent> listener);

  /**
   * Names the live settings, for panels that keep their own (a knob counted in detents, mode
   * buttons that toggle): they take over a shade or mode changed elsewhere (remotely) instead of
   * stepping on from a stale one. Panels without such state ignore it.
   */
  default void followSettings(Supplier<ToastSettings> live) {}
}
