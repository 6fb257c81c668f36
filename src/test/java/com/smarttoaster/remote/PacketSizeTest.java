package com.smarttoaster.remote;

import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/**
 * Paho 1.2.5 checks what the toaster sends against the Maximum Packet Size the toaster asks of the
 * broker (see {@link PahoTransport}): the largest message the toaster sends must stay well below
 * it.
 */
class PacketSizeTest {
  @Test
  void theDiscoveryMessageFitsWellWithinTheToastersMaximumPacketSize() {
    Topics t = new Topics("a-device-id-of-thirty-two-chars-", "homeassistant");
    int size =
        Discovery.payload(t, "0.1.0-SNAPSHOT with a long version string").length
            + t.discovery().length()
            + 16;
    assertTrue(
        size < PahoTransport.MAX_PACKET_BYTES / 2,
        "discovery packet of " + size + " bytes, limit " + PahoTransport.MAX_PACKET_BYTES);
  }
}
