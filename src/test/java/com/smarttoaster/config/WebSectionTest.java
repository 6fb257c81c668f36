package com.smarttoaster.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The web section: off unless present, a login always required, its files read and checked at load.
 */
class WebSectionTest {
  @TempDir Path dir;

  private Path file(String name, String content) throws Exception {
    return Files.writeString(dir.resolve(name), content);
  }

  private static String web(String options) {
    return ConfigLoaderTest.APPLIANCE + "web:\n" + options;
  }

  @Test
  void noSectionMeansNoPageAndAValidOneIsKeptWithItsDefaults() throws Exception {
    assertNull(ConfigLoader.parse(ConfigLoaderTest.APPLIANCE, ConfigLoaderTest.SOURCE).web());
    Path token = file("token", "a".repeat(40) + "\n");
    WebConfig w =
        ConfigLoader.parse(web("  tokenFile: " + token + "\n"), ConfigLoaderTest.SOURCE).web();
    assertEquals("127.0.0.1", w.bindAddress());
    assertEquals(8080, w.port());
    assertEquals(token, w.tokenFile());
    assertEquals(false, w.usesTls());
    Path hash = file("hash", PasswordHash.make("correct horse".toCharArray(), 100_000) + "\n");
    WebConfig h =
        ConfigLoader.parse(
                web("  bindAddress: 0.0.0.0\n  port: 8443\n  passwordHashFile: " + hash + "\n"),
                ConfigLoaderTest.SOURCE)
            .web();
    assertEquals("0.0.0.0", h.bindAddress());
    assertEquals(8443, h.port());
  }

  @Test
  void aPageWithoutALoginIsRefused() {
    String p = ConfigLoaderTest.onlyProblem(web("  port: 8080\n"));
    assertTrue(
        p.startsWith("web needs exactly one of passwordHashFile and tokenFile (neither is set)"),
        p);
  }

  @Test
  void badValuesAreRefusedNamingOptionValueAndLimit() throws Exception {
    Path token = file("token", "a".repeat(40));
    String port = ConfigLoaderTest.onlyProblem(web("  tokenFile: " + token + "\n  port: 80\n"));
    assertTrue(port.startsWith("web.port = 80") && port.contains("1024"), port);
    String host =
        ConfigLoaderTest.onlyProblem(
            web("  tokenFile: " + token + "\n  bindAddress: toaster.lan\n"));
    assertTrue(
        host.startsWith("web.bindAddress = \"toaster.lan\"") && host.contains("IP address"), host);
    String shortToken =
        ConfigLoaderTest.onlyProblem(web("  tokenFile: " + file("short", "abc") + "\n"));
    assertTrue(
        shortToken.contains("holds a token of 3 characters; expected at least 32"), shortToken);
    String notAHash =
        ConfigLoaderTest.onlyProblem(web("  passwordHashFile: " + file("plain", "hunter2") + "\n"));
    assertTrue(
        notAHash.contains("the first line is not a password hash")
            && notAHash.contains("web-password"),
        notAHash);
    String missing =
        ConfigLoaderTest.onlyProblem(web("  tokenFile: " + dir.resolve("nope") + "\n"));
    assertTrue(
        missing.startsWith("web.tokenFile = \"" + dir.resolve("nope") + "\" does not exist"),
        missing);
    String certOnly =
        ConfigLoaderTest.onlyProblem(
            web("  tokenFile: " + token + "\n  certFile: " + token + "\n"));
    assertTrue(certOnly.startsWith("web.certFile is set but web.keyFile is not"), certOnly);
    String unknown =
        ConfigLoaderTest.onlyProblem(web("  tokenFile: " + token + "\n  password: x\n"));
    assertTrue(unknown.contains("password"), unknown);
  }
}
