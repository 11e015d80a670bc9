package dev.cria.web;

import java.util.List;
import org.commonmark.Extension;
import org.commonmark.ext.gfm.strikethrough.StrikethroughExtension;
import org.commonmark.ext.gfm.tables.TablesExtension;
import org.commonmark.parser.Parser;
import org.commonmark.renderer.html.HtmlRenderer;

/**
 * Model answers (Markdown) as safe HTML: raw HTML in the text is escaped, not passed through, and
 * links with scripting schemes are dropped (commonmark-java, the parser the Slack adapter uses).
 */
public final class MarkdownHtml {

  private static final List<Extension> EXTENSIONS =
      List.of(TablesExtension.create(), StrikethroughExtension.create());
  private static final Parser PARSER = Parser.builder().extensions(EXTENSIONS).build();
  private static final HtmlRenderer RENDERER =
      HtmlRenderer.builder()
          .extensions(EXTENSIONS)
          .escapeHtml(true)
          .sanitizeUrls(true)
          .softbreak("<br>")
          .build();

  private MarkdownHtml() {}

  public static String render(String markdown) {
    return RENDERER.render(PARSER.parse(markdown == null ? "" : markdown));
  }
}
