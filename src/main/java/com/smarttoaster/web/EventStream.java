package com.smarttoaster.web;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Supplier;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;
import org.jspecify.annotations.Nullable;

/**
 * {@code GET /api/events}: the live status as server-sent events (HTML Living Standard §9.2), one
 * {@code data:} line of {@link StatusView} JSON whenever it changed, checked every {@value
 * #PERIOD_MS} ms of wall time, and a comment every {@value #KEEPALIVE_MS} ms so proxies and the
 * connector's idle timeout keep the stream open. A client still busy with the last event is
 * skipped, never waited for: one slow phone cannot hold the others (or the toaster) back.
 */
final class EventStream implements AutoCloseable {
  static final long PERIOD_MS = 200;
  static final long KEEPALIVE_MS = 10_000;
  static final int MAX_CLIENTS = 8;

  private record Client(Response response, Callback done, AtomicBoolean busy) {}

  private final List<Client> clients = new CopyOnWriteArrayList<>();
  private final Supplier<String> status;
  private final ScheduledExecutorService thread;
  private @Nullable String last;
  private long lastSendMs;

  EventStream(Supplier<String> status) {
    this.status = status;
    this.thread =
        Executors.newSingleThreadScheduledExecutor(
            r -> {
              Thread t = new Thread(r, "web-events");
              t.setDaemon(true);
              return t;
            });
    thread.scheduleWithFixedDelay(this::push, PERIOD_MS, PERIOD_MS, TimeUnit.MILLISECONDS);
  }

  /** Takes over the response until the client goes or the server stops; false when full. */
  boolean add(Response response, Callback done) {
    if (clients.size() >= MAX_CLIENTS) {
      return false;
    }
    response.setStatus(200);
    response.getHeaders().put(HttpHeader.CONTENT_TYPE, "text/event-stream;charset=utf-8");
    response.getHeaders().put(HttpHeader.CACHE_CONTROL, "no-store");
    Client c = new Client(response, done, new AtomicBoolean());
    clients.add(c);
    send(c, event(status.get()));
    return true;
  }

  private void push() {
    try {
      String now = status.get();
      long ms = System.currentTimeMillis();
      String payload;
      if (!now.equals(last)) {
        payload = event(now);
      } else if (ms - lastSendMs >= KEEPALIVE_MS) {
        payload = ": keep-alive\n\n";
      } else {
        return;
      }
      last = now;
      lastSendMs = ms;
      for (Client c : clients) {
        send(c, payload);
      }
    } catch (RuntimeException e) {
      org.slf4j.LoggerFactory.getLogger(EventStream.class)
          .warn("Web status event failed: {}", e.toString());
    }
  }

  private void send(Client c, String payload) {
    if (!c.busy().compareAndSet(false, true)) {
      return;
    }
    c.response()
        .write(
            false,
            ByteBuffer.wrap(payload.getBytes(StandardCharsets.UTF_8)),
            Callback.from(
                () -> c.busy().set(false),
                failure -> {
                  clients.remove(c);
                  c.done().failed(failure);
                }));
  }

  private static String event(String json) {
    return "data: " + json + "\n\n";
  }

  int clients() {
    return clients.size();
  }

  @Override
  public void close() {
    thread.shutdownNow();
    for (Client c : clients) {
      clients.remove(c);
      c.done().succeeded();
    }
  }
}
