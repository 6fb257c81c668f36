package com.smarttoaster.web;

import com.smarttoaster.hal.Clock;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Optional;

/**
 * Logged-in browsers: a random session id (the cookie) with its own random CSRF token, expiring
 * after {@code idleNanos} without use. At most {@value #MAX_SESSIONS}; a new login beyond that ends
 * the least recently used one. Wall time from the system {@link Clock}: a login must last the same
 * whatever the simulation's speed.
 */
final class Sessions {
  static final int MAX_SESSIONS = 16;
  private static final SecureRandom RANDOM = new SecureRandom();

  /** One login; {@code csrfToken} must come back in a header on every state-changing request. */
  record Session(String id, String csrfToken) {}

  private final Clock wall;
  private final long idleNanos;
  private final LinkedHashMap<String, Entry> byId = new LinkedHashMap<>(16, 0.75f, true);

  private record Entry(Session session, long lastUseNanos) {}

  Sessions(Clock wall, long idleNanos) {
    this.wall = wall;
    this.idleNanos = idleNanos;
  }

  synchronized Session create() {
    dropExpired();
    while (byId.size() >= MAX_SESSIONS) {
      Iterator<String> oldest = byId.keySet().iterator();
      oldest.next();
      oldest.remove();
    }
    Session s = new Session(random(), random());
    byId.put(s.id(), new Entry(s, wall.nanos()));
    return s;
  }

  /** The live session with this id, its idle time restarted. */
  synchronized Optional<Session> find(String id) {
    if (id == null) {
      return Optional.empty();
    }
    dropExpired();
    Entry e = byId.get(id);
    if (e == null) {
      return Optional.empty();
    }
    byId.put(id, new Entry(e.session(), wall.nanos()));
    return Optional.of(e.session());
  }

  synchronized void end(String id) {
    byId.remove(id);
  }

  private void dropExpired() {
    long now = wall.nanos();
    byId.values().removeIf(e -> now - e.lastUseNanos() > idleNanos);
  }

  private static String random() {
    byte[] b = new byte[32];
    RANDOM.nextBytes(b);
    return Base64.getUrlEncoder().withoutPadding().encodeToString(b);
  }
}
