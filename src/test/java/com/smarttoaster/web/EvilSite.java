package com.smarttoaster.web;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;

/**
 * Another origin on loopback ({@code http://localhost:PORT}, while the toaster's page is on {@code
 * http://127.0.0.1:...}): a page that, once opened, posts a cancel to the toaster the way a hostile
 * site would, with a plain HTML form (no preflight, so only the toaster can refuse it).
 */
final class EvilSite implements AutoCloseable {
  private final HttpServer server;

  EvilSite(String toasterUrl) throws IOException {
    server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    String page =
        "<!doctype html><html><body><form id=f method=post enctype=text/plain action=\""
            + toasterUrl
            + "/api/cancel\"><input name='{\"a\":\"' value='\"}'></form>"
            + "<script>document.getElementById('f').submit()</script></body></html>";
    server.createContext(
        "/",
        ex -> {
          byte[] b = page.getBytes(StandardCharsets.UTF_8);
          ex.getResponseHeaders().set("Content-Type", "text/html;charset=utf-8");
          ex.sendResponseHeaders(200, b.length);
          try (OutputStream out = ex.getResponseBody()) {
            out.write(b);
          }
        });
    server.start();
  }

  String url() {
    return "http://localhost:" + server.getAddress().getPort() + "/";
  }

  @Override
  public void close() {
    server.stop(0);
  }
}
