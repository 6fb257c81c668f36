package com.smarttoaster.config;

import com.fasterxml.jackson.databind.node.TextNode;
import com.smarttoaster.input.Format;
import com.smarttoaster.input.ObjectFields;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * The optional {@code web} section. The login files are read here too, so that a password hash in
 * the wrong format or a short token is a config error ({@code check-config} names it) and not a
 * page nobody can log in to.
 */
final class WebSection {
  static final List<String> OPTIONS =
      List.of(
          "bindAddress",
          "port",
          "passwordHashFile",
          "tokenFile",
          "certFile",
          "keyFile",
          "sessionMinutes");

  /** An IPv4 or IPv6 literal; host names are refused so the page never binds where DNS says. */
  static final Pattern IP_LITERAL =
      Pattern.compile(
          "((25[0-5]|2[0-4][0-9]|1[0-9]{2}|[1-9]?[0-9])\\.){3}(25[0-5]|2[0-4][0-9]|1[0-9]{2}|[1-9]?[0-9])"
              + "|[0-9A-Fa-f:]{2,39}");

  static final Pattern FILE_NAME = Pattern.compile("[^\\x00-\\x1f\\x7f]{1,4096}");

  /** A token shorter than this could be guessed; 32 characters of base64 are 192 bits. */
  static final int MIN_TOKEN_CHARS = 32;

  static final long MAX_LOGIN_FILE_BYTES = 4096;

  private WebSection() {}

  static @Nullable WebConfig read(ObjectFields f) {
    String bind =
        f.text(
                "bindAddress",
                false,
                IP_LITERAL,
                "an IP address such as 127.0.0.1 (this machine only), 0.0.0.0 (every network) or 192.168.1.20")
            .orElse(WebConfig.DEFAULT_BIND_ADDRESS);
    int port = (int) f.integer("port", 1024, 65535).orElse(WebConfig.DEFAULT_PORT);
    Path hash = loginFile(f, "passwordHashFile", "a file made by `smart-toaster web-password`");
    Path token =
        loginFile(
            f,
            "tokenFile",
            "a file whose first line is a token of at least "
                + MIN_TOKEN_CHARS
                + " characters (e.g. `openssl rand -base64 32`)");
    Path cert = loginFile(f, "certFile", "a PEM certificate (-----BEGIN CERTIFICATE-----)");
    Path key = loginFile(f, "keyFile", "a PEM PKCS#8 private key (BEGIN PRIVATE KEY)");
    int session =
        (int) f.integer("sessionMinutes", 5, 1440).orElse(WebConfig.DEFAULT_SESSION_MINUTES);
    boolean ok = true;
    if (f.has("passwordHashFile") == f.has("tokenFile")) {
      f.problems()
          .add(
              f.path("passwordHashFile"),
              f.path()
                  + " needs exactly one of passwordHashFile and tokenFile"
                  + (f.has("tokenFile") ? " (both are set)" : " (neither is set)")
                  + ": the page can cancel and change settings, so it never runs without a login");
      ok = false;
    }
    if (f.has("certFile") != f.has("keyFile")) {
      String given = f.has("certFile") ? "certFile" : "keyFile";
      String missing = f.has("certFile") ? "keyFile" : "certFile";
      f.problems()
          .add(
              f.path(missing),
              f.path(given)
                  + " is set but "
                  + f.path(missing)
                  + " is not; HTTPS needs both the certificate and its private key");
      ok = false;
    }
    if (hash != null) {
      ok &= checkHash(f, hash);
    }
    if (token != null) {
      ok &= checkToken(f, token);
    }
    if (!ok
        || (hash == null && token == null)
        || (f.has("certFile") && (cert == null || key == null))) {
      return null;
    }
    return new WebConfig(bind, port, hash, token, cert, key, session);
  }

  private static @Nullable Path loginFile(ObjectFields f, String key, String what) {
    Optional<String> name = f.text(key, false, FILE_NAME, "the path of " + what);
    if (name.isEmpty()) {
      return null;
    }
    Path p = Path.of(name.get());
    boolean secret = !key.endsWith("certFile") && !key.equals("keyFile");
    String problem =
        ConfigFile.problemWith(
            p, secret ? MAX_LOGIN_FILE_BYTES : Long.MAX_VALUE, "expected at most ");
    if (problem != null) {
      f.problems()
          .add(
              f.path(key),
              f.path(key)
                  + " = "
                  + Format.value(TextNode.valueOf(name.get()))
                  + " "
                  + problem
                  + "; expected "
                  + what);
      return null;
    }
    return p;
  }

  private static boolean checkHash(ObjectFields f, Path file) {
    String why = PasswordHash.problemWith(firstLine(file));
    if (why != null) {
      f.problems()
          .add(
              f.path("passwordHashFile"),
              f.path("passwordHashFile")
                  + " = \""
                  + file
                  + "\": "
                  + why
                  + "; make it with `smart-toaster web-password --out "
                  + file
                  + "`");
      return false;
    }
    return true;
  }

  private static boolean checkToken(ObjectFields f, Path file) {
    String t = firstLine(file);
    if (t.length() < MIN_TOKEN_CHARS || !t.chars().allMatch(c -> c > 0x20 && c < 0x7f)) {
      f.problems()
          .add(
              f.path("tokenFile"),
              f.path("tokenFile")
                  + " = \""
                  + file
                  + "\" holds a token of "
                  + t.length()
                  + " characters; expected at least "
                  + MIN_TOKEN_CHARS
                  + " printable characters without spaces on the first"
                  + " line (make one with `openssl rand -base64 32`)");
      return false;
    }
    return true;
  }

  /** The file's first line, without its line end; "" when unreadable (the file checks said why). */
  static String firstLine(Path file) {
    try {
      String s = Files.readString(file, StandardCharsets.UTF_8);
      int end = s.indexOf('\n');
      return (end < 0 ? s : s.substring(0, end)).replace("\r", "");
    } catch (IOException e) { // also text that is not UTF-8
      return "";
    }
  }
}
