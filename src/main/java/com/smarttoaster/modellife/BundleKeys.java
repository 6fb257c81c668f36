package com.smarttoaster.modellife;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.spec.PKCS8EncodedKeySpec;
import java.security.spec.X509EncodedKeySpec;
import java.util.Base64;

/**
 * Ed25519 keys in the two forms this project uses, both what {@code openssl} and the JDK write: the
 * public key as one base64 line of its X.509 SubjectPublicKeyInfo (44 bytes, 60 characters; {@code
 * openssl pkey -pubout -outform DER | base64 -w0}), which goes into the device's config, and the
 * private key as a PKCS#8 PEM file ({@code openssl genpkey -algorithm ed25519}), which stays with
 * whoever signs bundles and never goes into the repository or onto a device.
 */
public final class BundleKeys {
  static final String ALGORITHM = "Ed25519";
  private static final String PEM_BEGIN = "-----BEGIN PRIVATE KEY-----";
  private static final String PEM_END = "-----END PRIVATE KEY-----";

  /** An X.509-encoded Ed25519 public key is 44 bytes; anything much longer is not one. */
  private static final int MAX_PUBLIC_KEY_CHARS = 200;

  private BundleKeys() {}

  /**
   * @param base64 the config's value
   * @throws BundleException saying what is wrong with it
   */
  public static PublicKey publicKey(String base64) throws BundleException {
    if (base64 == null || base64.isBlank()) {
      throw new BundleException(
          "no public key: expected one base64 line of an Ed25519 public key (X.509)");
    }
    if (base64.length() > MAX_PUBLIC_KEY_CHARS) {
      throw new BundleException(
          "public key is "
              + base64.length()
              + " characters; an Ed25519 public key in base64"
              + " (X.509) is 60");
    }
    byte[] der;
    try {
      der = Base64.getDecoder().decode(base64.trim());
    } catch (IllegalArgumentException e) {
      throw new BundleException("public key is not base64: " + e.getMessage());
    }
    try {
      return KeyFactory.getInstance(ALGORITHM).generatePublic(new X509EncodedKeySpec(der));
    } catch (GeneralSecurityException e) {
      throw new BundleException(
          "public key ("
              + der.length
              + " bytes) is not an Ed25519 public key in X.509 form;"
              + " write it with `model keygen` or openssl pkey -pubout -outform DER | base64 -w0");
    }
  }

  /** The config's form of {@code key}: base64 of its X.509 encoding. */
  public static String toBase64(PublicKey key) {
    return Base64.getEncoder().encodeToString(key.getEncoded());
  }

  /**
   * @param pemFile a PKCS#8 PEM file holding an Ed25519 private key
   * @throws BundleException when the file cannot be read or holds no such key
   */
  public static PrivateKey privateKey(Path pemFile) throws BundleException {
    String text;
    try {
      if (Files.size(pemFile) > 10_000) {
        throw new BundleException(
            "private key file " + pemFile + " is larger than a PEM Ed25519 key can be");
      }
      text = Files.readString(pemFile, StandardCharsets.US_ASCII);
    } catch (IOException e) {
      throw new BundleException(
          "cannot read the private key file " + pemFile + ": " + e.getMessage());
    }
    int begin = text.indexOf(PEM_BEGIN);
    int end = text.indexOf(PEM_END);
    if (begin < 0 || end < begin) {
      throw new BundleException(
          "private key file "
              + pemFile
              + " is not a PEM private key ("
              + PEM_BEGIN
              + " … "
              + PEM_END
              + ")");
    }
    try {
      byte[] der = Base64.getMimeDecoder().decode(text.substring(begin + PEM_BEGIN.length(), end));
      return KeyFactory.getInstance(ALGORITHM).generatePrivate(new PKCS8EncodedKeySpec(der));
    } catch (IllegalArgumentException | GeneralSecurityException e) {
      throw new BundleException(
          "private key file " + pemFile + " holds no Ed25519 private key (PKCS#8)");
    }
  }

  /** A fresh key pair (for {@code model keygen}). */
  public static KeyPair generate() {
    try {
      return KeyPairGenerator.getInstance(ALGORITHM).generateKeyPair();
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("every Java 15+ runtime has Ed25519", e);
    }
  }

  /** {@code key} as a PKCS#8 PEM file's text. */
  public static String toPem(PrivateKey key) {
    return PEM_BEGIN
        + "\n"
        + Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII))
            .encodeToString(key.getEncoded())
        + "\n"
        + PEM_END
        + "\n";
  }
}
