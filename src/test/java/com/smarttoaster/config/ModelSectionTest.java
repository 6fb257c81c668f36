package com.smarttoaster.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.smarttoaster.modellife.TestBundles;
import org.junit.jupiter.api.Test;

/** The model section: the bundle public key is checked when the config loads. */
class ModelSectionTest {
  @Test
  void aValidKeyIsKeptAndNoSectionMeansNoKey() throws Exception {
    String key = TestBundles.publicKeyBase64();
    assertEquals(
        key,
        ConfigLoader.parse(
                ConfigLoaderTest.APPLIANCE + "model:\n  bundlePublicKey: " + key + "\n",
                ConfigLoaderTest.SOURCE)
            .model()
            .bundlePublicKey());
    assertNull(
        ConfigLoader.parse(ConfigLoaderTest.APPLIANCE, ConfigLoaderTest.SOURCE)
            .model()
            .bundlePublicKey());
  }

  @Test
  void aBadKeyIsRefusedNamingTheOptionTheValueAndWhatIsExpected() {
    String notAKey =
        ConfigLoaderTest.onlyProblem(
            ConfigLoaderTest.APPLIANCE
                + "model:\n  bundlePublicKey: AAAAAAAAAAAAAAAAAAAAAAAAAAAA\n");
    assertTrue(
        notAKey.startsWith("model.bundlePublicKey = \"AAAAAAAAAAAAAAAA…\"")
            && notAKey.contains("Ed25519"),
        notAKey);
    String notBase64 =
        ConfigLoaderTest.onlyProblem(
            ConfigLoaderTest.APPLIANCE + "model:\n  bundlePublicKey: 'not base64!'\n");
    assertTrue(
        notBase64.contains("model.bundlePublicKey") && notBase64.contains("base64"), notBase64);
    String unknown =
        ConfigLoaderTest.onlyProblem(ConfigLoaderTest.APPLIANCE + "model:\n  publicKey: x\n");
    assertTrue(unknown.contains("publicKey"), unknown);
  }

  @Test
  void healthThresholdsAreReadWithDefaultsForWhatIsNotSet() throws Exception {
    var h =
        ConfigLoader.parse(
                ConfigLoaderTest.APPLIANCE
                    + "model:\n  health:\n    window: 30\n"
                    + "    maxFallbackRate: 0.1\n",
                ConfigLoaderTest.SOURCE)
            .model()
            .health();
    assertEquals(new com.smarttoaster.monitoring.HealthThresholds(30, 10, 0.1, 0.1, 2.0, 0.5), h);
    assertEquals(
        com.smarttoaster.monitoring.HealthThresholds.defaults(),
        ConfigLoader.parse(ConfigLoaderTest.APPLIANCE, ConfigLoaderTest.SOURCE).model().health());
  }

  @Test
  void aBadThresholdIsRefusedNamingTheOptionTheValueAndTheLimit() {
    String share =
        ConfigLoaderTest.onlyProblem(
            ConfigLoaderTest.APPLIANCE + "model:\n  health:\n    maxFallbackRate: 1.5\n");
    assertTrue(share.contains("model.health.maxFallbackRate") && share.contains("1.5"), share);
    String order =
        ConfigLoaderTest.onlyProblem(
            ConfigLoaderTest.APPLIANCE + "model:\n  health:\n    window: 20\n    minCycles: 40\n");
    assertEquals(
        "model.health.minCycles = 40 is more than model.health.window = 20; the window could never hold"
            + " enough cycles to judge",
        order);
    String unknown =
        ConfigLoaderTest.onlyProblem(
            ConfigLoaderTest.APPLIANCE + "model:\n  health:\n    maxDrift: 2\n");
    assertTrue(unknown.contains("model.health.maxDrift"), unknown);
  }
}
