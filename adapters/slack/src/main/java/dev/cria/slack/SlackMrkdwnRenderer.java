package dev.cria.slack;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;
import java.util.regex.Pattern;
import org.commonmark.ext.gfm.strikethrough.Strikethrough;
import org.commonmark.ext.gfm.strikethrough.StrikethroughExtension;
import org.commonmark.ext.gfm.tables.TableBlock;
import org.commonmark.ext.gfm.tables.TablesExtension;
import org.commonmark.node.BlockQuote;
import org.commonmark.node.Code;
import org.commonmark.node.Emphasis;
import org.commonmark.node.FencedCodeBlock;
import org.commonmark.node.HardLineBreak;
import org.commonmark.node.Heading;
import org.commonmark.node.HtmlBlock;
import org.commonmark.node.HtmlInline;
import org.commonmark.node.Image;
import org.commonmark.node.IndentedCodeBlock;
import org.commonmark.node.Link;
import org.commonmark.node.ListBlock;
import org.commonmark.node.ListItem;
import org.commonmark.node.Node;
import org.commonmark.node.OrderedList;
import org.commonmark.node.Paragraph;
import org.commonmark.node.SoftLineBreak;
import org.commonmark.node.StrongEmphasis;
import org.commonmark.node.Text;
import org.commonmark.node.ThematicBreak;
import org.commonmark.parser.Parser;

/**
 * Turns the model's Markdown into Slack mrkdwn with a real CommonMark parser: bold, italics,
 * strikethrough, links as {@code <url|text>}, lists, code, headings as bold lines, block quotes and
 * tables as aligned code blocks. Text is escaped ({@code &}, {@code <}, {@code >}), so nothing the
 * model writes becomes a Slack mention; literal {@code @channel}-style pings are broken too.
 */
final class SlackMrkdwnRenderer {

  private static final Parser PARSER =
      Parser.builder()
          .extensions(List.of(StrikethroughExtension.create(), TablesExtension.create()))
          .build();
  private static final Set<String> LINK_SCHEMES = Set.of("http", "https", "mailto");
  private static final Pattern EMAIL = Pattern.compile("[^@\\s<>|]+@[^@\\s<>|]+\\.[^@\\s<>|]+");
  private static final String[] BULLETS = {"•", "◦", "▪"};

  private SlackMrkdwnRenderer() {}

  static String render(String markdown) {
    return blocks(PARSER.parse(markdown), 0).strip();
  }

  private static String blocks(Node parent, int listDepth) {
    return blocks(parent, listDepth, "\n\n");
  }

  private static String blocks(Node parent, int listDepth, String separator) {
    List<String> parts = new ArrayList<>();
    for (Node child = parent.getFirstChild(); child != null; child = child.getNext()) {
      String part = block(child, listDepth);
      if (!part.isEmpty()) {
        parts.add(part);
      }
    }
    return String.join(separator, parts);
  }

  private static String block(Node node, int listDepth) {
    return switch (node) {
      case Paragraph paragraph -> inlines(paragraph);
      case Heading heading -> bold(inlines(heading));
      case FencedCodeBlock code -> codeBlock(code.getLiteral());
      case IndentedCodeBlock code -> codeBlock(code.getLiteral());
      case BlockQuote quote -> prefixLines(blocks(quote, listDepth), "> ", "> ");
      case ListBlock list -> list(list, listDepth);
      case ThematicBreak ignored -> "──────────";
      case HtmlBlock html -> escape(html.getLiteral().strip());
      case TableBlock table -> codeBlock(SlackTableText.render(table));
      default -> blocks(node, listDepth);
    };
  }

  private static String list(ListBlock list, int depth) {
    List<String> items = new ArrayList<>();
    int number =
        list instanceof OrderedList ordered
            ? Objects.requireNonNullElse(ordered.getMarkerStartNumber(), 1)
            : 0;
    for (Node item = list.getFirstChild(); item != null; item = item.getNext()) {
      if (!(item instanceof ListItem)) {
        continue;
      }
      String marker =
          list instanceof OrderedList ? number++ + ". " : BULLETS[depth % BULLETS.length] + " ";
      String content = blocks(item, depth + 1, list.isTight() ? "\n" : "\n\n");
      items.add(prefixLines(content, marker, " ".repeat(marker.length() + 1)));
    }
    return String.join(list.isTight() ? "\n" : "\n\n", items);
  }

  static String inlines(Node parent) {
    StringBuilder out = new StringBuilder();
    for (Node child = parent.getFirstChild(); child != null; child = child.getNext()) {
      out.append(inline(child));
    }
    return out.toString();
  }

  private static String inline(Node node) {
    return switch (node) {
      case Text text -> SlackMentionGuard.literal(escape(text.getLiteral()));
      case Code code -> "`" + escape(code.getLiteral()) + "`";
      case Emphasis emphasis -> wrap("_", inlines(emphasis));
      case StrongEmphasis strong -> bold(inlines(strong));
      case Strikethrough strike -> wrap("~", inlines(strike));
      case Link link -> link(link.getDestination(), SlackTableText.plain(link));
      case Image image -> link(image.getDestination(), SlackTableText.plain(image));
      case SoftLineBreak ignored -> "\n";
      case HardLineBreak ignored -> "\n";
      case HtmlInline html -> escape(html.getLiteral());
      default -> inlines(node);
    };
  }

  private static String link(String destination, String label) {
    if (destination.startsWith("mailto:") && !EMAIL.matcher(label).matches()) {
      // CommonMark reads "<!subteam^S1|@devs>" as an e-mail autolink: show it as written.
      return escape("<" + label + ">");
    }
    String text = SlackMentionGuard.literal(escape(label)).replace('|', '¦');
    if (!hasLinkScheme(destination)) {
      return text;
    }
    String url = escape(destination).replace("|", "%7C").replace(" ", "%20");
    return text.isBlank() || label.equals(destination)
        ? "<" + url + ">"
        : "<" + url + "|" + text + ">";
  }

  private static boolean hasLinkScheme(String destination) {
    int colon = destination.indexOf(':');
    return colon > 0
        && LINK_SCHEMES.contains(destination.substring(0, colon).toLowerCase(Locale.ROOT));
  }

  private static String codeBlock(String literal) {
    String body = literal.endsWith("\n") ? literal.substring(0, literal.length() - 1) : literal;
    return "```\n" + escape(body) + "\n```";
  }

  private static String bold(String text) {
    return wrap("*", text);
  }

  private static String wrap(String marker, String text) {
    return text.isBlank() ? text : marker + text + marker;
  }

  private static String prefixLines(String text, String first, String rest) {
    String[] lines = text.split("\n", -1);
    StringBuilder out = new StringBuilder(first).append(lines[0]);
    for (int i = 1; i < lines.length; i++) {
      out.append('\n').append(lines[i].isEmpty() && !rest.startsWith(">") ? "" : rest + lines[i]);
    }
    return out.toString();
  }

  static String escape(String text) {
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
  }
}
