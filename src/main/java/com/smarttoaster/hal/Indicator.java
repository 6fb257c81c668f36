package com.smarttoaster.hal;

/** Front-panel lights. */
public enum Indicator {
  TOASTING,
  REMOTE_ARMED,
  FAULT
}
