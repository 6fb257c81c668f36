package com.smarttoaster.safety;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayDeque;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/**
 * The ring of primitives behind {@link SampleWindow} answers exactly as the deque of samples it
 * replaced: the same samples kept, and min, max and mean equal to the last bit (sums in time
 * order), across random adds, drops, wrap-arounds and growth.
 */
class SampleWindowProperties {
  /** One operation on the window; {@code value} is a reading or a time offset back from now. */
  record Op(int kind, double value) {}

  @Property(tries = 300)
  void answersAsADequeOfSamples(@ForAll("operations") List<Op> ops) {
    SampleWindow ring = new SampleWindow();
    ArrayDeque<SampleWindow.Sample> deque = new ArrayDeque<>();
    long now = 0;
    for (Op op : ops) {
      switch (op.kind()) {
        case 0, 1, 2 -> {
          now += 150_000_000L;
          ring.add(now, op.value());
          deque.addLast(new SampleWindow.Sample(now, op.value()));
        }
        case 3 -> {
          long at = now - (long) (Math.abs(op.value()) * 1e7);
          ring.dropBefore(at);
          while (!deque.isEmpty() && deque.peekFirst().atNanos() < at) {
            deque.removeFirst();
          }
        }
        case 4 -> {
          long at = now - (long) (Math.abs(op.value()) * 1e7);
          ring.keepOneAtOrBefore(at);
          while (deque.size() >= 2 && List.copyOf(deque).get(1).atNanos() <= at) {
            deque.removeFirst();
          }
        }
        default -> {
          ring.clear();
          deque.clear();
        }
      }
      assertEquals(deque.isEmpty(), ring.isEmpty(), "empty after " + op);
      if (!deque.isEmpty()) {
        assertEquals(deque.peekFirst(), ring.oldest(), "oldest after " + op);
      }
      assertEquals(min(deque), ring.min(), "min after " + op);
      assertEquals(max(deque), ring.max(), "max after " + op);
      assertEquals(mean(deque), ring.mean(), "mean after " + op);
    }
  }

  @Provide
  Arbitrary<List<Op>> operations() {
    Arbitrary<Op> op =
        Combinators.combine(
                Arbitraries.integers().between(0, 5),
                Arbitraries.doubles().between(-40, 400).ofScale(2))
            .as(Op::new);
    return op.list().ofMaxSize(200);
  }

  // The deque version, as SampleWindow computed them before it became a ring.

  private static double min(ArrayDeque<SampleWindow.Sample> samples) {
    double m = Double.NaN;
    for (SampleWindow.Sample s : samples) {
      m = Double.isNaN(m) ? s.chamberC() : Math.min(m, s.chamberC());
    }
    return m;
  }

  private static double max(ArrayDeque<SampleWindow.Sample> samples) {
    double m = Double.NaN;
    for (SampleWindow.Sample s : samples) {
      m = Double.isNaN(m) ? s.chamberC() : Math.max(m, s.chamberC());
    }
    return m;
  }

  private static double mean(ArrayDeque<SampleWindow.Sample> samples) {
    if (samples.isEmpty()) {
      return Double.NaN;
    }
    double sum = 0;
    for (SampleWindow.Sample s : samples) {
      sum += s.chamberC();
    }
    return sum / samples.size();
  }
}
