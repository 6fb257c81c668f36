package com.smarttoaster.web;

import static org.junit.jupiter.api.Assertions.assertTrue;

import com.smarttoaster.control.CyclePhase;
import com.smarttoaster.control.RemoteCommand;
import com.smarttoaster.history.Rating;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;

/**
 * Screenshots of the status, history and model pages at phone (390 x 844) and desktop (1280 x 900)
 * widths, and the page's weight and time to first paint, all on the emulated Pi appliance ({@code
 * pi-emulated}: the real hal.pi code on emulated chips). Writes the PNGs to {@code
 * target/web-screenshots}, or to the directory given as {@code -Dweb.screenshots.dir=docs/web} (how
 * the committed ones are made), and the figures to {@code target/web-figures.txt}.
 */
class WebPageFiguresTest {
  static final int[][] SIZES = {{390, 844}, {1280, 900}};
  static final int LOADS = 7;
  @TempDir Path dir;

  @Test
  void screenshotsAndFiguresOnTheEmulatedPi() throws Exception {
    Path out = Path.of(System.getProperty("web.screenshots.dir", "target/web-screenshots"));
    Files.createDirectories(out);
    try (WebAppliance toaster =
        new WebAppliance(
            "pi-emulated",
            20,
            dir,
            LoginCheck.ofToken(WebAppliance.TOKEN, com.smarttoaster.hal.Clock.system()),
            true)) {
      // Some history first: a cancelled cycle, then one done and rated.
      toaster.pressLever();
      awaitPhase(toaster, CyclePhase.TOASTING);
      Thread.sleep(
          1500); // 30 s of appliance time at 20x, so the cancelled cycle has a trace worth seeing
      toaster.controller().submit(new RemoteCommand.Cancel());
      awaitPhase(toaster, CyclePhase.CANCELLED);
      liftAndWait(toaster);
      toaster.pressLever();
      awaitPhase(toaster, CyclePhase.DONE);
      awaitRecorded(toaster);
      assertTrue(toaster.remote.rateLastNow(Rating.JUST_RIGHT) == null);
      toaster.controller().submit(new RemoteCommand.SetShade(6)); // a longer cycle to shoot mid-way
      for (int[] size : SIZES) {
        try (Browser b = Browser.open(size[0], size[1])) {
          String tag = size[0] < 600 ? "phone" : "desktop";
          login(b, toaster);
          awaitPhase(toaster, CyclePhase.DONE);
          liftAndWait(toaster);
          toaster.pressLever(); // the status page is shot mid-cycle
          b.until(
              20,
              d ->
                  "true".equals(d.findElement(By.id("chart")).getAttribute("data-running"))
                          && Integer.parseInt(
                                  d.findElement(By.id("chart")).getAttribute("data-samples"))
                              > 40
                      ? true
                      : null);
          Files.write(
              out.resolve("status-" + tag + ".png"), b.fullPageScreenshot(size[0], size[1]));
          b.driver.get(toaster.url() + "/history");
          b.until(
              10,
              d ->
                  !d.findElements(By.cssSelector("#cycles tbody tr")).isEmpty()
                      && d.findElement(By.id("chart")).getAttribute("data-samples") != null);
          Files.write(
              out.resolve("history-" + tag + ".png"), b.fullPageScreenshot(size[0], size[1]));
          b.driver.get(toaster.url() + "/model");
          b.until(10, d -> !d.findElements(By.cssSelector("#metrics tbody tr")).isEmpty());
          b.driver
              .findElement(By.id("all-metrics-summary"))
              .click(); // shown open once, closed on the phone
          if (size[0] < 600) {
            b.driver.findElement(By.id("all-metrics-summary")).click();
          }
          Files.write(out.resolve("model-" + tag + ".png"), b.fullPageScreenshot(size[0], size[1]));
        }
      }
      awaitPhase(toaster, CyclePhase.DONE);
      figures(toaster);
    }
  }

