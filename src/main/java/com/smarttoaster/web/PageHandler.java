package com.smarttoaster.web;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.ByteBuffer;
import java.util.Map;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.io.Content;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Every request: security headers first, then the page's files (no login: they hold no data), the
 * login, the event stream and the API. A request the API refuses gets its status and {@code
 * {"error": "..."}}, one line for the user; anything unexpected is logged and answered 500 without
 * details, and never reaches the toaster.
 */
final class PageHandler extends Handler.Abstract {
  private static final Logger log = LoggerFactory.getLogger(PageHandler.class);

  private final ObjectMapper json;
  private final StaticFiles files;
  private final ApiRoutes api;
  private final RequestGuard guard;
  private final EventStream events;
  private final boolean tls;

  PageHandler(
      ObjectMapper json,
      StaticFiles files,
      ApiRoutes api,
      RequestGuard guard,
      EventStream events,
      boolean tls) {
    this.json = json;
    this.files = files;
    this.api = api;
    this.guard = guard;
    this.events = events;
    this.tls = tls;
  }

  @Override
  public boolean handle(Request r, Response res, Callback cb) {
    SecurityHeaders.apply(res.getHeaders(), tls);
    String path = r.getHttpURI().getPath();
    String method = r.getMethod();
    try {
      if (!path.startsWith("/api/")) {
        StaticFiles.File f = "GET".equals(method) || "HEAD".equals(method) ? files.at(path) : null;
        if (f == null) {
          throw new BadRequest(404, "no such page: " + SettingChange.shown(path));
        }
        res.setStatus(200);
        res.getHeaders().put(HttpHeader.CONTENT_TYPE, f.contentType());
        res.getHeaders().put(HttpHeader.CACHE_CONTROL, "no-cache");
        res.write(
            true, "HEAD".equals(method) ? ByteBuffer.allocate(0) : ByteBuffer.wrap(f.bytes()), cb);
        return true;
      }
      res.getHeaders().put(HttpHeader.CACHE_CONTROL, "no-store");
      if ("POST".equals(method)) {
        guard.sameOrigin(r); // before any secret is looked at: a cross-site request learns nothing
        if (path.equals("/api/login")) {
          send(res, cb, 200, api.login(r, res));
          return true;
        }
        RequestGuard.Caller caller = guard.caller(r);
        guard.mayAct(r, caller);
        send(res, cb, 200, api.post(path, r, res, caller));
        return true;
      }
      if (!"GET".equals(method)) {
        throw new BadRequest(
            405, "method " + SettingChange.shown(method) + " is not allowed; use GET or POST");
      }
      RequestGuard.Caller caller = guard.caller(r);
      if (path.equals("/api/session")) {
        send(res, cb, 200, api.session(caller));
        return true;
      }
      if (!caller.known()) {
        throw new BadRequest(401, "log in first");
      }
      if (path.equals("/api/events")) {
        if (!events.add(res, cb)) {
          throw new BadRequest(
              503, "too many pages are open on this toaster; close one and reload");
        }
        return true;
      }
      send(res, cb, 200, api.get(path, r));
    } catch (BadRequest e) {
      Map<String, Object> body =
          e.status() == 401
              ? Map.of("error", e.getMessage(), "login", api.loginKind())
              : Map.of("error", e.getMessage());
      if ("POST".equals(method)) {
        // A refused POST may leave its body unread, and then Jetty closes the connection after the
        // answer; saying so keeps a client from sending its next request on a connection being
        // closed.
        res.getHeaders().put(HttpHeader.CONNECTION, "close");
      }
      send(res, cb, e.status(), body);
    } catch (RuntimeException e) {
      log.error("Web request {} {} failed", method, path, e);
      send(res, cb, 500, Map.of("error", "internal error; see the toaster's log"));
    }
    return true;
  }

  private void send(Response res, Callback cb, int status, Object body) {
    String text;
    try {
      text = json.writeValueAsString(body);
    } catch (JsonProcessingException e) {
      status = 500;
      text = "{\"error\":\"internal error\"}";
    }
    res.setStatus(status);
    res.getHeaders().put(HttpHeader.CONTENT_TYPE, "application/json;charset=utf-8");
    Content.Sink.write(res, true, text, cb);
  }
}
