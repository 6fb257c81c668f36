package com.smarttoaster.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.smarttoaster.modellife.ModelBundle;
import com.smarttoaster.modellife.TestBundles;
import com.smarttoaster.testkit.CliRun;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The {@code model} commands end to end on a temporary state directory, through the jar's command
 * line.
 */
class ModelCommandTest {
  private static final String V1 = "2027.01.10.080000-data1-train1";
  private static final String V2 = "2027.02.20.120000-data1-train2";

  @TempDir Path dir;
  private Path state;
  private Path config;

  /** What one run printed and returned. */
  @BeforeEach
  void deviceConfig() throws IOException {
    state = dir.resolve("state");
    config = dir.resolve("toaster.yaml");
    Files.writeString(
        config,
        "appliance:\n  kind: simulated\n  deviceId: kitchen\n  mainsVoltsNominal: 230\n"
            + "  currentSensorFitted: true\n  stateDir: "
            + state.toAbsolutePath()
            + "\nmodel:\n  bundlePublicKey: "
            + TestBundles.publicKeyBase64()
            + "\n");
  }

  private static CliRun run(String... args) {
    return CliRun.of(args);
  }

  private CliRun model(String command, String... args) {
    String[] all =
        Stream.concat(
                Stream.of("model", command),
                Stream.concat(Stream.of(args), Stream.of("--config", config.toString())))
            .toArray(String[]::new);
    return run(all);
  }

  private Path bundleFile(String name, byte[] bytes) throws IOException {
    Path f = dir.resolve(name);
    Files.write(f, bytes);
    return f;
  }

  private Path bundle(String version) throws IOException {
    return bundleFile(version + ModelBundle.EXTENSION, TestBundles.bundle(version).toBytes());
  }

  @Test
  void aFlippedByteInModelCardOrSignatureIsRefusedByVerifyAndInstallWithExit2AndNothingInstalled()
      throws Exception {
    ModelBundle b = TestBundles.bundle(V1);
    byte[][] parts = {b.model(), b.card(), b.signature()};
    String[] named = {"toast-time.tflite", "toast-time.card.json", "manifest.sig"};
    for (int i = 0; i < parts.length; i++) {
      byte[] file = b.toBytes();
      TestBundles.flipInside(file, parts[i], Math.min(20, parts[i].length - 1));
      Path bad = bundleFile("bad-" + i + ".toastmodel", file);
      for (String command : List.of("verify", "install")) {
        CliRun r = model(command, bad.toString());
        assertEquals(2, r.code(), command + " " + named[i] + ": " + r.err());
        assertEquals(1, r.err().strip().lines().count(), "one line: " + r.err());
        assertTrue(r.err().startsWith("REFUSED: ") && r.err().contains(named[i]), r.err());
        assertFalse(
            r.err().contains("Exception") || r.err().contains("\tat "),
            "no stack trace: " + r.err());
      }
    }
    assertEquals(List.of(), installedFiles(), "nothing installed, no temporary file left");
  }

  @Test
  void installActivateRollbackEndToEnd() throws Exception {
    CliRun verified = model("verify", bundle(V1).toString());
    assertEquals(0, verified.code(), verified.err());
    assertTrue(verified.out().contains("OK: ") && verified.out().contains(V1), verified.out());

    assertEquals(0, model("install", bundle(V1).toString()).code());
    assertEquals(0, model("install", bundle(V2).toString()).code());
    assertEquals(
        0, model("install", bundle(V2).toString()).code(), "the same bundle again changes nothing");
    CliRun list = model("list");
    assertEquals(0, list.code(), list.err());
    List<String> lines = list.out().lines().toList();
    assertEquals(3, lines.size(), list.out());
    assertTrue(
        lines.get(0).startsWith("* factory (2026."),
        "the factory model is active until one is activated: " + list.out());
    assertTrue(
        lines
            .get(1)
            .startsWith("  " + V1 + "  from " + dir.resolve(V1 + ".toastmodel").toAbsolutePath()),
        list.out());
    assertTrue(lines.get(2).startsWith("  " + V2), list.out());

    assertEquals(0, model("activate", V2).code());
    assertTrue(model("list").out().contains("* " + V2), "v2 active");
    assertEquals(0, model("activate", V1).code());
    assertTrue(model("list").out().contains("* " + V1), "v1 active");

    CliRun back = model("rollback");
    assertEquals(0, back.code(), back.err());
    assertTrue(back.out().contains("active model " + V2), back.out());
    assertEquals(0, model("rollback").code());
    assertTrue(model("list").out().contains("* factory"), "rolled back to the factory model");
    CliRun nothing = model("rollback");
    assertEquals(2, nothing.code());
    assertTrue(nothing.err().contains("nothing to roll back to"), nothing.err());
    assertEquals(
        List.of(
            V1 + ".origin.json",
            V1 + ".toastmodel",
            V2 + ".origin.json",
            V2 + ".toastmodel",
            "active.json"),
        installedFiles(),
        "no temporary file left");
  }

