package com.smarttoaster.toast;

/** The shade knob's scale: 1 lightest … 7 darkest. */
public final class Shade {
  public static final int LIGHTEST = 1;
  public static final int DARKEST = 7;

  private Shade() {}

  public static boolean isValid(int shade) {
    return shade >= LIGHTEST && shade <= DARKEST;
  }
}
