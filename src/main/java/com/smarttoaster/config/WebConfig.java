package com.smarttoaster.config;

import java.nio.file.Path;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * The {@code web} section: the toaster's own web page (docs/web.md). Off unless the section is
 * present. Secrets are never held here, only the files they are read from, so this record can be
 * logged.
 *
 * @param bindAddress the IP address the page listens on (127.0.0.1 by default: this machine only)
 * @param port the TCP port, 1024..65535 (the service runs without CAP_NET_BIND_SERVICE)
 * @param passwordHashFile a file made by {@code smart-toaster web-password}: the PBKDF2 hash of the
 *     login password; null when a token file is used instead
 * @param tokenFile a file whose first line is a long random token used as the password; null when a
 *     password hash file is used
 * @param certFile PEM certificate (chain) for HTTPS, or null for plain HTTP
 * @param keyFile its unencrypted PKCS#8 PEM key ({@code BEGIN PRIVATE KEY}), the same format as the
 *     MQTT client key; set exactly when certFile is
 * @param sessionMinutes a login lasts this long without use, min
 */
public record WebConfig(
    String bindAddress,
    int port,
    @Nullable Path passwordHashFile,
    @Nullable Path tokenFile,
    @Nullable Path certFile,
    @Nullable Path keyFile,
    int sessionMinutes) {
  public static final String DEFAULT_BIND_ADDRESS = "127.0.0.1";
  public static final int DEFAULT_PORT = 8080;
  public static final int DEFAULT_SESSION_MINUTES = 60;

  public WebConfig {
    Objects.requireNonNull(bindAddress, "bindAddress");
    if ((passwordHashFile == null) == (tokenFile == null)) {
      throw new IllegalArgumentException("exactly one of passwordHashFile and tokenFile is needed");
    }
    if ((certFile == null) != (keyFile == null)) {
      throw new IllegalArgumentException("certFile and keyFile go together");
    }
  }

  /** True when the page is served over HTTPS. */
  public boolean usesTls() {
    return certFile != null;
  }

  /** For logs: where the page is and how one logs in, never a secret. */
  public String summary() {
    return (usesTls() ? "https://" : "http://")
        + (bindAddress.contains(":") ? "[" + bindAddress + "]" : bindAddress)
        + ":"
        + port
        + "/, login by "
        + (passwordHashFile != null
            ? "password (" + passwordHashFile + ")"
            : "token (" + tokenFile + ")");
  }
}
