package com.smarttoaster.hal.pi;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

class QuadratureDecoderTest {
  /** One click clockwise from rest: (A,B) = 11 → 01 → 00 → 10 → 11. */
  private static final int[][] CLOCKWISE = {{0, 1}, {0, 0}, {1, 0}, {1, 1}};

  private static final int[][] ANTICLOCKWISE = {{1, 0}, {0, 0}, {0, 1}, {1, 1}};

  private static int feed(QuadratureDecoder d, int[][] states) {
    int clicks = 0;
    for (int[] s : states) {
      clicks += d.update(s[0] == 1, s[1] == 1);
    }
    return clicks;
  }

  @Test
  void oneFullCycleClockwiseIsOneClickUpAndTheReverseOneClickDown() {
    QuadratureDecoder d = new QuadratureDecoder(4, true, true);
    assertEquals(1, feed(d, CLOCKWISE));
    assertEquals(1, feed(d, CLOCKWISE));
    assertEquals(-1, feed(d, ANTICLOCKWISE));
    assertEquals(-1, feed(d, ANTICLOCKWISE));
    assertEquals(0, d.invalidTransitions());
  }

  @Test
  void theClickComesOnlyWhenTheDetentIsReached() {
    QuadratureDecoder d = new QuadratureDecoder(4, true, true);
    assertEquals(0, feed(d, new int[][] {{0, 1}, {0, 0}, {1, 0}}));
    assertEquals(1, d.update(true, true));
  }

  @Test
  void contactBounceOnOneChannelGivesNoExtraClicks() {
    QuadratureDecoder d = new QuadratureDecoder(4, true, true);
    int[][] bouncy = {
      {0, 1}, {1, 1}, {0, 1}, {1, 1}, {0, 1}, {0, 0}, {0, 1}, {0, 0}, {1, 0}, {0, 0}, {1, 0}, {1, 1}
    };
    assertEquals(1, feed(d, bouncy));
  }

  @Test
  void aHalfTurnThatSpringsBackIsNoClick() {
    QuadratureDecoder d = new QuadratureDecoder(4, true, true);
    assertEquals(0, feed(d, new int[][] {{0, 1}, {0, 0}, {0, 1}, {1, 1}}));
    assertEquals(1, feed(d, CLOCKWISE), "the count was re-aligned at the detent");
  }

  @Test
  void aJumpOfBothChannelsIsIgnoredAndCounted() {
    QuadratureDecoder d = new QuadratureDecoder(4, true, true);
    assertEquals(0, d.update(false, false));
    assertEquals(1, d.invalidTransitions());
  }

  @Test
  void encodersWithTwoOrOneStepsPerClick() {
    QuadratureDecoder half = new QuadratureDecoder(2, true, true);
    assertEquals(2, feed(half, CLOCKWISE));
    assertEquals(-2, feed(half, ANTICLOCKWISE));
    QuadratureDecoder full = new QuadratureDecoder(1, true, true);
    assertEquals(4, feed(full, CLOCKWISE));
    assertEquals(-4, feed(full, ANTICLOCKWISE));
    assertThrows(IllegalArgumentException.class, () -> new QuadratureDecoder(3, true, true));
  }
}
