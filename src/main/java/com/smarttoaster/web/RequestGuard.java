package com.smarttoaster.web;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Optional;
import org.eclipse.jetty.http.HttpCookie;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.server.Request;
import org.jspecify.annotations.Nullable;

/**
 * Who is asking, and whether a state-changing request may act (OWASP CSRF Prevention Cheat Sheet):
 *
 * <ul>
 *   <li>a logged-in browser sends its session cookie ({@code HttpOnly}, {@code SameSite=Strict})
 *       and, on every POST, the session's CSRF token in {@value #CSRF_HEADER};
 *   <li>an API client sends the configured token as {@code Authorization: Bearer} (never sent by a
 *       browser on its own, so no CSRF token is needed);
 *   <li>every POST must have the page's own origin: an {@code Origin} header naming another site,
 *       or {@code Sec-Fetch-Site: cross-site}, is refused before anything else, and the body must
 *       be {@code application/json} (a plain cross-site form cannot send that).
 * </ul>
 */
final class RequestGuard {
  static final String CSRF_HEADER = "X-CSRF-Token";
  static final String COOKIE = "toaster-session";
  static final String TLS_COOKIE = "__Host-toaster-session";

  private final Sessions sessions;
  private final LoginCheck login;
  private final boolean tls;

  RequestGuard(Sessions sessions, LoginCheck login, boolean tls) {
    this.sessions = sessions;
    this.login = login;
    this.tls = tls;
  }

  String cookieName() {
    return tls ? TLS_COOKIE : COOKIE;
  }

  /** The caller: a browser session, a bearer-token client, or nobody. */
  record Caller(Sessions.@Nullable Session session, boolean bearer) {
    boolean known() {
      return session != null || bearer;
    }
  }

  Caller caller(Request r) {
    String auth = r.getHeaders().get(HttpHeader.AUTHORIZATION);
    if (auth != null && auth.startsWith("Bearer ") && login.acceptsBearer(auth.substring(7))) {
      return new Caller(null, true);
    }
    return new Caller(sessionId(r).flatMap(sessions::find).orElse(null), false);
  }

  Optional<String> sessionId(Request r) {
    for (HttpCookie c : Request.getCookies(r)) {
      if (c.getName().equals(cookieName())) {
        return Optional.of(c.getValue());
      }
    }
    return Optional.empty();
  }

  /**
   * @throws BadRequest 403 when the request comes from another site or is not JSON
   */
  void sameOrigin(Request r) {
    String origin = r.getHeaders().get(HttpHeader.ORIGIN);
    String host = r.getHeaders().get(HttpHeader.HOST);
    String own = (r.isSecure() ? "https://" : "http://") + host;
    if (origin != null && !origin.equals(own)) {
      throw new BadRequest(
          403,
          "cross-site request refused: Origin "
              + SettingChange.shown(origin)
              + " is not this toaster's page ("
              + SettingChange.shown(own)
              + ")");
    }
    String site = r.getHeaders().get("Sec-Fetch-Site");
    if (site != null && !site.equals("same-origin") && !site.equals("none")) {
      throw new BadRequest(
          403, "cross-site request refused: Sec-Fetch-Site is " + SettingChange.shown(site));
    }
    String type = r.getHeaders().get(HttpHeader.CONTENT_TYPE);
    if (type == null || !type.toLowerCase(java.util.Locale.ROOT).startsWith("application/json")) {
      throw new BadRequest(
          415,
          "a request that changes something must be application/json; got "
              + SettingChange.shown(type));
    }
  }

  /**
   * @throws BadRequest 401 without a login, 403 without the session's CSRF token
   */
  void mayAct(Request r, Caller c) {
    if (c.bearer()) {
      return;
    }
    Sessions.Session session = c.session();
    if (session == null) {
      throw new BadRequest(401, "log in first");
    }
    String sent = r.getHeaders().get(CSRF_HEADER);
    if (sent == null
        || !MessageDigest.isEqual(
            sent.getBytes(StandardCharsets.UTF_8),
            session.csrfToken().getBytes(StandardCharsets.UTF_8))) {
      throw new BadRequest(
          403,
          "cross-site request refused: the "
              + CSRF_HEADER
              + " header is missing or wrong;"
              + " reload the page");
    }
  }
}
