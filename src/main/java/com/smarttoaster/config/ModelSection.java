package com.smarttoaster.config;

import com.smarttoaster.input.ObjectFields;
import com.smarttoaster.modellife.BundleException;
import com.smarttoaster.modellife.BundleKeys;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

/** The optional {@code model} section (signed model bundles, README "The life of a model"). */
final class ModelSection {
  static final List<String> OPTIONS = List.of("bundlePublicKey");
  /** Base64 characters, at most what a key could take (an Ed25519 X.509 key is 60). */
  static final Pattern BASE64 = Pattern.compile("[A-Za-z0-9+/=]{1,200}");

  private ModelSection() {}

  static ModelConfig read(ObjectFields f) {
    Optional<String> key = f.text("bundlePublicKey", false, BASE64,
        "one base64 line of an Ed25519 public key (60 characters, from `model keygen`)");
    if (key.isPresent()) {
      try {
        BundleKeys.publicKey(key.get());
      } catch (BundleException e) {
        String shown = key.get().length() > 16 ? key.get().substring(0, 16) + "…" : key.get();
        f.problems().add(f.path("bundlePublicKey"), f.path("bundlePublicKey") + " = \"" + shown + "\": "
            + e.getMessage());
        return ModelConfig.none();
      }
    }
    return new ModelConfig(key.orElse(null));
  }
}
