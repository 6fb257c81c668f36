package com.smarttoaster.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.smarttoaster.cli.Main;
import com.smarttoaster.control.CyclePhase;
import com.smarttoaster.history.CycleRecord;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import picocli.CommandLine;

/**
 * The page in a real headless Chromium against the simulated toaster running at 20 x real time:
 * what a person does with it, end to end.
 */
class BrowserTest {
  @TempDir static Path dir;
  static WebAppliance toaster;
  Browser browser;

  @BeforeAll
  static void startToaster() {
    toaster = WebAppliance.withToken("sim", 20, dir);
  }

  @AfterAll
  static void stopToaster() {
    toaster.close();
  }

  @BeforeEach
  void openBrowser() throws Exception {
    browser = Browser.open(1024, 900);
  }

  @AfterEach
  void closeBrowser() {
    browser.close();
  }

  private WebElement el(String id) {
    return browser.driver.findElement(By.id(id));
  }

  private void logIn(String path) {
    browser.driver.get(toaster.url() + path);
    browser.until(5, d -> el("login").isDisplayed());
    el("secret").sendKeys(WebAppliance.TOKEN);
    el("login-button").click();
    browser.until(5, d -> el("main").isDisplayed());
  }

  private void awaitIdle() {
    browser.until(30, d -> !toaster.controller().snapshot().phase().isActive());
  }

  private String phaseShown() {
    return el("phase").getText();
  }

  @Test
  void aLoginIsRequired() {
    browser.driver.get(toaster.url() + "/");
    browser.until(5, d -> el("login").isDisplayed());
    assertFalse(el("main").isDisplayed(), "the status shows before a login");
    el("secret").sendKeys("not the token");
    el("login-button").click();
    browser.until(5, d -> el("login-error").getText().equals("wrong token"));
    assertFalse(el("main").isDisplayed());
    el("secret").clear();
    el("secret").sendKeys(WebAppliance.TOKEN);
    el("login-button").click();
    browser.until(5, d -> el("main").isDisplayed());
    assertFalse(el("login").isDisplayed());
  }

  @Test
  void aCycleIsWatchedLiveToItsEnd() {
    awaitIdle();
    logIn("/");
    toaster.pressLever();
    browser.until(10, d -> phaseShown().equals("toasting"));
    browser.until(5, d -> el("heater").getText().equals("on"));
    WebElement chart = el("chart");
    int first =
        browser.until(
            10,
            d ->
                "true".equals(chart.getAttribute("data-running"))
                    ? Integer.parseInt(chart.getAttribute("data-samples"))
                    : null);
    int later =
        browser.until(
            10,
            d -> {
              int n = Integer.parseInt(chart.getAttribute("data-samples"));
              return n > first + 5 && "true".equals(chart.getAttribute("data-running")) ? n : null;
            });
    assertTrue(later > first, "the chart did not grow while the cycle ran");
    double chamber = Double.parseDouble(el("chamber").getText());
    assertTrue(chamber > 21, "chamber " + chamber + " °C while toasting");
    browser.until(30, d -> phaseShown().equals("done"));
    assertEquals("off", el("heater").getText());
    browser.until(10, d -> "false".equals(chart.getAttribute("data-running")));
    assertTrue(browser.driver.findElements(By.cssSelector("#chart path.chamber")).size() == 1);
    assertTrue(browser.driver.findElements(By.cssSelector("#chart line.cutoff")).size() == 1);
    assertTrue(browser.driver.findElements(By.cssSelector("#chart line.end")).size() == 1);
  }

