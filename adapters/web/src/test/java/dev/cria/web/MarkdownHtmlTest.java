package dev.cria.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class MarkdownHtmlTest {

  @Test
  void rendersMarkdown() {
    String html = MarkdownHtml.render("**bold** and `code`\n\n| a | b |\n|---|---|\n| 1 | 2 |");

    assertTrue(html.contains("<strong>bold</strong>"), html);
    assertTrue(html.contains("<code>code</code>"), html);
    assertTrue(html.contains("<table>"), html);
  }

  @Test
  void escapesRawHtmlAndDropsScriptLinks() {
    String html =
        MarkdownHtml.render(
            "<script>alert(1)</script>\n\n<img src=x onerror=alert(2)> [x](javascript:alert(3))");

    assertFalse(html.contains("<script>"), html);
    assertFalse(html.contains("<img"), html);
    assertFalse(html.contains("javascript:"), html);
    assertTrue(html.contains("&lt;script&gt;"), html);
  }

  @Test
  void nothingGivesNothing() {
    assertEquals("", MarkdownHtml.render(null));
  }
}
