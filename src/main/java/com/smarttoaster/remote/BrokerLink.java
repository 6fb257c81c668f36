package com.smarttoaster.remote;

/**
 * The parts of a remote that exist only with a broker: the connection, what sends to it and what
 * takes commands from it. One value, so that a remote has either all three or none.
 */
record BrokerLink(MqttTransport transport, EventPublisher publisher, CommandIntake intake) {}
