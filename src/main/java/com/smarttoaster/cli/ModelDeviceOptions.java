package com.smarttoaster.cli;

import com.smarttoaster.config.ConfigException;
import com.smarttoaster.config.ConfigLoader;
import com.smarttoaster.config.ToasterConfig;
import com.smarttoaster.modellife.ActiveModel;
import com.smarttoaster.modellife.BundleException;
import com.smarttoaster.modellife.BundleKeys;
import com.smarttoaster.modellife.BundleVerifier;
import com.smarttoaster.modellife.ModelStore;
import com.smarttoaster.service.StateDirectory;
import java.nio.file.Path;
import java.security.PublicKey;
import java.util.Map;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import picocli.CommandLine.Option;

/**
 * Where the {@code model} commands find the device's public key and state directory: the device's
 * config (its {@code model.bundlePublicKey} and {@code appliance.stateDir}, else {@code
 * $STATE_DIRECTORY} as under systemd), each overridable on the command line.
 */
final class ModelDeviceOptions {
  @Option(
      names = "--config",
      paramLabel = "FILE",
      description =
          "The device's config (e.g. /etc/smart-toaster/pi.yaml): model.bundlePublicKey and appliance.stateDir.")
  Path config;

  @Option(
      names = "--state-dir",
      paramLabel = "DIR",
      description =
          "The service's state directory (default: appliance.stateDir, else $STATE_DIRECTORY).")
  Path stateDir;

  @Option(
      names = "--public-key",
      paramLabel = "BASE64",
      description =
          "The Ed25519 public key bundles must be signed for (default: the config's model.bundlePublicKey).")
  String publicKey;

  /** Environment, replaceable by tests. */
  Map<String, String> environment = System.getenv();

  private @Nullable ToasterConfig loaded;

  PublicKey key() throws BundleException {
    String b64 = publicKey;
    if (b64 == null) {
      ToasterConfig cfg = config();
      b64 = cfg == null ? null : cfg.model().bundlePublicKey();
    }
    if (b64 == null) {
      throw new BundleException(
          "no public key to verify bundles with: set model.bundlePublicKey in the device's"
              + " config and give it with --config FILE (or give --public-key BASE64)");
    }
    return BundleKeys.publicKey(b64);
  }

  ModelStore store() throws BundleException {
    Path dir = stateDir;
    if (dir == null) {
      ToasterConfig cfg = config();
      Optional<StateDirectory> chosen =
          StateDirectory.choose(cfg == null ? null : cfg.appliance().stateDir(), environment);
      dir =
          chosen
              .map(StateDirectory::path)
              .orElseThrow(
                  () ->
                      new BundleException(
                          "no state directory: set"
                              + " appliance.stateDir in the config given with --config, or give --state-dir DIR"));
    }
    return new ModelStore(dir, new BundleVerifier(key()), ActiveModel.factoryVersion());
  }

  private @Nullable ToasterConfig config() throws BundleException {
    if (config == null) {
      return null;
    }
    if (loaded == null) {
      try {
        loaded = ConfigLoader.load(config);
      } catch (ConfigException e) {
        throw new BundleException(e.getMessage().replace('\n', ' '));
      }
    }
    return loaded;
  }
}
