package com.smarttoaster.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** Each page is the shared shell around its own part, with nothing of the template left over. */
class StaticFilesTest {
  private final StaticFiles files = new StaticFiles();

  private String page(String path) {
    StaticFiles.File f = files.at(path);
    assertNotNull(f, path);
    assertEquals("text/html;charset=utf-8", f.contentType());
    return new String(f.bytes(), StandardCharsets.UTF_8);
  }

  @Test
  void everyPageHasItsOwnTitleAndNameAndTheSharedNavigationAndLogin() {
    String[][] pages = {
      {"/", "status", "Status"}, {"/history", "history", "History"}, {"/model", "model", "Model"}
    };
    for (String[] p : pages) {
      String html = page(p[0]);
      assertFalse(html.contains("{{"), p[0] + " still holds a placeholder");
      assertTrue(html.contains("<title>" + p[2] + " · Toaster</title>"), html);
      assertTrue(html.contains("<body data-page=\"" + p[1] + "\">"), html);
      assertTrue(html.contains("<form id=\"login\""), p[0]);
      assertTrue(html.contains("<a href=\"/model\" id=\"nav-model\">Model</a>"), p[0]);
      assertTrue(html.endsWith("</main>\n</body>\n</html>\n"), p[0]);
    }
    assertTrue(page("/model").contains("<table id=\"monitoring\">"), "the model page's own part");
  }

  @Test
  void theTemplateAndThePartsAreNotServedOnTheirOwn() {
    assertNull(files.at("/page.html"));
    assertNull(files.at("/status.main.html"));
    assertNull(files.at("/status.html"));
  }
}
