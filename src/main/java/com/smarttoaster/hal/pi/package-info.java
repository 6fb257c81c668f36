/**
 * The ports on a Raspberry Pi through Pi4J 2 (gpiod, linuxfs SPI, kernel IIO): SSR, carriage magnet
 * and debounced lever, dead-man trigger, MAX31855, current sensor, buttons, encoder, LEDs, buzzer.
 *
 * <p>Its relay and magnet classes are package-private to construct: the outputs leave this package
 * only inside {@link com.smarttoaster.hal.pi.PiAppliance#ports()}, for the safety supervisor.
 * {@link com.smarttoaster.hal.pi.PiConfig} is the wiring the config file describes; the config
 * loader builds it, the Pi code reads it.
 */
package com.smarttoaster.hal.pi;
