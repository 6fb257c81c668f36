package com.smarttoaster.config;

import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.security.spec.KeySpec;
import java.util.Base64;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.crypto.SecretKeyFactory;
import javax.crypto.spec.PBEKeySpec;
import org.jspecify.annotations.Nullable;

/**
 * The web login's password, stored only as a PBKDF2-HMAC-SHA256 hash (RFC 8018 §5.2, the JDK's
 * {@code PBKDF2WithHmacSHA256}) in one line: {@code pbkdf2-sha256$ITERATIONS$SALT$HASH}, salt and
 * hash in base64. {@value #ITERATIONS} iterations is OWASP's 2023 figure for this hash (Password
 * Storage Cheat Sheet); a login then costs about a second on a Pi 4, which is what makes guessing
 * slow. Made by {@code smart-toaster web-password}.
 */
public final class PasswordHash {
  static final String SCHEME = "pbkdf2-sha256";
  public static final int ITERATIONS = 600_000;

  /** Below this a stolen hash file is too cheap to guess from. */
  public static final int MIN_ITERATIONS = 100_000;

  static final int MAX_ITERATIONS = 10_000_000;
  private static final int SALT_BYTES = 16;
  private static final int HASH_BITS = 256;
  private static final Pattern LINE =
      Pattern.compile(
          Pattern.quote(SCHEME)
              + "\\$([0-9]{1,9})\\$([A-Za-z0-9+/=]{16,64})\\$([A-Za-z0-9+/=]{43,44})");

  private final int iterations;
  private final byte[] salt;
  private final byte[] hash;

  private PasswordHash(int iterations, byte[] salt, byte[] hash) {
    this.iterations = iterations;
    this.salt = salt;
    this.hash = hash;
  }

  /** A new hash of {@code password} with a random salt. */
  public static String make(char[] password, int iterations) {
    byte[] salt = new byte[SALT_BYTES];
    new SecureRandom().nextBytes(salt);
    Base64.Encoder b64 = Base64.getEncoder();
    return SCHEME
        + "$"
        + iterations
        + "$"
        + b64.encodeToString(salt)
        + "$"
        + b64.encodeToString(derive(password, salt, iterations));
  }

  /** Why {@code line} is not a usable hash, or null when it is. */
  public static @Nullable String problemWith(String line) {
    Matcher m = LINE.matcher(line);
    if (!m.matches()) {
      return "the first line is not a password hash (expected " + SCHEME + "$ITERATIONS$SALT$HASH)";
    }
    long n = Long.parseLong(m.group(1));
    if (n < MIN_ITERATIONS || n > MAX_ITERATIONS) {
      return "the hash has "
          + n
          + " iterations; expected "
          + MIN_ITERATIONS
          + " to "
          + MAX_ITERATIONS;
    }
    return null;
  }

  /**
   * @throws IllegalArgumentException when {@link #problemWith} has something to say
   */
  public static PasswordHash parse(String line) {
    String why = problemWith(line);
    if (why != null) {
      throw new IllegalArgumentException(why);
    }
    Matcher m = LINE.matcher(line);
    m.matches();
    return new PasswordHash(
        Integer.parseInt(m.group(1)),
        Base64.getDecoder().decode(m.group(2)),
        Base64.getDecoder().decode(m.group(3)));
  }

  /** True when {@code password} is the one hashed; compares in constant time. */
  public boolean matches(char[] password) {
    return MessageDigest.isEqual(hash, derive(password, salt, iterations));
  }

  private static byte[] derive(char[] password, byte[] salt, int iterations) {
    try {
      KeySpec spec = new PBEKeySpec(password, salt, iterations, HASH_BITS);
      return SecretKeyFactory.getInstance("PBKDF2WithHmacSHA256").generateSecret(spec).getEncoded();
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("PBKDF2WithHmacSHA256 is missing from this JVM", e);
    }
  }
}
