package com.smarttoaster.remote;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A transport with no network, for what is about the toaster's own timing in simulated time: it is
 * connected at once, accepts every publish at once, and hands the test's messages to the remote
 * synchronously, on the caller's thread, as Paho's callback thread would.
 */
final class FakeTransport implements MqttTransport {
  /** One message the remote published. */
  record Published(String topic, String payload, boolean retained) {}

  private final List<Published> published = new CopyOnWriteArrayList<>();
  private volatile Listener listener;

  @Override
  public void start(Listener l) {
    this.listener = l;
    l.onConnected(false);
  }

  @Override
  public boolean isConnected() {
    return true;
  }

  @Override
  public CompletableFuture<Void> publish(String topic, byte[] payload, int qos, boolean retained) {
    published.add(new Published(topic, new String(payload, StandardCharsets.UTF_8), retained));
    return CompletableFuture.completedFuture(null);
  }

  @Override
  public CompletableFuture<Void> subscribe(String topicFilter, int qos) {
    return CompletableFuture.completedFuture(null);
  }

  /** A message from the broker. */
  void deliver(String topic, String payload, boolean retained) {
    listener.onMessage(topic, payload.getBytes(StandardCharsets.UTF_8), 1, retained);
  }

  List<Published> on(String topic) {
    return published.stream().filter(p -> p.topic().equals(topic)).toList();
  }

  @Override
  public void close() {}
}