  @Test
  void aRatingGivenOnTheHistoryPageIsInTheHistoryExport() throws Exception {
    awaitIdle();
    toaster.pressLever();
    browser.until(10, d -> toaster.controller().snapshot().phase().isActive());
    awaitIdle();
    browser.until(
        10,
        d -> {
          List<CycleRecord> all = toaster.remote.recordedCycles();
          return !all.isEmpty() && all.get(all.size() - 1).outcome().heaterTimeKnown();
        });
    String cycleId =
        toaster.remote.recordedCycles().get(toaster.remote.recordedCycles().size() - 1).cycleId();
    logIn("/history");
    WebElement justRight =
        browser.until(
            10,
            d ->
                d.findElement(
                    By.cssSelector(
                        "tr[data-cycle='" + cycleId + "'] button.rate[data-rating='just-right']")));
    justRight.click();
    browser.until(10, d -> el("message").getText().equals("Rated just right."));
    browser.until(
        10,
        d ->
            d.findElement(By.cssSelector("tr[data-cycle='" + cycleId + "'] td.rating"))
                .getText()
                .startsWith("just-right"));
    Path csv = dir.resolve("export.csv");
    int code =
        new CommandLine(new Main())
            .execute(
                "history", "export", "--db", toaster.database.toString(), "--out", csv.toString());
    assertEquals(0, code);
    String line =
        Files.readAllLines(csv).stream()
            .filter(l -> l.startsWith(cycleId))
            .findFirst()
            .orElseThrow();
    assertTrue(line.contains(",just-right"), line);
  }

  @Test
  void aCancelOnThePageStopsHeatWithin200msOfItsRequest() {
    awaitIdle();
    logIn("/");
    int from = toaster.heater.size();
    toaster.pressLever();
    browser.until(10, d -> el("heater").getText().equals("on"));
    el("cancel").click();
    String said =
        browser.until(
            5,
            d ->
                el("message").getText().startsWith("Cancel sent") ? el("message").getText() : null);
    Matcher m = Pattern.compile("toaster time ([0-9.]+) s").matcher(said);
    assertTrue(m.find(), said);
    long requestedNanos = Math.round(Double.parseDouble(m.group(1)) * 1e9);
    browser.until(10, d -> phaseShown().equals("cancelled"));
    WebAppliance.HeaterCommand off =
        toaster.heater.subList(from, toaster.heater.size()).stream()
            .filter(h -> !h.on() && h.atNanos() >= requestedNanos - 1_000_000)
            .findFirst()
            .orElseThrow();
    double latencyMs = (off.atNanos() - requestedNanos) / 1e6;
    assertTrue(
        latencyMs <= 200,
        "heat stopped " + latencyMs + " ms after the page's cancel (appliance time)");
  }

  @Test
  void aStartAttemptFromThePageIsRefused() {
    awaitIdle();
    logIn("/");
    assertTrue(
        browser
            .driver
            .findElements(By.xpath("//button[contains(translate(., 'START', 'start'), 'start')]"))
            .isEmpty(),
        "the page has a start button");
    int before = toaster.heater.size();
    @SuppressWarnings("unchecked")
    Map<String, Object> r =
        (Map<String, Object>)
            browser.driver.executeAsyncScript(
                "const done = arguments[arguments.length - 1];"
                    + "fetch('/api/session').then(r => r.json()).then(s => fetch('/api/start', {method: 'POST',"
                    + " headers: {'Content-Type': 'application/json', 'X-CSRF-Token': s.csrfToken}, body: '{}'}))"
                    + ".then(r => r.json().then(b => done({status: r.status, error: b.error})));");
    assertEquals(403L, r.get("status"));
    assertEquals(ApiRoutes.NO_START, r.get("error"));
    assertFalse(toaster.controller().snapshot().phase().isActive(), "a cycle started");
    assertTrue(
        toaster.heater.subList(before, toaster.heater.size()).stream()
            .noneMatch(WebAppliance.HeaterCommand::on));
  }

  @Test
  void aCrossSiteRequestIsRefused() throws Exception {
    awaitIdle();
    logIn("/");
    toaster.pressLever();
    browser.until(10, d -> toaster.controller().snapshot().phase() == CyclePhase.TOASTING);
    try (EvilSite evil = new EvilSite(toaster.url())) {
      browser.driver.get(
          evil.url()); // its form posts a cancel to the toaster, with the logged-in browser's
      // cookies
      String answer =
          browser.until(
              10,
              d ->
                  d.getCurrentUrl().endsWith("/api/cancel")
                      ? d.findElement(By.tagName("body")).getText()
                      : null);
      assertTrue(answer.contains("cross-site request refused"), answer);
    }
    assertEquals(
        CyclePhase.TOASTING,
        toaster.controller().snapshot().phase(),
        "the cross-site cancel reached the toaster");
    toaster.controller().submit(new com.smarttoaster.control.RemoteCommand.Cancel());
  }
}
