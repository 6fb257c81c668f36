package com.smarttoaster.hal.emulated;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;
import org.jspecify.annotations.Nullable;

/**
 * The Pi's 28 GPIO lines (BCM 0..27) with what is wired to them: the level each line carries, from
 * the Pi's own output driver or from the circuit outside.
 *
 * <ul>
 *   <li>An output line carries the level the software last wrote, and keeps it however long the
 *       software stops writing: a released GPIO line keeps its driven level on Raspberry Pi kernels
 *       (raspberrypi/linux PRs 6117 and 6150, issue 10), and a crashed JVM runs no Pi4J shutdown.
 *       Nothing here ever changes an output; only a write does.
 *   <li>An input line reads low while its circuit sinks it (a closed switch to ground, an
 *       open-collector output sinking) and, where the circuit lets go (an open switch, a released
 *       open collector), the level of its pull resistor. Every input of this toaster is wired that
 *       way (active-low to ground); nothing outside drives a line high.
 * </ul>
 *
 * Thread-safe: the software's threads write and read while the world's step reads the outputs.
 */
public final class GpioHeader {
  /** Highest BCM line on the 40-pin header. */
  public static final int MAX_LINE = 27;

  /** What the outside circuit does to a line: sinks it to ground, or lets go. */
  @FunctionalInterface
  public interface Circuit {
    /**
     * True while the circuit pulls the line to ground; false when it lets go (the pull decides).
     */
    boolean sinks();
  }

  private final Map<Integer, Boolean> driven = new ConcurrentHashMap<>();
  private final Map<Integer, Circuit> circuits = new ConcurrentHashMap<>();
  private final Map<Integer, List<Consumer<Boolean>>> loads = new ConcurrentHashMap<>();

  /** Connects the outside circuit of input line {@code bcm}. */
  public void connect(int bcm, Circuit circuit) {
    circuits.put(check(bcm), circuit);
  }

  /**
   * Connects a load to output line {@code bcm}: it hears every level written, repeated writes too.
   */
  public void onWrite(int bcm, Consumer<Boolean> load) {
    loads.computeIfAbsent(check(bcm), k -> new CopyOnWriteArrayList<>()).add(load);
  }

  /** The Pi's output driver writes {@code high} on line {@code bcm}. */
  void write(int bcm, boolean high) {
    driven.put(check(bcm), high);
    for (Consumer<Boolean> load : loads.getOrDefault(bcm, List.of())) {
      load.accept(high);
    }
  }

  /**
   * The level an input reads on line {@code bcm}: low while its circuit sinks it, else the driven
   * level, else the pull ({@code pulledUp}; a line with no pull and nothing driving it reads low,
   * as a floating CMOS input near ground would, which is as good as any guess).
   */
  boolean read(int bcm, boolean pulledUp) {
    Circuit c = circuits.get(check(bcm));
    if (c != null && c.sinks()) {
      return false;
    }
    Boolean out = driven.get(bcm);
    return out != null ? out : pulledUp;
  }

  /** The level last written to output line {@code bcm}, or null if it was never driven. */
  public @Nullable Boolean driven(int bcm) {
    return driven.get(check(bcm));
  }

  /** Lines driven so far, for diagnostics. */
  public List<Integer> drivenLines() {
    return new ArrayList<>(driven.keySet());
  }

  private static int check(int bcm) {
    if (bcm < 0 || bcm > MAX_LINE) {
      throw new IllegalArgumentException(
          "BCM " + bcm + " is not a GPIO line of the 40-pin header (0.." + MAX_LINE + ")");
    }
    return bcm;
  }
}
