package com.smarttoaster.remote;

import java.util.Optional;
import java.util.function.Consumer;
import org.jspecify.annotations.Nullable;

/**
 * Where the model offers a toaster receives go (issue 15, docs/fleet.md), when the config's {@code
 * mqtt.acceptModelOffers} is on. The remote only subscribes and hands messages over on its worker
 * thread; what an offer means (parts, signature, promotion) lives behind this interface, wired from
 * above (the fleet's device-side handler), so remote knows nothing of the fleet. Called on one
 * thread at a time; may block briefly (it verifies and writes a bundle), never touches heat.
 */
public interface OfferSink {
  /** The topic this device's offers arrive on (retained, QoS 1). */
  String offerTopic();

  /**
   * A message on {@link #offerTopic()}.
   *
   * @return the topic filter of the offered bundle's parts to subscribe to, or empty
   */
  Optional<String> onOffer(byte[] payload, Consumer<Report> report);

  /** A message on a topic of the filter {@link #onOffer} returned. */
  void onPart(String topic, byte[] payload, Consumer<Report> report);

  /**
   * What an offer did, published as a {@code model} event.
   *
   * @param active the active version afterwards
   * @param candidate an installed version not (yet) active, or null
   * @param result what happened, in words
   */
  record Report(String active, @Nullable String candidate, String result) {}
}
