package com.smarttoaster.hal.pi;

import com.pi4j.context.Context;
import com.pi4j.io.gpio.digital.DigitalOutput;
import com.pi4j.io.gpio.digital.DigitalState;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Forces the heater relay and the carriage magnet outputs LOW without starting the appliance: for
 * systemd's ExecStopPost, which runs after the service's process has gone, however it went. After a
 * clean stop the appliance has already driven both pins LOW; after a crash, an out-of-memory exit
 * or a watchdog kill the GPIO lines keep whatever level they had, and this puts them right. Only
 * these two pins are touched. Until this runs, the dead-man has already dropped both drives (its
 * trigger stopped toggling with the process); the pull-downs hold them off only while nothing
 * drives them.
 */
public final class PiSafeOff {
  private static final Logger log = LoggerFactory.getLogger(PiSafeOff.class);

  private PiSafeOff() {}

  /**
   * Opens pi.heaterPin then pi.latchPin as outputs created LOW, writes LOW again, and shuts {@code
   * pi4j} down (the outputs' shutdown state is LOW too). Always shuts the context down.
   *
   * @throws HardwareUnavailableException naming the pin that could not be opened
   */
  public static void driveLow(PiConfig cfg, Context pi4j) throws HardwareUnavailableException {
    GpioOpener io = new GpioOpener(pi4j);
    try {
      DigitalOutput heater = io.output("heaterPin", cfg.mains().heaterPin(), "heater relay (SSR)");
      heater.state(DigitalState.LOW);
      DigitalOutput magnet = io.output("latchPin", cfg.mains().latchPin(), "carriage latch magnet");
      magnet.state(DigitalState.LOW);
      log.info(
          "Heater (BCM {}) and carriage latch (BCM {}) driven LOW",
          cfg.mains().heaterPin(),
          cfg.mains().latchPin());
    } finally {
      try {
        if (!pi4j.isShutdown()) {
          pi4j.shutdown();
        }
      } catch (RuntimeException e) {
        log.warn("Pi4J context shutdown failed after driving the pins LOW", e);
      }
    }
  }
}
