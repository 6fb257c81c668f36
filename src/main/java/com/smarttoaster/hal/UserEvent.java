package com.smarttoaster.hal;

import com.smarttoaster.toast.BreadType;
import com.smarttoaster.toast.ToastMode;

/** Something the user did at the appliance itself. */
public sealed interface UserEvent {
  /** The lever went down with bread in the slots. */
  record LeverDown() implements UserEvent {}

  /** The lever was lifted by hand. */
  record LeverUp() implements UserEvent {}

  /** The cancel button was pressed. */
  record CancelPressed() implements UserEvent {}

  /** The shade knob now points at {@code shade} (1 lightest … 7 darkest). */
  record ShadeChanged(int shade) implements UserEvent {}

  /** A mode button selected {@code mode}. */
  record ModeSelected(ToastMode mode) implements UserEvent {}

  /** The bread selector (or app) now says {@code bread}. */
  record BreadSelected(BreadType bread) implements UserEvent {}

  /**
   * The bread selector (or app) now says the slices are {@code thicknessMm} thick and {@code
   * slices} of them go in; panels without one keep the configured defaults.
   */
  record SliceSizeSet(double thicknessMm, int slices) implements UserEvent {}

  /**
   * The remote-start button was pressed: the next lever press arms the toaster (carriage held, no
   * heat) instead of starting, and a remote start command may then start it.
   */
  record RemoteArmPressed() implements UserEvent {}

  /** The local fault-reset button was held long enough to count as deliberate. */
  record ResetHeld() implements UserEvent {}
}
