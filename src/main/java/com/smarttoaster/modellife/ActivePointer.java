package com.smarttoaster.modellife;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * Which model is active ({@link ModelVersion#FACTORY} or an installed version) and the versions
 * active before it, most recent last: {@code model rollback} goes back one step. Stored as {@code
 * models/active.json}, replaced atomically as a whole.
 */
public record ActivePointer(String active, List<String> previous) {
  /** At most this many earlier versions are remembered for rollback. */
  static final int MAX_PREVIOUS = 20;

  public ActivePointer {
    Objects.requireNonNull(active, "active");
    previous = List.copyOf(previous == null ? List.of() : previous);
  }

  public static ActivePointer factory() {
    return new ActivePointer(ModelVersion.FACTORY, List.of());
  }

  /** {@code version} active, the current one remembered. */
  ActivePointer activate(String version) {
    List<String> p = new ArrayList<>(previous);
    p.add(active);
    while (p.size() > MAX_PREVIOUS) {
      p.remove(0);
    }
    return new ActivePointer(version, p);
  }

  /** The version active before this one, made active again; empty when there is none. */
  java.util.Optional<ActivePointer> rolledBack() {
    if (previous.isEmpty()) {
      return java.util.Optional.empty();
    }
    return java.util.Optional.of(
        new ActivePointer(
            previous.get(previous.size() - 1), previous.subList(0, previous.size() - 1)));
  }
}
