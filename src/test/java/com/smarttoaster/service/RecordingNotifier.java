package com.smarttoaster.service;

import java.util.ArrayList;
import java.util.List;

/** Keeps every notification it is sent, as a service manager would see them. Thread-safe. */
final class RecordingNotifier implements ServiceNotifier {
  private final List<String> sent = new ArrayList<>();

  @Override
  public synchronized void send(String assignments) {
    sent.add(assignments);
  }

  @Override
  public boolean isActive() {
    return true;
  }

  synchronized List<String> sent() {
    return List.copyOf(sent);
  }
}
