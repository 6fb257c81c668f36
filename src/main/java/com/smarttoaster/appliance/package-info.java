/**
 * The one wiring of supervisor, guarded predictor and controller to an appliance's ports ({@link
 * com.smarttoaster.appliance.ToasterAssembly}), the Pi and real-time simulated runners, and the
 * model side of {@code run} ({@link com.smarttoaster.appliance.RunningModel}). Sim, emulated Pi and
 * real Pi differ only in the port bundle they hand over.
 */
package com.smarttoaster.appliance;
