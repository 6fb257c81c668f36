package com.smarttoaster.toast;

import java.util.Locale;
import org.jspecify.annotations.Nullable;

/**
 * Toasting modes as on real toasters: DEFROST thaws frozen bread before toasting it to the shade,
 * BAGEL toasts a thick cut face longer, REHEAT warms already-toasted bread briefly without browning
 * it further.
 */
public enum ToastMode {
  TOAST,
  DEFROST,
  BAGEL,
  REHEAT;

  public String id() {
    return name().toLowerCase(Locale.ROOT);
  }

  public static @Nullable ToastMode fromId(String id) {
    for (ToastMode m : values()) {
      if (m.id().equals(id)) {
        return m;
      }
    }
    return null;
  }
}
