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
    assertEquals(key, ConfigLoader.parse(ConfigLoaderTest.APPLIANCE + "model:\n  bundlePublicKey: " + key + "\n",
        ConfigLoaderTest.SOURCE).model().bundlePublicKey());
    assertNull(ConfigLoader.parse(ConfigLoaderTest.APPLIANCE, ConfigLoaderTest.SOURCE).model().bundlePublicKey());
  }

  @Test
  void aBadKeyIsRefusedNamingTheOptionTheValueAndWhatIsExpected() {
    String notAKey = ConfigLoaderTest.onlyProblem(ConfigLoaderTest.APPLIANCE
        + "model:\n  bundlePublicKey: AAAAAAAAAAAAAAAAAAAAAAAAAAAA\n");
    assertTrue(notAKey.startsWith("model.bundlePublicKey = \"AAAAAAAAAAAAAAAA…\"") && notAKey.contains("Ed25519"),
        notAKey);
    String notBase64 = ConfigLoaderTest.onlyProblem(ConfigLoaderTest.APPLIANCE + "model:\n  bundlePublicKey: 'not base64!'\n");
    assertTrue(notBase64.contains("model.bundlePublicKey") && notBase64.contains("base64"), notBase64);
    String unknown = ConfigLoaderTest.onlyProblem(ConfigLoaderTest.APPLIANCE + "model:\n  publicKey: x\n");
    assertTrue(unknown.contains("publicKey"), unknown);
  }
}
