package com.smarttoaster.web;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.smarttoaster.history.CycleRecord;
import com.smarttoaster.history.Rating;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.eclipse.jetty.http.HttpCookie;
import org.eclipse.jetty.io.Content;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.jspecify.annotations.Nullable;

/**
 * The JSON API behind the page (docs/web.md): each method answers one route and returns the object
 * to send, or throws {@link BadRequest}. The page itself uses nothing else.
 */
final class ApiRoutes {
  static final int MAX_BODY_BYTES = 4096;

  /** The history page lists at most this many cycles, newest first. */
  static final int MAX_CYCLES = 200;

  static final String NO_START =
      "starting heat from the web page is not allowed: put the bread in and press the"
          + " lever on the toaster";
  static final String NO_RESET =
      "a fault is reset only on the toaster itself (hold its reset button for 3 s)";
  static final String NO_INSTALL =
      "models are installed only as signed bundles with `smart-toaster model install`"
          + " on the device";

  private final ObjectMapper json;
  private final PageToaster toaster;
  private final CycleTraces traces;
  private final ModelHealthSource models;
  private final Sessions sessions;
  private final LoginCheck login;
  private final RequestGuard guard;
  private final boolean tls;
  private final long sessionSeconds;

  ApiRoutes(
      ObjectMapper json,
      PageToaster toaster,
      CycleTraces traces,
      ModelHealthSource models,
      Sessions sessions,
      LoginCheck login,
      RequestGuard guard,
      boolean tls,
      long sessionSeconds) {
    this.json = json;
    this.toaster = toaster;
    this.traces = traces;
    this.models = models;
    this.sessions = sessions;
    this.login = login;
    this.guard = guard;
    this.tls = tls;
    this.sessionSeconds = sessionSeconds;
  }

  /** GET routes that need a login. */
  Object get(String path, Request r) {
    return switch (path) {
      case "/api/status" -> StatusView.of(toaster);
      case "/api/cycles" -> cycles();
      case "/api/trace" -> trace(query(r, "cycle"));
      case "/api/model" -> models.read();
      default -> throw new BadRequest(404, "no such API route: GET " + SettingChange.shown(path));
    };
  }

  /** POST routes that act, after {@link RequestGuard#mayAct}. */
  Object post(String path, Request r, Response res, RequestGuard.Caller caller) {
    return switch (path) {
      case "/api/cancel" -> {
        double at = toaster.nowS();
        toaster.cancel();
        yield Map.of("cancelRequestedAtS", at);
      }
      case "/api/settings" -> settings(body(r));
      case "/api/rating" -> rate(body(r));
      case "/api/logout" -> {
        if (caller.session() != null) {
          sessions.end(caller.session().id());
        }
        Response.addCookie(res, cookie("", 0));
        yield Map.of("loggedIn", false);
      }
      case "/api/start" -> throw new BadRequest(403, NO_START);
      case "/api/reset" -> throw new BadRequest(403, NO_RESET);
      case "/api/model/install", "/api/model/activate" -> throw new BadRequest(403, NO_INSTALL);
      default -> throw new BadRequest(404, "no such API route: POST " + SettingChange.shown(path));
    };
  }

  /** {@code POST /api/login}: the same origin is checked before; no session needed. */
  Object login(Request r, Response res) {
    JsonNode b = body(r);
    JsonNode secret = b.get("secret");
    String why = login.check(secret != null && secret.isTextual() ? secret.asText() : null);
    if (why != null) {
      throw new BadRequest(401, why);
    }
    Sessions.Session s = sessions.create();
    Response.addCookie(res, cookie(s.id(), sessionSeconds));
    return Map.of("loggedIn", true, "csrfToken", s.csrfToken());
  }

  /** {@code GET /api/session}: 401 without a login (the page then shows its login form). */
  Object session(RequestGuard.Caller c) {
    if (!c.known()) {
      throw new BadRequest(401, "log in first");
    }
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("loggedIn", true);
    m.put("csrfToken", c.session() == null ? null : c.session().csrfToken());
    return m;
  }

  String loginKind() {
    return login.usesToken() ? "token" : "password";
  }

  private HttpCookie cookie(String value, long maxAgeS) {
    return HttpCookie.build(guard.cookieName(), value)
        .path("/")
        .httpOnly(true)
        .secure(tls)
        .sameSite(HttpCookie.SameSite.STRICT)
        .maxAge(maxAgeS)
        .build();
  }

