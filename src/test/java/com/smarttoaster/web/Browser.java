package com.smarttoaster.web;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.Assumptions;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * A real headless Chromium (Debian's {@code chromium} and {@code chromium-driver}) driven by
 * Selenium. Missing, it skips the calling test, except with CI=true where it fails: CI installs
 * both (.ci/run) and must run these tests.
 */
final class Browser implements AutoCloseable {
  static final List<String> CHROMIUM = List.of("/usr/bin/chromium", "/usr/bin/chromium-browser");
  static final List<String> DRIVER =
      List.of("/usr/bin/chromedriver", "/usr/lib/chromium/chromedriver");

  final ChromeDriver driver;
  private final Path profile;

  private Browser(ChromeDriver driver, Path profile) {
    this.driver = driver;
    this.profile = profile;
  }

  /** A browser whose page area is {@code width} x {@code height} CSS pixels. */
  static Browser open(int width, int height) throws IOException {
    String chromium = installed(CHROMIUM);
    String chromedriver = installed(DRIVER);
    Path profile = Files.createTempDirectory("chromium-profile");
    ChromeOptions o = new ChromeOptions();
    o.setBinary(chromium);
    o.addArguments(
        "--headless=new",
        "--no-sandbox",
        "--disable-dev-shm-usage",
        "--disable-gpu",
        "--no-first-run",
        "--user-data-dir=" + profile,
        "--window-size=" + width + "," + height,
        "--hide-scrollbars",
        "--force-device-scale-factor=1");
    ChromeDriverService service =
        new ChromeDriverService.Builder()
            .usingDriverExecutable(new File(chromedriver))
            .usingAnyFreePort()
            .build();
    ChromeDriver d = new ChromeDriver(service, o);
    d.executeCdpCommand(
        "Emulation.setDeviceMetricsOverride",
        Map.of("width", width, "height", height, "deviceScaleFactor", 1, "mobile", width < 600));
    return new Browser(d, profile);
  }

  private static String installed(List<String> candidates) {
    Optional<String> found =
        candidates.stream().filter(p -> Files.isExecutable(Path.of(p))).findFirst();
    if (found.isPresent()) {
      return found.get();
    }
    String msg =
        "not installed: " + candidates.get(0) + " (apt-get install chromium chromium-driver)";
    if ("true".equalsIgnoreCase(System.getenv("CI"))) {
      Assertions.fail("CI=true and the browser tests cannot run: " + msg);
    }
    Assumptions.abort(msg);
    return null;
  }

  /** Waits (wall time, the browser's own pace) up to {@code seconds} for {@code condition}. */
  <T> T until(double seconds, Function<WebDriver, T> condition) {
    // Stale: the page re-drew what the condition was reading (the history table after a rating);
    // look again.
    return new WebDriverWait(
            driver, Duration.ofMillis((long) (seconds * 1000)), Duration.ofMillis(25))
        .ignoring(StaleElementReferenceException.class)
        .until(condition);
  }

  /** A PNG of the whole page at the current width (the viewport stretched to the page's height). */
  byte[] fullPageScreenshot(int width, int minHeight) {
    Number h = (Number) driver.executeScript("return document.documentElement.scrollHeight");
    int height = Math.max(minHeight, h.intValue());
    driver.executeCdpCommand(
        "Emulation.setDeviceMetricsOverride",
        Map.of("width", width, "height", height, "deviceScaleFactor", 1, "mobile", width < 600));
    Map<String, Object> shot =
        driver.executeCdpCommand("Page.captureScreenshot", Map.of("format", "png"));
    driver.executeCdpCommand(
        "Emulation.setDeviceMetricsOverride",
        Map.of("width", width, "height", minHeight, "deviceScaleFactor", 1, "mobile", width < 600));
    return Base64.getDecoder().decode((String) shot.get("data"));
  }

  @Override
  public void close() {
    driver.quit();
    try (var files = Files.walk(profile)) {
      files.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
    } catch (IOException e) {
      // a temp directory left behind
    }
  }
}