  @Test
  void anOlderOrReusedVersionIsRefusedUnlessForced() throws Exception {
    assertEquals(0, model("install", bundle(V2).toString()).code());
    CliRun older = model("install", bundle(V1).toString());
    assertEquals(2, older.code());
    assertTrue(
        older.err().contains("is not newer than " + V2) && older.err().contains("--force"),
        older.err());
    assertEquals(0, model("install", bundle(V1).toString(), "--force").code());

    CliRun beforeFactory = model("install", bundle("2020.01.01-old").toString());
    assertEquals(2, beforeFactory.code());
    assertTrue(
        beforeFactory.err().contains("(the factory model)")
            || beforeFactory.err().contains("not newer"),
        beforeFactory.err());

    // Same version, other bytes (signed again with another card text): versions are unique.
    byte[] card =
        new String(TestBundles.card(V2), java.nio.charset.StandardCharsets.UTF_8)
            .replace("  ", "   ")
            .getBytes(java.nio.charset.StandardCharsets.UTF_8);
    byte[] other =
        com.smarttoaster.modellife.BundleSigner.sign(
                TestBundles.factoryModel(), card, TestBundles.privateKey())
            .toBytes();
    CliRun reused = model("install", bundleFile("other.toastmodel", other).toString(), "--force");
    assertEquals(2, reused.code());
    assertTrue(reused.err().contains("already installed with different contents"), reused.err());
  }

  @Test
  void activatingAVersionThatIsNotInstalledOrNoLongerVerifiesChangesNothing() throws Exception {
    CliRun missing = model("activate", V1);
    assertEquals(2, missing.code());
    assertTrue(missing.err().contains("is not installed"), missing.err());

    assertEquals(0, model("install", bundle(V1).toString()).code());
    Path stored = state.resolve("models").resolve(V1 + ".toastmodel");
    byte[] bytes = Files.readAllBytes(stored);
    TestBundles.flipInside(bytes, TestBundles.factoryModel(), 50);
    Files.write(stored, bytes);
    CliRun tampered = model("activate", V1);
    assertEquals(2, tampered.code());
    assertTrue(tampered.err().contains("toast-time.tflite"), tampered.err());
    assertTrue(model("list").out().contains("* factory"), "still the factory model");
    assertTrue(model("list").out().contains("REFUSED"), "list shows the tampered install");
  }

  @Test
  void withoutAKeyOrStateDirectoryTheCommandsSaySoInOneLine() throws Exception {
    Path bare = dir.resolve("bare.yaml");
    Files.writeString(
        bare,
        "appliance:\n  kind: simulated\n  deviceId: kitchen\n  mainsVoltsNominal: 230\n"
            + "  currentSensorFitted: true\n");
    CliRun noKey = run("model", "verify", bundle(V1).toString(), "--config", bare.toString());
    assertEquals(2, noKey.code());
    assertTrue(noKey.err().contains("model.bundlePublicKey"), noKey.err());
    CliRun noState =
        run(
            "model",
            "list",
            "--config",
            bare.toString(),
            "--public-key",
            TestBundles.publicKeyBase64());
    assertTrue(
        noState.code() == 2 || noState.code() == 0,
        noState.err()); // $STATE_DIRECTORY may be set where tests run
  }

  @Test
  void bundleAndKeygenMakeWhatVerifyAccepts() throws Exception {
    Path key = dir.resolve("signing.pem");
    CliRun keygen = run("model", "keygen", "--private-out", key.toString());
    assertEquals(0, keygen.code(), keygen.err());
    String publicKey =
        keygen
            .out()
            .lines()
            .filter(l -> l.contains("bundlePublicKey:"))
            .findFirst()
            .orElseThrow()
            .split(":", 2)[1]
            .trim();
    Path model = bundleFile("m.tflite", TestBundles.factoryModel());
    Path card = bundleFile("m.card.json", TestBundles.card(V1));
    Path out = dir.resolve("made.toastmodel");
    CliRun made =
        run(
            "model",
            "bundle",
            "--model",
            model.toString(),
            "--card",
            card.toString(),
            "--key",
            key.toString(),
            "--out",
            out.toString());
    assertEquals(0, made.code(), made.err());
    assertEquals(0, run("model", "verify", out.toString(), "--public-key", publicKey).code());
    CliRun wrongKey =
        run("model", "verify", out.toString(), "--public-key", TestBundles.publicKeyBase64());
    assertEquals(2, wrongKey.code());
    assertEquals(
        2,
        run("model", "keygen", "--private-out", key.toString()).code(),
        "never overwrites a key");
  }

  /**
   * The model directory's files, but the install lock (a lasting, empty file the OS lock is taken
   * on).
   */
  private List<String> installedFiles() throws IOException {
    Path models = state.resolve("models");
    if (!Files.isDirectory(models)) {
      return List.of();
    }
    try (Stream<Path> s = Files.list(models)) {
      return s.map(p -> p.getFileName().toString())
          .filter(n -> !n.equals(".install.lock"))
          .sorted()
          .toList();
    }
  }
}
