package dev.cria.slack;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads the text of a Slack message the way a person sees it: Cria's own mention removed, other
 * mentions, channels and links as readable words, and <code>&amp;amp;</code>, <code>&amp;lt;</code>
 * , <code>&amp;gt;</code> decoded.
 */
final class SlackInboundText {

  private static final Pattern MARKUP = Pattern.compile("<([^<>]*)>");

  private SlackInboundText() {}

  static String plain(String text, String botUserId) {
    if (text == null) {
      return "";
    }
    Matcher matcher = MARKUP.matcher(text);
    StringBuilder out = new StringBuilder();
    while (matcher.find()) {
      matcher.appendReplacement(
          out, Matcher.quoteReplacement(readable(matcher.group(1), botUserId)));
    }
    matcher.appendTail(out);
    return decode(out.toString().replaceAll("[ \\t]{2,}", " ").strip());
  }

  /** Whether the text mentions the given user, e.g. {@code <@U0BOT>} or {@code <@U0BOT|cria>}. */
  static boolean mentions(String text, String userId) {
    return text != null
        && userId != null
        && (text.contains("<@" + userId + ">") || text.contains("<@" + userId + "|"));
  }

  private static String readable(String inner, String botUserId) {
    int bar = inner.indexOf('|');
    String target = bar < 0 ? inner : inner.substring(0, bar);
    String label = bar < 0 ? null : inner.substring(bar + 1);
    if (target.startsWith("@")) {
      String user = target.substring(1);
      if (user.equals(botUserId)) {
        return "";
      }
      return "@" + (label != null ? label : user);
    }
    if (target.startsWith("#")) {
      return "#" + (label != null ? label : target.substring(1));
    }
    if (target.startsWith("!")) {
      if (label != null) {
        return label;
      }
      String special = target.substring(1);
      return special.startsWith("subteam^") ? "@" + special.substring(8) : "@" + special;
    }
    if (label != null && !label.equals(target) && !target.equals("mailto:" + label)) {
      return label + " (" + target + ")";
    }
    return label != null ? label : target;
  }

  private static String decode(String text) {
    return text.replace("&lt;", "<").replace("&gt;", ">").replace("&amp;", "&");
  }
}
