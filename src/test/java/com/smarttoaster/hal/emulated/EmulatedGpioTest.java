package com.smarttoaster.hal.emulated;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.pi4j.Pi4J;
import com.pi4j.context.Context;
import com.pi4j.io.gpio.digital.DigitalInput;
import com.pi4j.io.gpio.digital.DigitalOutput;
import com.pi4j.io.gpio.digital.DigitalState;
import com.pi4j.io.gpio.digital.PullResistance;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Pi4J devices on the emulated header: writes reach their loads, reads ask the circuit or the pull.
 */
class EmulatedGpioTest {
  private final GpioHeader header = new GpioHeader();
  private final Context pi4j =
      Pi4J.newContextBuilder()
          .noAutoDetect()
          .add(EmulatedGpio.inputs(header), EmulatedGpio.outputs(header))
          .disableShutdownHook()
          .build();

  private DigitalOutput output(int bcm) {
    return pi4j.create(
        DigitalOutput.newConfigBuilder(pi4j)
            .id("out" + bcm)
            .address(bcm)
            .initial(DigitalState.LOW)
            .shutdown(DigitalState.LOW));
  }

  private DigitalInput input(int bcm, PullResistance pull) {
    return pi4j.create(DigitalInput.newConfigBuilder(pi4j).id("in" + bcm).address(bcm).pull(pull));
  }

  @Test
  void everyWriteReachesTheLoadRepeatedWritesTooAndTheLevelStaysUntilTheNextWrite() {
    List<Boolean> heard = new ArrayList<>();
    header.onWrite(17, heard::add);
    assertNull(header.driven(17), "never driven before it is opened");
    DigitalOutput out = output(17);
    out.high();
    out.high();
    assertEquals(
        List.of(false, true, true), heard, "the initial LOW, then each write (a refresh too)");
    assertEquals(Boolean.TRUE, header.driven(17));
    pi4j.shutdown(); // the software's orderly stop: Pi4J drives the shutdown state
    assertEquals(
        Boolean.FALSE, header.driven(17), "LOW only because the software's shutdown wrote it");
  }

  @Test
  void anInputReadsItsCircuitAndWhereTheCircuitLetsGoItsPull() {
    boolean[] closed = {false};
    header.connect(5, () -> closed[0]);
    DigitalInput in = input(5, PullResistance.PULL_UP);
    assertTrue(in.state().isHigh(), "open switch: the pull-up");
    closed[0] = true;
    assertTrue(in.state().isLow(), "closed switch to ground");
    assertTrue(
        input(6, PullResistance.PULL_DOWN).state().isLow(), "nothing connected, pulled down");
  }

  @Test
  void aLineOutsideTheHeaderIsRefusedByNumber() {
    IllegalArgumentException e =
        assertThrows(IllegalArgumentException.class, () -> header.connect(28, () -> false));
    assertTrue(
        e.getMessage().contains("BCM 28") && e.getMessage().contains("0..27"), e.getMessage());
  }
}
