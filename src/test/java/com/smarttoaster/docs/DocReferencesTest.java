package com.smarttoaster.docs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Every reference in the repository's documentation resolves: relative Markdown links, and paths in
 * backticks that name a file or directory of the repository. The design brief (DESIGN.md) is not in
 * the repository, so nothing may send a reader to it.
 */
class DocReferencesTest {
  private static final Pattern LINK = Pattern.compile("\\]\\(([^)#\\s]+)");
  private static final Pattern PATH =
      Pattern.compile("`((?:src|config|docs|hardware|systemd|\\.ci)/[^`\\s]*)`");

  static List<Path> documents() throws IOException {
    List<Path> docs = new ArrayList<>(List.of(Path.of("README.md")));
    for (String dir : List.of("docs", "hardware", "systemd")) {
      try (Stream<Path> files = Files.list(Path.of(dir))) {
        files.filter(p -> p.toString().endsWith(".md")).sorted().forEach(docs::add);
      }
    }
    return docs;
  }

  @Test
  void everyLinkAndPathResolves() throws IOException {
    List<String> broken = new ArrayList<>();
    for (Path doc : documents()) {
      String text = Files.readString(doc);
      Matcher link = LINK.matcher(text);
      while (link.find()) {
        String target = link.group(1);
        if (!target.contains("://")
            && !target.startsWith("mailto:")
            && !Files.exists(doc.toAbsolutePath().getParent().resolve(target))) {
          broken.add(doc + ": link " + target);
        }
      }
      Matcher path = PATH.matcher(text);
      while (path.find()) {
        String p = path.group(1).replaceAll("[.,:;]+$", "");
        if (!p.contains("*") && !p.contains("<") && !Files.exists(Path.of(p))) {
          broken.add(doc + ": path " + p);
        }
      }
    }
    assertEquals(List.of(), broken);
  }

  @Test
  void nothingPointsToTheDesignBrief() throws IOException {
    for (Path doc : documents()) {
      assertTrue(
          !Files.readString(doc).contains("DESIGN.md"),
          doc + " cites DESIGN.md, which is not in the repository");
    }
  }
}
