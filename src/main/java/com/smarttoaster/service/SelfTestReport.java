package com.smarttoaster.service;

import com.smarttoaster.safety.Fault;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;

/**
 * What the start-up self-test found: one item per check, and the fault it latched, if any.
 *
 * @param items the checks in the order they ran
 * @param latched the fault a failed check latched in the supervisor; null when every check passed
 *     or only warned
 */
public record SelfTestReport(List<Item> items, @Nullable Fault latched) {
  /** How one check ended. */
  public enum Outcome {
    /** Fine. */
    PASS,
    /** Works, but degraded (e.g. the model refused and the fallback table in use); no fault. */
    WARN,
    /** Unsafe to toast: a fault was latched. */
    FAIL
  }

  /**
   * One check.
   *
   * @param name short name, e.g. "sensor"
   * @param outcome pass, warn or fail
   * @param detail what was measured and, when not PASS, what to do
   */
  public record Item(String name, Outcome outcome, String detail) {
    public Item {
      Objects.requireNonNull(name, "name");
      Objects.requireNonNull(outcome, "outcome");
      Objects.requireNonNull(detail, "detail");
    }

    @Override
    public String toString() {
      return name + " " + outcome + ": " + detail;
    }
  }

  public SelfTestReport {
    items = List.copyOf(items);
  }

  /** True when no check failed (warnings allowed). */
  public boolean passed() {
    return items.stream().noneMatch(i -> i.outcome() == Outcome.FAIL);
  }

  /** The items with the given outcome. */
  public List<Item> withOutcome(Outcome outcome) {
    return items.stream().filter(i -> i.outcome() == outcome).toList();
  }

  /**
   * This report with {@code first} in front of the items (checks made before the self-test proper).
   */
  public SelfTestReport withLeadingItems(List<Item> first) {
    List<Item> all = new ArrayList<>(first);
    all.addAll(items);
    return new SelfTestReport(all, latched);
  }

  /** One line: "passed (2 warnings: model ...; ...)" or "FAILED: sensor: ...". */
  public String summary() {
    List<Item> failed = withOutcome(Outcome.FAIL);
    if (!failed.isEmpty()) {
      return "FAILED: "
          + failed.stream()
              .map(i -> i.name() + ": " + i.detail())
              .collect(Collectors.joining("; "));
    }
    List<Item> warned = withOutcome(Outcome.WARN);
    if (warned.isEmpty()) {
      return "passed";
    }
    return "passed with "
        + warned.size()
        + (warned.size() == 1 ? " warning: " : " warnings: ")
        + warned.stream().map(i -> i.name() + ": " + i.detail()).collect(Collectors.joining("; "));
  }
}
