package com.smarttoaster.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.smarttoaster.config.WebConfig;
import com.smarttoaster.hal.Clock;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.security.cert.CertificateFactory;
import java.util.concurrent.TimeUnit;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;
import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * HTTPS from the same PEM files as MQTT's client certificate: a self-signed certificate made by
 * openssl, the page served over TLS with HSTS, and the session cookie {@code Secure} with the
 * {@code __Host-} prefix.
 */
class WebTlsTest {
  @TempDir Path dir;

  @Test
  void thePageIsServedOverHttpsWithASecureHostCookie() throws Exception {
    Path cert = dir.resolve("cert.pem");
    Path key = dir.resolve("key.pem");
    openssl(
        "req",
        "-x509",
        "-newkey",
        "ec",
        "-pkeyopt",
        "ec_paramgen_curve:P-256",
        "-nodes",
        "-keyout",
        key.toString(),
        "-out",
        cert.toString(),
        "-days",
        "2",
        "-subj",
        "/CN=127.0.0.1",
        "-addext",
        "subjectAltName=IP:127.0.0.1");
    try (WebAppliance plain = WebAppliance.withToken("sim", 1, dir)) {
      PageToaster toaster =
          new PageToaster(
              plain.controller(),
              plain.assembly.supervisor(),
              plain.runner.clock(),
              plain.remote,
              280);
      WebConfig cfg = new WebConfig("127.0.0.1", 0, null, dir.resolve("token"), cert, key, 60);
      try (WebServer tls =
          WebServer.start(
              cfg,
              toaster,
              new InstalledModels(null, () -> null),
              Clock.system(),
              LoginCheck.ofToken(WebAppliance.TOKEN, Clock.system()))) {
        HttpClient http = HttpClient.newBuilder().sslContext(trusting(cert)).build();
        String url = "https://127.0.0.1:" + tls.port();
        HttpResponse<String> page =
            http.send(
                HttpRequest.newBuilder(URI.create(url + "/")).build(),
                HttpResponse.BodyHandlers.ofString());
        assertEquals(200, page.statusCode());
        assertEquals(
            "max-age=31536000",
            page.headers().firstValue("Strict-Transport-Security").orElse(null));
        HttpResponse<String> login =
            http.send(
                HttpRequest.newBuilder(URI.create(url + "/api/login"))
                    .header("Content-Type", "application/json")
                    .header("Origin", url)
                    .POST(
                        HttpRequest.BodyPublishers.ofString(
                            "{\"secret\":\"" + WebAppliance.TOKEN + "\"}"))
                    .build(),
                HttpResponse.BodyHandlers.ofString());
        assertEquals(200, login.statusCode(), login.body());
        String cookie = login.headers().firstValue("Set-Cookie").orElseThrow();
        assertTrue(
            cookie.startsWith("__Host-toaster-session=")
                && cookie.contains("Secure")
                && cookie.contains("SameSite=Strict")
                && cookie.contains("HttpOnly"),
            cookie);
      }
    }
  }

  @Test
  void aKeyThatIsNotPemIsOneClearError() throws Exception {
    Path cert = Files.writeString(dir.resolve("cert.pem"), "not a certificate");
    Path key = Files.writeString(dir.resolve("key.pem"), "not a key");
    WebConfig cfg = new WebConfig("127.0.0.1", 0, null, dir.resolve("token"), cert, key, 60);
    WebServerException e =
        Assertions.assertThrows(
            WebServerException.class,
            () ->
                WebServer.start(
                    cfg,
                    null,
                    null,
                    Clock.system(),
                    LoginCheck.ofToken(WebAppliance.TOKEN, Clock.system())));
    assertTrue(
        e.getMessage().startsWith("web: ") && e.getMessage().contains(key.toString()),
        e.getMessage());
  }

  @Test
  void aPortInUseIsOneClearError() throws Exception {
    try (java.net.ServerSocket taken =
        new java.net.ServerSocket(0, 1, java.net.InetAddress.getByName("127.0.0.1"))) {
      WebConfig cfg =
          new WebConfig(
              "127.0.0.1", taken.getLocalPort(), null, dir.resolve("token"), null, null, 60);
      WebServerException e =
          Assertions.assertThrows(
              WebServerException.class,
              () ->
                  WebServer.start(
                      cfg,
                      null,
                      null,
                      Clock.system(),
                      LoginCheck.ofToken(WebAppliance.TOKEN, Clock.system())));
      assertTrue(
          e.getMessage().startsWith("web: cannot serve on 127.0.0.1:" + taken.getLocalPort() + " (")
              && e.getMessage().endsWith("choose another web.port or web.bindAddress"),
          e.getMessage());
    }
  }

  private static SSLContext trusting(Path cert) throws Exception {
    KeyStore trust = KeyStore.getInstance("PKCS12");
    trust.load(null, null);
    try (InputStream in = Files.newInputStream(cert)) {
      trust.setCertificateEntry(
          "toaster", CertificateFactory.getInstance("X.509").generateCertificate(in));
    }
    TrustManagerFactory tmf =
        TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
    tmf.init(trust);
    SSLContext ctx = SSLContext.getInstance("TLS");
    ctx.init(null, tmf.getTrustManagers(), null);
    return ctx;
  }

  private static void openssl(String... args) throws Exception {
    if (!new java.io.File("/usr/bin/openssl").canExecute()) {
      if ("true".equalsIgnoreCase(System.getenv("CI"))) {
        Assertions.fail("CI=true and openssl is missing");
      }
      Assumptions.abort("openssl is not installed");
    }
    String[] cmd = new String[args.length + 1];
    cmd[0] = "openssl";
    System.arraycopy(args, 0, cmd, 1, args.length);
    Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
    String out = new String(p.getInputStream().readAllBytes());
    assertTrue(p.waitFor(30, TimeUnit.SECONDS) && p.exitValue() == 0, "openssl failed: " + out);
  }
}
