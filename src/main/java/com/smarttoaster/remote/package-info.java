/**
 * Remote monitoring and commands over MQTT 5 (Paho behind {@link
 * com.smarttoaster.remote.MqttTransport}): state, events, validated commands, Home Assistant
 * discovery.
 *
 * <p>It reports and forwards commands to the controller; it never holds a hardware output, and it
 * does not know the process around it ({@code service}, {@code cli}, the appliances): whoever
 * starts it hands it paths and listeners. Checked by {@code ArchitectureTest}.
 */
package com.smarttoaster.remote;
