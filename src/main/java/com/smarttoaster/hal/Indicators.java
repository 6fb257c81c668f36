package com.smarttoaster.hal;

/** Front-panel LEDs and the buzzer. */
public interface Indicators {
  void set(Indicator indicator, boolean on);

  /** Sounds the buzzer in a pattern that tells the user what happened. */
  void beep(BeepPattern pattern);

  /** Buzzer patterns. */
  enum BeepPattern {
    DONE,
    FAULT,
    REFUSED,
    /**
     * A rating given at the appliance itself was taken (one tick per press of the rating gesture).
     */
    RATED
  }
}
