package com.smarttoaster.remote;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyStore;
import java.security.PrivateKey;
import java.security.SecureRandom;
import java.security.cert.Certificate;
import java.security.cert.CertificateFactory;
import java.security.spec.PKCS8EncodedKeySpec;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collection;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLSocketFactory;
import javax.net.ssl.TrustManagerFactory;
import org.jspecify.annotations.Nullable;

/**
 * Builds the TLS socket factory from PEM files, as Mosquitto's own files are written: a CA file
 * (one or more certificates) to trust the broker, and optionally a client certificate with its
 * unencrypted PKCS#8 key ({@code BEGIN PRIVATE KEY}; RSA, EC or Ed25519). Key material stays in
 * memory; nothing of it is logged.
 */
public final class TlsFiles {
  private static final Pattern PEM_KEY =
      Pattern.compile("-----BEGIN PRIVATE KEY-----([A-Za-z0-9+/=\\s]+)-----END PRIVATE KEY-----");

  private TlsFiles() {}

  /**
   * @param caFile CA certificates, or null for the JVM's default trust store
   * @param certFile client certificate (chain), or null for none
   * @param keyFile its private key, or null for none
   * @throws TransportException naming the file and what is wrong with it
   */
  public static SSLSocketFactory socketFactory(
      @Nullable Path caFile, @Nullable Path certFile, @Nullable Path keyFile) {
    try {
      TrustManagerFactory tmf = null;
      if (caFile != null) {
        KeyStore trust = KeyStore.getInstance("PKCS12");
        trust.load(null, null);
        int i = 0;
        for (Certificate c : certificates(caFile)) {
          trust.setCertificateEntry("ca-" + i++, c);
        }
        tmf = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
        tmf.init(trust);
      }
      KeyManagerFactory kmf = null;
      if (certFile != null && keyFile != null) {
        char[] pass = randomPassword();
        KeyStore keys = KeyStore.getInstance("PKCS12");
        keys.load(null, null);
        keys.setKeyEntry(
            "client",
            privateKey(keyFile),
            pass,
            certificates(certFile).toArray(new Certificate[0]));
        kmf = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
        kmf.init(keys, pass);
      }
      SSLContext ctx = SSLContext.getInstance("TLS");
      ctx.init(
          kmf == null ? null : kmf.getKeyManagers(),
          tmf == null ? null : tmf.getTrustManagers(),
          null);
      return ctx.getSocketFactory();
    } catch (GeneralSecurityException | IOException e) {
      throw new TransportException("cannot set up TLS: " + e.getMessage(), e);
    }
  }

  /**
   * A key store holding one server (or client) certificate chain and its key, from the same PEM
   * files as the MQTT client certificate (the web page's HTTPS uses it).
   *
   * @throws TransportException naming the file and what is wrong with it
   */
  public static KeyStore keyStore(Path certFile, Path keyFile, char[] password) {
    try {
      KeyStore keys = KeyStore.getInstance("PKCS12");
      keys.load(null, null);
      keys.setKeyEntry(
          "server",
          privateKey(keyFile),
          password,
          certificates(certFile).toArray(new Certificate[0]));
      return keys;
    } catch (GeneralSecurityException | IOException e) {
      throw new TransportException(
          "cannot set up TLS from " + certFile + " and " + keyFile + ": " + e.getMessage(), e);
    }
  }

  private static List<Certificate> certificates(Path file) {
    try (InputStream in = Files.newInputStream(file)) {
      Collection<? extends Certificate> certs =
          CertificateFactory.getInstance("X.509").generateCertificates(in);
      if (certs.isEmpty()) {
        throw new TransportException(
            file + " holds no certificate; expected PEM (-----BEGIN CERTIFICATE-----)");
      }
      return new ArrayList<>(certs);
    } catch (IOException | GeneralSecurityException e) {
      throw new TransportException(
          "cannot read certificates from "
              + file
              + " ("
              + e.getMessage()
              + "); expected PEM (-----BEGIN CERTIFICATE-----)",
          e);
    }
  }

  private static PrivateKey privateKey(Path file) {
    String pem;
    try {
      pem = Files.readString(file, StandardCharsets.US_ASCII);
    } catch (IOException e) {
      throw new TransportException("cannot read the client key " + file + ": " + e.getMessage(), e);
    }
    Matcher m = PEM_KEY.matcher(pem);
    if (!m.find()) {
      throw new TransportException(
          "the client key "
              + file
              + " is not an unencrypted PKCS#8 PEM key"
              + " (-----BEGIN PRIVATE KEY-----); convert it with: openssl pkcs8 -topk8 -nocrypt -in KEY -out KEY.pk8");
    }
    byte[] der = Base64.getMimeDecoder().decode(m.group(1));
    PKCS8EncodedKeySpec spec = new PKCS8EncodedKeySpec(der);
    for (String alg : List.of("RSA", "EC", "Ed25519")) {
      try {
        return KeyFactory.getInstance(alg).generatePrivate(spec);
      } catch (GeneralSecurityException e) {
        // try the next algorithm
      }
    }
    throw new TransportException(
        "the client key " + file + " is neither an RSA, EC nor Ed25519 PKCS#8 key");
  }

  private static char[] randomPassword() {
    SecureRandom r = new SecureRandom();
    char[] c = new char[24];
    for (int i = 0; i < c.length; i++) {
      c[i] = (char) ('a' + r.nextInt(26));
    }
    return c;
  }
}
