package com.smarttoaster.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.smarttoaster.control.CyclePhase;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The page's API over plain HTTP (java.net.http) against a running simulated toaster. */
class WebApiTest {
  private static final ObjectMapper JSON = new ObjectMapper();
  @TempDir static Path dir;
  static WebAppliance toaster;
  static HttpClient http;

  @BeforeAll
  static void start() {
    toaster = WebAppliance.withToken("sim", 20, dir);
    http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
  }

  @AfterAll
  static void stop() {
    toaster.close();
  }

  private HttpResponse<String> get(String path, String... headers)
      throws IOException, InterruptedException {
    HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(toaster.url() + path)).GET();
    for (int i = 0; i < headers.length; i += 2) {
      b.header(headers[i], headers[i + 1]);
    }
    return http.send(b.build(), HttpResponse.BodyHandlers.ofString());
  }

  private HttpResponse<String> post(String path, String body, String... headers)
      throws IOException, InterruptedException {
    HttpRequest.Builder b =
        HttpRequest.newBuilder(URI.create(toaster.url() + path))
            .POST(HttpRequest.BodyPublishers.ofString(body));
    boolean typed = false;
    for (int i = 0; i < headers.length; i += 2) {
      b.header(headers[i], headers[i + 1]);
      typed |= headers[i].equalsIgnoreCase("Content-Type");
    }
    if (!typed) {
      b.header("Content-Type", "application/json");
    }
    return http.send(b.build(), HttpResponse.BodyHandlers.ofString());
  }

  /** A logged-in browser: its cookie and CSRF token. */
  private record Login(String cookie, String csrf) {}

  private Login login() throws Exception {
    HttpResponse<String> r =
        post("/api/login", "{\"secret\":\"" + WebAppliance.TOKEN + "\"}", "Origin", toaster.url());
    assertEquals(200, r.statusCode(), r.body());
    String setCookie = r.headers().firstValue("Set-Cookie").orElseThrow();
    return new Login(
        setCookie.substring(0, setCookie.indexOf(';')),
        JSON.readTree(r.body()).get("csrfToken").asText());
  }

  private static String error(HttpResponse<String> r) throws IOException {
    return JSON.readTree(r.body()).get("error").asText();
  }

  private static void await(BooleanSupplier condition, String what) throws InterruptedException {
    long deadline =
        System.nanoTime() + 20_000_000_000L; // wall time: waits for the toaster's threads
    while (!condition.getAsBoolean()) {
      if (System.nanoTime() > deadline) {
        throw new AssertionError("timed out waiting for " + what);
      }
      Thread.sleep(20);
    }
  }

  @Test
  void everyResponseCarriesTheSecurityHeaders() throws Exception {
    for (String path :
        new String[] {"/", "/history", "/model", "/app.js", "/api/status", "/nowhere"}) {
      HttpResponse<String> r = get(path);
      String csp = r.headers().firstValue("Content-Security-Policy").orElse("");
      assertTrue(
          csp.contains("script-src 'self'")
              && csp.contains("frame-ancestors 'none'")
              && !csp.contains("unsafe-inline"),
          path + ": " + csp);
      assertEquals("DENY", r.headers().firstValue("X-Frame-Options").orElse(null), path);
      assertEquals("nosniff", r.headers().firstValue("X-Content-Type-Options").orElse(null), path);
      assertEquals("no-referrer", r.headers().firstValue("Referrer-Policy").orElse(null), path);
      assertFalse(r.headers().firstValue("Server").isPresent(), path + " names its server");
    }
    assertEquals(200, get("/").statusCode());
    assertEquals(404, get("/nowhere").statusCode());
  }

  @Test
  void theApiNeedsALogin() throws Exception {
    for (String path :
        new String[] {"/api/status", "/api/events", "/api/cycles", "/api/model", "/api/trace"}) {
      HttpResponse<String> r = get(path);
      assertEquals(401, r.statusCode(), path);
      assertEquals("log in first", error(r));
    }
    HttpResponse<String> cancel = post("/api/cancel", "{}", "Origin", toaster.url());
    assertEquals(401, cancel.statusCode());
    HttpResponse<String> wrong =
        post("/api/login", "{\"secret\":\"guess\"}", "Origin", toaster.url());
    assertEquals(401, wrong.statusCode());
    assertEquals("wrong token", error(wrong));
  }

  @Test
  void aLoginGivesAStrictHttpOnlyCookieAndTheStatus() throws Exception {
    HttpResponse<String> r =
        post("/api/login", "{\"secret\":\"" + WebAppliance.TOKEN + "\"}", "Origin", toaster.url());
    String cookie = r.headers().firstValue("Set-Cookie").orElseThrow();
    assertTrue(
        cookie.contains("HttpOnly")
            && cookie.contains("SameSite=Strict")
            && cookie.contains("Path=/"),
        cookie);
    Login l = login();
    HttpResponse<String> s = get("/api/status", "Cookie", l.cookie());
    assertEquals(200, s.statusCode(), s.body());
    JsonNode status = JSON.readTree(s.body());
    assertEquals(280.0, status.get("cutoffC").asDouble());
    assertNotNull(status.get("settings").get("shade"));
  }

  @Test
  void aCrossSiteRequestIsRefusedAndChangesNothing() throws Exception {
    Login l = login();
    int shade = toaster.controller().snapshot().settings().shade();
    int other = shade == 7 ? 6 : shade + 1;
    String body = "{\"shade\":" + other + "}";
    HttpResponse<String> foreign =
        post(
            "/api/settings",
            body,
            "Cookie",
            l.cookie(),
            "X-CSRF-Token",
            l.csrf(),
            "Origin",
            "http://evil.example");
    assertEquals(403, foreign.statusCode());
    assertTrue(
        error(foreign).startsWith("cross-site request refused: Origin \"http://evil.example\""),
        foreign.body());
    HttpResponse<String> noToken =
        post("/api/settings", body, "Cookie", l.cookie(), "Origin", toaster.url());
    assertEquals(403, noToken.statusCode());
    assertTrue(error(noToken).contains("X-CSRF-Token header is missing or wrong"), noToken.body());
    HttpResponse<String> fetchMeta =
        post(
            "/api/settings",
            body,
            "Cookie",
            l.cookie(),
            "X-CSRF-Token",
            l.csrf(),
            "Sec-Fetch-Site",
            "cross-site");
    assertEquals(403, fetchMeta.statusCode());
    HttpResponse<String> form =
        post(
            "/api/settings",
            "shade=" + other,
            "Cookie",
            l.cookie(),
            "X-CSRF-Token",
            l.csrf(),
            "Content-Type",
            "application/x-www-form-urlencoded");
    assertEquals(415, form.statusCode());
    HttpResponse<String> bearerForeign =
        post(
            "/api/cancel",
            "{}",
            "Authorization",
            "Bearer " + WebAppliance.TOKEN,
            "Origin",
            "http://evil.example");
    assertEquals(403, bearerForeign.statusCode());
    Thread.sleep(300); // a few controller ticks (wall time at 20x): a change would have landed
    assertEquals(shade, toaster.controller().snapshot().settings().shade());
  }

  @Test
  void settingsAreCheckedAndReachTheController() throws Exception {
    Login l = login();
    HttpResponse<String> bad =
        post("/api/settings", "{\"shade\":9}", "Cookie", l.cookie(), "X-CSRF-Token", l.csrf());
    assertEquals(400, bad.statusCode());
    assertEquals("shade = \"9\" is not allowed; expected a whole number from 1 to 7", error(bad));
    HttpResponse<String> unknown =
        post("/api/settings", "{\"heat\":1}", "Cookie", l.cookie(), "X-CSRF-Token", l.csrf());
    assertEquals(
        "setting \"heat\" is unknown; known: shade, bread, mode, slices, thicknessMm",
        error(unknown));
    assertEquals(
        400,
        post("/api/settings", "{not json", "Cookie", l.cookie(), "X-CSRF-Token", l.csrf())
            .statusCode());
    assertEquals(
        413,
        post(
                "/api/settings",
                "{\"shade\":\"" + "x".repeat(5000) + "\"}",
                "Cookie",
                l.cookie(),
                "X-CSRF-Token",
                l.csrf())
            .statusCode());
    HttpResponse<String> ok =
        post(
            "/api/settings",
            "{\"shade\":6,\"bread\":\"rye\"}",
            "Cookie",
            l.cookie(),
            "X-CSRF-Token",
            l.csrf());
    assertEquals(200, ok.statusCode(), ok.body());
    await(
        () ->
            toaster.controller().snapshot().settings().shade() == 6
                && toaster.controller().snapshot().settings().bread().id().equals("rye"),
        "shade 6 and rye");
  }

  @Test
  void startResetAndInstallAreRefusedAndNoHeatFlows() throws Exception {
    int before = toaster.heater.size();
    for (String path : new String[] {"/api/start", "/api/reset", "/api/model/install"}) {
      HttpResponse<String> r = post(path, "{}", "Authorization", "Bearer " + WebAppliance.TOKEN);
      assertEquals(403, r.statusCode(), path);
    }
    assertEquals(
        ApiRoutes.NO_START,
        error(post("/api/start", "{}", "Authorization", "Bearer " + WebAppliance.TOKEN)));
    Thread.sleep(300);
    assertTrue(
        toaster.heater.subList(before, toaster.heater.size()).stream()
            .noneMatch(WebAppliance.HeaterCommand::on),
        "heat was commanded on after a refused start");
  }

  @Test
  void aCancelStopsHeatWithin200msOfTheRequestInApplianceTime() throws Exception {
    await(() -> !toaster.controller().snapshot().phase().isActive(), "an idle toaster");
    int from = toaster.heater.size();
    toaster.pressLever();
    await(() -> toaster.controller().snapshot().phase() == CyclePhase.TOASTING, "toasting");
    await(
        () ->
            toaster.heater.subList(from, toaster.heater.size()).stream()
                .anyMatch(WebAppliance.HeaterCommand::on),
        "heat on");
    Thread.sleep(200); // let it heat a little (about 4 s of appliance time)
    HttpResponse<String> r =
        post("/api/cancel", "{}", "Authorization", "Bearer " + WebAppliance.TOKEN);
    assertEquals(200, r.statusCode(), r.body());
    long requestedNanos =
        Math.round(JSON.readTree(r.body()).get("cancelRequestedAtS").asDouble() * 1e9);
    await(() -> toaster.controller().snapshot().phase() == CyclePhase.CANCELLED, "cancelled");
    WebAppliance.HeaterCommand off =
        toaster.heater.stream()
            .filter(h -> !h.on() && h.atNanos() >= requestedNanos - 1_000_000)
            .findFirst()
            .orElseThrow();
    double latencyMs = (off.atNanos() - requestedNanos) / 1e6;
    assertTrue(
        latencyMs <= 200,
        "heat stopped " + latencyMs + " ms after the cancel request (appliance time)");
    assertFalse(toaster.assembly.supervisor().status().heaterCommandedOn());
  }
}
