package com.smarttoaster.web;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * The page's files, read once from the jar ({@code /web/...}): no CDN, nothing fetched from
 * elsewhere. Only these paths exist. Each HTML page is {@code page.html} (head, navigation, login
 * form) around its own {@code NAME.main.html}, put together once here, so the three pages cannot
 * drift apart in what they share.
 */
final class StaticFiles {
  record File(byte[] bytes, String contentType) {}

  private static final String HTML = "text/html;charset=utf-8";

  /** Request path of each page, its name (its main part and {@code data-page}) and its title. */
  private static final Map<String, String[]> PAGES =
      Map.of(
          "/", new String[] {"status", "Status"},
          "/history", new String[] {"history", "History"},
          "/model", new String[] {"model", "Model"});

  private static final Map<String, String[]> ASSETS =
      Map.of(
          "/app.css", new String[] {"app.css", "text/css;charset=utf-8"},
          "/app.js", new String[] {"app.js", "text/javascript;charset=utf-8"},
          "/chart.js", new String[] {"chart.js", "text/javascript;charset=utf-8"});

  private final Map<String, File> files;

  StaticFiles() {
    java.util.HashMap<String, File> m = new java.util.HashMap<>();
    String shell = new String(read("page.html"), StandardCharsets.UTF_8);
    PAGES.forEach(
        (path, p) ->
            m.put(
                path,
                new File(
                    shell
                        .replace("{{title}}", p[1])
                        .replace("{{page}}", p[0])
                        .replace(
                            "{{main}}",
                            new String(read(p[0] + ".main.html"), StandardCharsets.UTF_8))
                        .getBytes(StandardCharsets.UTF_8),
                    HTML)));
    ASSETS.forEach((path, f) -> m.put(path, new File(read(f[0]), f[1])));
    files = Map.copyOf(m);
  }

  /** The file at a request path, or null. */
  @Nullable File at(String path) {
    return files.get(path);
  }

  /** Bytes of a page with everything it loads (the page weight). */
  long pageBytes(String path) {
    File page = files.get(path);
    if (page == null) {
      throw new IllegalArgumentException("no page at " + path + "; pages are " + PAGES.keySet());
    }
    return page.bytes().length
        + shipped("/app.css").bytes().length
        + shipped("/app.js").bytes().length
        + shipped("/chart.js").bytes().length;
  }

  /** One of the {@link #ASSETS}, which are all read at construction. */
  private File shipped(String path) {
    return Objects.requireNonNull(files.get(path), path + " is one of the shipped files");
  }

  private static byte[] read(String name) {
    try (InputStream in = StaticFiles.class.getResourceAsStream("/web/" + name)) {
      if (in == null) {
        throw new IllegalStateException(
            "the jar has no /web/" + name + "; it was built without the page");
      }
      return in.readAllBytes();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