  /**
   * Page weight and first paint of the status page, loaded {@value #LOADS} times by a logged-in
   * phone.
   */
  private void figures(WebAppliance toaster) throws Exception {
    List<Double> paints = new ArrayList<>();
    List<Double> live = new ArrayList<>();
    long transferred = 0;
    try (Browser b = Browser.open(390, 844)) {
      login(b, toaster);
      for (int i = 0; i < LOADS; i++) {
        b.driver.get(toaster.url() + "/");
        b.until(10, d -> !d.findElement(By.id("phase")).getText().equals("…"));
        Number fcp =
            (Number)
                b.driver.executeScript(
                    "const p = performance.getEntriesByName('first-contentful-paint');"
                        + " return p.length ? p[0].startTime : null;");
        Number shown = (Number) b.driver.executeScript("return performance.now();");
        Number bytes =
            (Number)
                b.driver.executeScript(
                    "return performance.getEntriesByType('navigation')[0]"
                        + ".encodedBodySize + performance.getEntriesByType('resource').filter(r => !r.name.includes('/api/'))"
                        + ".reduce((s, r) => s + r.encodedBodySize, 0);");
        if (fcp != null) {
          paints.add(fcp.doubleValue());
        }
        live.add(shown.doubleValue());
        transferred = bytes.longValue();
      }
    }
    assertTrue(!paints.isEmpty(), "no first-contentful-paint entry in " + LOADS + " loads");
    String text =
        String.format(
            Locale.ROOT,
            "status page (pi-emulated appliance, %s, %d cores, Chromium headless, loopback):"
                + "%n  page weight: %d bytes from the jar (HTML + CSS + 2 scripts), %d bytes of bodies loaded by the browser"
                + "%n  first contentful paint: median %.0f ms (min %.0f, max %.0f) over %d loads"
                + "%n  live status shown (after login check + first event): median under %.0f ms%n",
            System.getProperty("os.arch"),
            Runtime.getRuntime().availableProcessors(),
            toaster.web.pageBytes("/"),
            transferred,
            median(paints),
            min(paints),
            max(paints),
            paints.size(),
            median(live));
    System.out.print(text);
    Files.writeString(Path.of("target/web-figures.txt"), text);
  }

  private static void login(Browser b, WebAppliance toaster) {
    b.driver.get(toaster.url() + "/");
    b.until(10, d -> d.findElement(By.id("login")).isDisplayed());
    b.driver.findElement(By.id("secret")).sendKeys(WebAppliance.TOKEN);
    b.driver.findElement(By.id("login-button")).click();
    b.until(
        10,
        d ->
            d.findElement(By.id("main")).isDisplayed()
                && !d.findElement(By.id("phase")).getText().equals("…"));
  }

  private static void awaitPhase(WebAppliance t, CyclePhase p) throws InterruptedException {
    long deadline = System.nanoTime() + 60_000_000_000L;
    while (t.controller().snapshot().phase() != p) {
      if (System.nanoTime() > deadline) {
        throw new AssertionError(
            "timed out waiting for " + p + "; is " + t.controller().snapshot().phase());
      }
      Thread.sleep(20);
    }
  }

  private static void awaitRecorded(WebAppliance t) throws InterruptedException {
    long deadline = System.nanoTime() + 20_000_000_000L;
    while (t.remote.recordedCycles().isEmpty()
        || !t.remote
            .recordedCycles()
            .get(t.remote.recordedCycles().size() - 1)
            .outcome()
            .heaterTimeKnown()) {
      if (System.nanoTime() > deadline) {
        throw new AssertionError("the cycle was not recorded");
      }
      Thread.sleep(20);
    }
  }

  /** Bread out (lever up), so the next press is a fresh cycle. */
  private static void liftAndWait(WebAppliance t) throws InterruptedException {
    t.runner.submit(() -> t.runner.appliance().liftLever());
    Thread.sleep(200);
  }

  private static double median(List<Double> v) {
    List<Double> s = v.stream().sorted().toList();
    return s.get(s.size() / 2);
  }

  private static double min(List<Double> v) {
    return v.stream().mapToDouble(Double::doubleValue).min().orElse(Double.NaN);
  }

  private static double max(List<Double> v) {
    return v.stream().mapToDouble(Double::doubleValue).max().orElse(Double.NaN);
  }
}
