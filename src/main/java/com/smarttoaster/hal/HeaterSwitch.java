package com.smarttoaster.hal;

/**
 * The solid-state relay in series with the heating elements. Only the safety supervisor may hold a
 * reference to it.
 */
public interface HeaterSwitch {
  /** Commands the relay on or off. Off must be the state after power-up and after shutdown. */
  void set(boolean on);

  /** The last commanded state (not proof that current flows: a welded relay conducts anyway). */
  boolean isCommandedOn();
}
