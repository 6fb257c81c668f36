/**
 * Small, real fakes of the hardware ports, for any test that needs a supervisor or a controller
 * without hardware: {@link com.smarttoaster.safety.fakes.ManualClock} (time moves only when told),
 * {@link com.smarttoaster.safety.fakes.FakeTemperatureSensor} (scripted readings, fault bits,
 * IOExceptions, seeded noise and 0.25 °C steps), {@link
 * com.smarttoaster.safety.fakes.FakeHeaterSwitch} (records commands, can be welded), {@link
 * com.smarttoaster.safety.fakes.FakeCarriageLatch} (lever and magnet), {@link
 * com.smarttoaster.safety.fakes.FakeCurrentSensor} (follows relay and carriage), {@link
 * com.smarttoaster.safety.fakes.FakeChamber} (a crude chamber to close the loop), {@link
 * com.smarttoaster.safety.fakes.RecordingSafetyListener} and {@link
 * com.smarttoaster.safety.fakes.SafetyLimitsBuilder} (defaults with named changes).
 */
package com.smarttoaster.safety.fakes;
