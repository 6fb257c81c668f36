/**
 * The fleet side of many toasters (issue 15): a collector that gathers their events over MQTT
 * shared subscriptions into one database ({@link com.smarttoaster.fleet.collect}, {@link
 * com.smarttoaster.fleet.store}), rated field cycles turned into training rows ({@link
 * com.smarttoaster.fleet.dataset}), and staged model rollout with automatic rollback ({@link
 * com.smarttoaster.fleet.rollout}) through signed offers that the device's own handler checks
 * ({@link com.smarttoaster.fleet.offer}).
 *
 * <p>Nothing here can start heat: the fleet only reads events and writes model offers, and the
 * device side of an offer only installs and activates models through {@link
 * com.smarttoaster.modellife}, which the safety supervisor does not take advice from.
 */
package com.smarttoaster.fleet;
