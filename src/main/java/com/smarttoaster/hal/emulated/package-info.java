/**
 * The Raspberry Pi appliance with emulated chips: the real {@code hal.pi} code on Pi4J providers
 * whose devices follow their datasheets and are wired to the simulated world ({@code hal.sim}), so
 * every scenario can run through the Pi code. One small class per device, each citing its source:
 *
 * <ul>
 *   <li>{@link com.smarttoaster.hal.emulated.GpioHeader} and {@link
 *       com.smarttoaster.hal.emulated.EmulatedGpio}: the GPIO lines; outputs keep their level until
 *       the software writes them (a crashed process leaves them as they were);
 *   <li>{@link com.smarttoaster.hal.emulated.Max31855Chip} on {@link
 *       com.smarttoaster.hal.emulated.EmulatedSpi}: the thermocouple converter (Maxim 19-5793:
 *       70/100 ms conversions aborted by chip select, faults from conversions, the type-K linear
 *       conversion);
 *   <li>{@link com.smarttoaster.hal.emulated.MaximThermocoupleSysfs}: the same chip through the
 *       Linux {@code maxim_thermocouple} IIO driver;
 *   <li>{@link com.smarttoaster.hal.emulated.Mlx90614Chip} on {@link
 *       com.smarttoaster.hal.emulated.EmulatedI2c}: the infrared bread thermometer (Melexis
 *       3901090614: SMBus Read Word, 0.02 K per LSB, PEC, error flag);
 *   <li>{@link com.smarttoaster.hal.emulated.CurrentSenseChain}: CT, burden, peak detector and
 *       comparator of hardware/current-sense.md;
 *   <li>{@link com.smarttoaster.hal.emulated.ContactSwitch} and {@link
 *       com.smarttoaster.hal.emulated.RotaryEncoder}: bouncing buttons, the lever switch and the
 *       shade encoder.
 * </ul>
 *
 * {@link com.smarttoaster.hal.emulated.EmulatedPiAppliance} puts them together as a {@link
 * com.smarttoaster.hal.sim.SteppedAppliance} ({@code kind() = "pi-emulated"}). Runs from the device
 * jar: it needs only pi4j-core, not the test-scoped pi4j-plugin-mock.
 */
package com.smarttoaster.hal.emulated;
