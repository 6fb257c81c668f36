package com.smarttoaster.web;

import com.smarttoaster.config.PasswordHash;
import com.smarttoaster.config.WebConfig;
import com.smarttoaster.hal.Clock;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * Checks a login secret against the configured password hash or token (read once at start), and
 * slows guessing: after {@value #FREE_FAILURES} failures in a row every attempt waits {@value
 * #LOCK_S} s after the last failure (wall time), right or wrong, so a guesser learns nothing
 * faster.
 */
final class LoginCheck {
  static final int FREE_FAILURES = 5;
  static final long LOCK_S = 10;

  /**
   * Longer secrets are refused unhashed (PBKDF2 on megabytes would be a cheap way to busy the Pi).
   */
  static final int MAX_SECRET_CHARS = 256;

  /** Exactly one of the two is set: the config names a password hash file or a token file. */
  private final @Nullable PasswordHash hash;

  private final byte @Nullable [] token;
  private final Clock wall;
  private int failuresInARow;
  private long lastFailureNanos;

  private LoginCheck(@Nullable PasswordHash hash, byte @Nullable [] token, Clock wall) {
    this.hash = hash;
    this.token = token;
    this.wall = wall;
  }

  /**
   * @throws IOException when the file cannot be read; IllegalArgumentException when its content is
   *     wrong
   */
  static LoginCheck from(WebConfig c, Clock wall) throws IOException {
    Path hashFile = c.passwordHashFile();
    if (hashFile != null) {
      return new LoginCheck(PasswordHash.parse(firstLine(hashFile)), null, wall);
    }
    Path tokenFile = c.tokenFile();
    if (tokenFile == null) { // the config loader refuses a web section without either
      throw new IllegalArgumentException("neither web.passwordHashFile nor web.tokenFile is set");
    }
    return new LoginCheck(null, firstLine(tokenFile).getBytes(StandardCharsets.UTF_8), wall);
  }

  static LoginCheck ofToken(String token, Clock wall) {
    return new LoginCheck(null, token.getBytes(StandardCharsets.UTF_8), wall);
  }

  static LoginCheck ofHash(String hashLine, Clock wall) {
    return new LoginCheck(PasswordHash.parse(hashLine), null, wall);
  }

  boolean usesToken() {
    return token != null;
  }

  /** Null when the secret is right; otherwise why the login is refused. */
  synchronized @Nullable String check(@Nullable String secret) {
    long waitS = lockedForS();
    if (waitS > 0) {
      return "too many wrong logins; try again in " + waitS + " s";
    }
    boolean ok = secret != null && secret.length() <= MAX_SECRET_CHARS && matches(secret);
    if (ok) {
      failuresInARow = 0;
      return null;
    }
    failuresInARow++;
    lastFailureNanos = wall.nanos();
    return "wrong " + (token != null ? "token" : "password");
  }

  /**
   * True for the configured token (an API client's {@code Authorization: Bearer}); never for a
   * password.
   */
  synchronized boolean acceptsBearer(String secret) {
    return token != null
        && lockedForS() == 0
        && secret != null
        && secret.length() <= MAX_SECRET_CHARS
        && matches(secret);
  }

  private boolean matches(String secret) {
    if (token != null) {
      return MessageDigest.isEqual(token, secret.getBytes(StandardCharsets.UTF_8));
    }
    return Objects.requireNonNull(hash, "a login check has a token or a password hash")
        .matches(secret.toCharArray());
  }

  private long lockedForS() {
    if (failuresInARow < FREE_FAILURES) {
      return 0;
    }
    long left = LOCK_S * 1_000_000_000L - (wall.nanos() - lastFailureNanos);
    return left <= 0 ? 0 : (left + 999_999_999L) / 1_000_000_000L;
  }

  private static String firstLine(Path file) throws IOException {
    String s = Files.readString(file, StandardCharsets.UTF_8);
    int end = s.indexOf('\n');
    return (end < 0 ? s : s.substring(0, end)).replace("\r", "");
  }
}
