package com.smarttoaster.web;

import org.eclipse.jetty.http.HttpFields;

/**
 * Headers on every response (OWASP Secure Headers Project): a Content-Security-Policy that allows
 * only the page's own files (no inline script or style, no framing), the older X-Frame-Options for
 * browsers without frame-ancestors, no MIME sniffing, no referrer, and HSTS over HTTPS.
 */
final class SecurityHeaders {
  static final String CSP =
      "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self';"
          + " connect-src 'self'; form-action 'self'; frame-ancestors 'none'; base-uri 'none'";

  private SecurityHeaders() {}

  static void apply(HttpFields.Mutable h, boolean tls) {
    h.put("Content-Security-Policy", CSP);
    h.put("X-Frame-Options", "DENY");
    h.put("X-Content-Type-Options", "nosniff");
    h.put("Referrer-Policy", "no-referrer");
    h.put("Cross-Origin-Opener-Policy", "same-origin");
    h.put("Cross-Origin-Resource-Policy", "same-origin");
    h.put("Permissions-Policy", "camera=(), microphone=(), geolocation=()");
    if (tls) {
      h.put("Strict-Transport-Security", "max-age=31536000");
    }
  }
}
