/**
 * Running as a systemd service: readiness and watchdog notifications (sd_notify through
 * libsystemd), the state directory, the start-up self-test, and the start-up and shutdown order
 * that wraps the appliance in {@code run}. Nothing here touches the heater or the latch; faults
 * found at start-up are latched through {@link com.smarttoaster.safety.SafetySupervisor#latch}.
 */
package com.smarttoaster.service;
