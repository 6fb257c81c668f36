package com.smarttoaster.remote;

import java.time.Instant;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Subscribes to the device's offer topic and to the parts an offer names, and hands what arrives to
 * the {@link OfferSink} on the {@link RemoteWorker}: the transport's thread only hands over, so a
 * bundle being verified never holds up commands. Each report becomes a {@code model} event.
 */
final class OfferIntake {
  private static final Logger log = LoggerFactory.getLogger(OfferIntake.class);

  private final OfferSink sink;
  private final MqttTransport transport;
  private final RemoteWorker worker;
  private final EventSink events;

  /** The parts' filter of the offer being gathered, or null; worker thread writes, any reads. */
  private volatile @Nullable String partsFilter;

  OfferIntake(OfferSink sink, MqttTransport transport, RemoteWorker worker, EventSink events) {
    this.sink = sink;
    this.transport = transport;
    this.worker = worker;
    this.events = events;
  }

  /** Subscribes again on a (new) connection: subscriptions do not outlive one. Any thread. */
  void connected() {
    worker.run(
        () -> {
          subscribe(sink.offerTopic());
          String parts = partsFilter;
          if (parts != null) {
            subscribe(parts);
          }
        });
  }

  /**
   * True when {@code topic} is an offer or a part of one; then it was handed to the worker.
   * Transport thread.
   */
  boolean offer(String topic, byte[] payload) {
    if (topic.equals(sink.offerTopic())) {
      worker.run(
          () ->
              sink.onOffer(payload, this::report)
                  .ifPresent(
                      filter -> {
                        partsFilter = filter;
                        subscribe(filter);
                      }));
      return true;
    }
    String parts = partsFilter;
    if (parts != null && matches(parts, topic)) {
      worker.run(() -> sink.onPart(topic, payload, this::report));
      return true;
    }
    return false;
  }

  /** A filter ending in a single-level wildcard, as {@link OfferSink#onOffer} returns. */
  private static boolean matches(String filter, String topic) {
    if (!filter.endsWith("/+")) {
      return filter.equals(topic);
    }
    String prefix = filter.substring(0, filter.length() - 1);
    return topic.startsWith(prefix) && topic.indexOf('/', prefix.length()) < 0;
  }

  private void subscribe(String filter) {
    transport
        .subscribe(filter, 1)
        .whenComplete(
            (v, e) -> {
              if (e != null) {
                log.warn("Could not subscribe to {} for model offers: {}", filter, e.getMessage());
              }
            });
  }

  private void report(OfferSink.Report r) {
    events.emit(
        new ToasterEvent(ToasterEvent.Type.MODEL, Instant.now(), r.result(), null, null, null, r));
  }
}
