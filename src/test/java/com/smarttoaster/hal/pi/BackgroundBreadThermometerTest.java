package com.smarttoaster.hal.pi;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.smarttoaster.safety.fakes.ManualClock;
import java.io.IOException;
import org.junit.jupiter.api.Test;

/**
 * The bread thermometer read off the controller's thread: the controller gets the newest sample at
 * once, never a stale one or a failure dressed as a value. Samples are taken by hand here (the
 * thread only calls the same method every period), and time is stepped.
 */
class BackgroundBreadThermometerTest {
  private final ManualClock clock = new ManualClock();
  private double partC = -17.5;
  private IOException partFails;
  private final BackgroundBreadThermometer reader =
      new BackgroundBreadThermometer(
          () -> {
            if (partFails != null) {
              throw partFails;
            }
            return partC;
          },
          clock);

  @Test
  void beforeTheFirstReadThereIsNoValue() {
    IOException e = assertThrows(IOException.class, reader::apparentC);
    assertEquals("no reading yet", e.getMessage());
  }

  @Test
  void theNewestSampleIsReturnedWhileItIsFresh() throws IOException {
    reader.sampleOnce();
    clock.advanceMillis(900);
    assertEquals(-17.5, reader.apparentC());
    partC = 20.0;
    reader.sampleOnce();
    assertEquals(20.0, reader.apparentC());
  }

  @Test
  void aSampleOlderThanTheLimitIsRefusedSayingHowOld() {
    reader.sampleOnce();
    clock.advanceMillis(1500); // the reading thread is stuck in a transfer
    IOException e = assertThrows(IOException.class, reader::apparentC);
    assertTrue(e.getMessage().startsWith("the newest reading is 1.5 s old"), e.getMessage());
  }

  @Test
  void aFailedReadIsPassedOnAsTheFailureNotAsTheOldValue() {
    reader.sampleOnce();
    partFails = new IOException("I2C read from the MLX90614 on I2C1 address 0x5A failed: EIO");
    reader.sampleOnce();
    IOException e = assertThrows(IOException.class, reader::apparentC);
    assertEquals(partFails.getMessage(), e.getMessage());
  }

  @Test
  void closingWithoutStartingIsHarmless() {
    reader.close();
    reader.close();
  }
}
