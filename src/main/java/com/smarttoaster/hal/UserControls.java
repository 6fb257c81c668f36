package com.smarttoaster.hal;

import java.util.function.Consumer;

/** The appliance's own lever, buttons and knob, delivered as events. */
public interface UserControls {
  /** Registers the single listener that receives every user event, on the hardware's thread. */
  void onEvent(Consumer<UserEvent> listener);
}
