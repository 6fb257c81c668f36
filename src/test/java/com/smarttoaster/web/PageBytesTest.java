package com.smarttoaster.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** The page weight is asked of a served page only, and of a page that exists. */
class PageBytesTest {
  @Test
  void anApplianceWithoutAPageSaysItServesNone() {
    IllegalStateException e =
        assertThrows(IllegalStateException.class, () -> WebServer.NONE.pageBytes("/"));
    assertEquals("no web page is served: the config has no web section", e.getMessage());
  }

  @Test
  void anUnknownPathIsNamed() {
    IllegalArgumentException e =
        assertThrows(IllegalArgumentException.class, () -> new StaticFiles().pageBytes("/nope"));
    assertTrue(e.getMessage().startsWith("no page at /nope; pages are "), e.getMessage());
  }

  @Test
  void aPageWeighsAtLeastItsOwnBytes() {
    StaticFiles files = new StaticFiles();
    StaticFiles.File page = files.at("/");
    assertTrue(page != null && files.pageBytes("/") > page.bytes().length);
  }
}