  private Object settings(JsonNode b) {
    if (b.size() == 0) {
      throw new BadRequest("no setting given; send e.g. {\"shade\": 5}");
    }
    List<SettingChange> changes = new ArrayList<>();
    for (Iterator<Map.Entry<String, JsonNode>> it = b.fields(); it.hasNext(); ) {
      Map.Entry<String, JsonNode> e = it.next();
      JsonNode v = e.getValue();
      changes.add(SettingChange.parse(e.getKey(), v.isValueNode() ? v.asText() : v.toString()));
    }
    if (toaster.snapshot().phase().isActive()) {
      throw new BadRequest(
          409, "a cycle is running; change the settings once it has ended (or cancel it first)");
    }
    changes.forEach(toaster::change);
    return Map.of("submitted", changes.size());
  }

  private Object rate(JsonNode b) {
    JsonNode id = b.get("cycleId");
    JsonNode v = b.get("rating");
    Rating rating = v != null && v.isTextual() ? Rating.fromId(v.asText()) : null;
    if (rating == null) {
      throw new BadRequest(
          "rating = "
              + SettingChange.shown(v == null ? null : v.asText())
              + " is not one of too-light, just-right, too-dark");
    }
    if (id == null || !id.isTextual()) {
      throw new BadRequest("cycleId is required: the cycle the rating is for");
    }
    List<CycleRecord> all = toaster.cycles();
    if (all.isEmpty() || !all.get(all.size() - 1).cycleId().equals(id.asText())) {
      throw new BadRequest(
          409,
          "only the last cycle can be rated, and cycle "
              + SettingChange.shown(id.asText())
              + " is not the last one; reload the page");
    }
    String why = toaster.rateLast(rating);
    if (why != null) {
      throw new BadRequest(409, why);
    }
    return Map.of("rated", id.asText(), "rating", rating.id());
  }

  private Object cycles() {
    List<CycleRecord> all = toaster.cycles();
    List<CycleView> newest = new ArrayList<>();
    for (int i = all.size() - 1; i >= 0 && newest.size() < MAX_CYCLES; i--) {
      newest.add(CycleView.of(all.get(i)));
    }
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("total", all.size());
    m.put("cycles", newest);
    return m;
  }

  private Object trace(@Nullable String cycleId) {
    Optional<CycleTraces.Trace> t;
    if (cycleId == null) {
      t = traces.running();
      if (t.isEmpty()) {
        List<CycleRecord> all = toaster.cycles();
        t = all.isEmpty() ? Optional.empty() : traces.near(all.get(all.size() - 1).startTime());
      }
    } else {
      t =
          toaster.cycles().stream()
              .filter(c -> c.cycleId().equals(cycleId))
              .findFirst()
              .flatMap(c -> traces.near(c.startTime()));
    }
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("cutoffC", toaster.cutoffC());
    m.put("found", t.isPresent());
    t.ifPresent(
        x -> {
          m.put("running", x.running());
          m.put("predictedS", x.predictedS());
          List<Object[]> rows = new ArrayList<>(x.samples().size());
          x.samples()
              .forEach(s -> rows.add(new Object[] {s.tS(), s.chamberC(), s.heaterOn() ? 1 : 0}));
          m.put("samples", rows);
        });
    return Collections.unmodifiableMap(m);
  }

  private JsonNode body(Request r) {
    byte[] bytes;
    try (InputStream in = Content.Source.asInputStream(r)) {
      bytes = in.readNBytes(MAX_BODY_BYTES + 1);
    } catch (IOException e) {
      throw new BadRequest("the request body could not be read");
    }
    if (bytes.length > MAX_BODY_BYTES) {
      throw new BadRequest(413, "the request body is over " + MAX_BODY_BYTES + " bytes");
    }
    try {
      JsonNode n = json.readTree(bytes);
      if (n == null || !n.isObject()) {
        throw new BadRequest("the request body must be a JSON object");
      }
      return n;
    } catch (IOException e) {
      throw new BadRequest("the request body is not valid JSON");
    }
  }

  private static @Nullable String query(Request r, String name) {
    String q = r.getHttpURI().getQuery();
    if (q == null) {
      return null;
    }
    for (String part : q.split("&")) {
      if (part.startsWith(name + "=")) {
        String v =
            java.net.URLDecoder.decode(
                part.substring(name.length() + 1), java.nio.charset.StandardCharsets.UTF_8);
        if (!v.matches("[A-Za-z0-9-]{1,64}")) {
          throw new BadRequest(name + " = " + SettingChange.shown(v) + " is not a cycle id");
        }
        return v;
      }
    }
    return null;
  }
}
