package com.smarttoaster.hal.emulated;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyInt;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import com.pi4j.Pi4J;
import com.pi4j.context.Context;
import com.pi4j.io.i2c.I2C;
import com.smarttoaster.hal.BreadThermometer;
import com.smarttoaster.hal.pi.I2cBreadThermometer;
import com.smarttoaster.hal.pi.Mlx90614Word;
import com.smarttoaster.hal.sim.ApplianceConditions;
import com.smarttoaster.hal.sim.SimClock;
import com.smarttoaster.hal.sim.SimulatedAppliance;
import com.smarttoaster.toast.BreadType;
import com.smarttoaster.toast.ToastMode;
import com.smarttoaster.toast.ToastSettings;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The MLX90614 emulation held to its datasheet (3901090614) and SMBus application note
 * (390119061402), and the Pi's I2C driver reading it through Pi4J, bus errors included.
 */
class Mlx90614ChipTest {
  private final SimClock clock = new SimClock();
  private final SimulatedAppliance world =
      new SimulatedAppliance(
          new ApplianceConditions(21.0, 230.0, 21.0, 2, BreadType.WHITE, 12, -18.0, 230.0),
          5,
          clock);
  private final Mlx90614Chip chip = new Mlx90614Chip(world.breadRadiance(), 21.0);
  private Context pi4j;

  @AfterEach
  void shutDown() {
    if (pi4j != null) {
      pi4j.shutdown();
    }
  }

  private BreadThermometer driver() {
    pi4j =
        Pi4J.newContextBuilder()
            .noAutoDetect()
            .add(EmulatedI2c.provider(chip))
            .disableShutdownHook()
            .build();
    I2C i2c = pi4j.create(I2C.newConfigBuilder(pi4j).id("t").bus(1).device(0x5A));
    return new I2cBreadThermometer(i2c, 0x5A, "I2C1 address 0x5A");
  }

  @Test
  void thePecIsSmbusCrc8WithItsCatalogueCheckValue() {
    int[] ascii = new int[9];
    byte[] b = "123456789".getBytes(StandardCharsets.US_ASCII);
    for (int i = 0; i < 9; i++) {
      ascii[i] = b[i];
    }
    assertEquals(0xF4, Mlx90614Word.pec(ascii));
  }

  @Test
  void theObjectRangeEndsAreTheApplicationNotesWords() {
    // application note 390119061402: T_obj1 sweeps 0x27AD…0x7FFF for −70.01…+382.19 °C
    assertEquals(0x27AD, Mlx90614Word.encodeObject(-70.01));
    assertEquals(0x7FFF, Mlx90614Word.encodeObject(382.19));
    assertEquals(-70.01, Mlx90614Word.decodeC(0x27AD), 0.01);
    assertEquals(382.19, Mlx90614Word.decodeC(0x7FFF), 0.01);
    assertEquals(0x7FFF, Mlx90614Word.encodeObject(900.0), "clamped at the top of the range");
    assertEquals(0x27AD, Mlx90614Word.encodeObject(-200.0), "clamped at the bottom");
  }

  @Test
  void oneLsbIsTwoHundredthsOfAKelvin() {
    int w = Mlx90614Word.encodeObject(20.0);
    assertEquals(0.02, Mlx90614Word.decodeC(w + 1) - Mlx90614Word.decodeC(w), 1e-9);
    assertEquals(20.0, Mlx90614Word.decodeC(w), 0.01);
  }

  @Test
  void aReadWordOfTobj1CarriesTheSceneAndAMatchingPec() throws IOException {
    byte[] answer = chip.readWord(0x5A, 0x07);
    int word = (answer[0] & 0xFF) | (answer[1] & 0xFF) << 8;
    assertEquals(0, word & Mlx90614Word.ERROR_FLAG);
    assertEquals(world.breadRadiance().apparentC(), Mlx90614Word.decodeC(word), 0.01);
    assertEquals(Mlx90614Word.pec(0xB4, 0x07, 0xB5, answer[0], answer[1]), answer[2] & 0xFF);
  }

  @Test
  void theChipsOwnTemperatureIsTheRoom() throws IOException {
    byte[] answer = chip.readWord(0x5A, 0x06);
    assertEquals(21.0, Mlx90614Word.decodeC((answer[0] & 0xFF) | (answer[1] & 0xFF) << 8), 0.01);
  }

  @Test
  void aFailedSensorSetsTheErrorFlagWithAValidPec() throws IOException {
    world.breadRadiance().fail(true);
    byte[] answer = chip.readWord(0x5A, 0x07);
    int word = (answer[0] & 0xFF) | (answer[1] & 0xFF) << 8;
    assertTrue((word & Mlx90614Word.ERROR_FLAG) != 0);
    assertEquals(Mlx90614Word.readWordPec(0x5A, 0x07, word), answer[2] & 0xFF);
  }

  @Test
  void theDriverReadsTheSimulatedAppliancesValueThroughPi4j() throws IOException {
    world.pushLever(); // the bread goes down into the sensor's view
    double viaPi = driver().apparentC();
    assertEquals(world.breadThermometer().apparentC(), viaPi, 1e-9);
    assertTrue(viaPi < -10.0, "frozen bread in a room-temperature toaster reads " + viaPi);
  }

  @Test
  void theDriverTurnsTheErrorFlagIntoAnIoException() {
    BreadThermometer t = driver();
    world.breadRadiance().fail(true);
    IOException e = assertThrows(IOException.class, t::apparentC);
    assertTrue(e.getMessage().contains("error flag"), e.getMessage());
  }

  @Test
  void theDriverTurnsABusErrorIntoAnIoException() {
    BreadThermometer t = driver();
    chip.disconnect(true);
    IOException e = assertThrows(IOException.class, t::apparentC);
    assertTrue(
        e.getMessage().contains("I2C1 address 0x5A") && e.getMessage().contains("no acknowledge"),
        e.getMessage());
  }

  @Test
  void theDriverRefusesAWordWhosePecDoesNotMatch() {
    I2C noisy = mock(I2C.class);
    when(noisy.readRegister(anyInt(), any(byte[].class), anyInt(), anyInt()))
        .thenAnswer(
            inv -> {
              byte[] buf = inv.getArgument(1);
              byte[] good = chip.readWord(0x5A, 0x07);
              buf[0] = (byte) (good[0] ^ 0x04); // one bit flipped on the wire
              buf[1] = good[1];
              buf[2] = good[2];
              return 3;
            });
    IOException e =
        assertThrows(IOException.class, new I2cBreadThermometer(noisy, 0x5A, "I2C1")::apparentC);
    assertTrue(e.getMessage().contains("PEC"), e.getMessage());
  }

  @Test
  void theEmulatedPiOffersTheSameReadingAsTheSimulatedAppliance() throws Exception {
    try (EmulatedPiAppliance pi =
        EmulatedPiAppliance.create(
            null,
            true,
            world,
            clock,
            new ToastSettings(4, BreadType.WHITE, 12, 2, ToastMode.TOAST))) {
      BreadThermometer t = pi.ports().breadThermometer();
      assertEquals(world.breadThermometer().apparentC(), t.apparentC(), 1e-9);
      pi.breadChip().disconnect(true);
      assertThrows(IOException.class, t::apparentC);
    }
  }
}
