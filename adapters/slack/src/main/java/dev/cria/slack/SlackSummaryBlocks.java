package dev.cria.slack;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import dev.cria.chat.Summary;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A {@link Summary} as Block Kit: a {@code header} with the title, a {@code context} saying what
 * was summarized, a {@code section} with the summary, one {@code section} of bullets per list.
 * Owners that are Slack user ids ({@code U0ADA}, {@code <@U0ADA>}) become mentions; everything the
 * model wrote is escaped ({@code &}, {@code <}, {@code >}), so it can neither ping a channel nor
 * forge a link. Cut with an ellipsis to Slack's limits: 150 characters in a header, 3,000 in a
 * section.
 */
final class SlackSummaryBlocks {

  static final int HEADER_LIMIT = 150;
  static final int SECTION_LIMIT = 3000;

  /** A user id as written or as a mention: U or W, then capitals and at least one digit. */
  private static final Pattern USER_ID =
      Pattern.compile("<?@?([UW](?=[A-Z]*[0-9])[A-Z0-9]{4,12})(\\|[^>]*)?>?");

  private SlackSummaryBlocks() {}

  static String blocks(Summary summary) {
    JsonArray blocks = new JsonArray();
    JsonObject header = block("header");
    header.add("text", text("plain_text", cut(title(summary), HEADER_LIMIT)));
    blocks.add(header);
    JsonObject context = block("context");
    JsonArray elements = new JsonArray();
    elements.add(text("mrkdwn", "Summary of " + escape(summary.scope())));
    context.add("elements", elements);
    blocks.add(context);
    if (!summary.summary().isEmpty()) {
      blocks.add(section(escape(summary.summary())));
    }
    list(
        blocks, "Decisions", summary.decisions().stream().map(SlackSummaryBlocks::escape).toList());
    list(
        blocks,
        "Action items",
        summary.actionItems().stream().map(SlackSummaryBlocks::actionItem).toList());
    list(
        blocks,
        "Open questions",
        summary.openQuestions().stream().map(SlackSummaryBlocks::escape).toList());
    return blocks.toString();
  }

  /** The notification text (and what clients without blocks show): title, scope and summary. */
  static String text(Summary summary) {
    String text =
        escape(title(summary))
            + " (summary of "
            + escape(summary.scope())
            + ")\n"
            + escape(summary.summary());
    return cut(text, SECTION_LIMIT);
  }

  /** A task, then its owner: a mention when the owner is a Slack user id. */
  static String actionItem(Summary.ActionItem item) {
    if (item.owner().isEmpty()) {
      return escape(item.task());
    }
    Matcher id = USER_ID.matcher(item.owner());
    String owner = id.matches() ? "<@" + id.group(1) + ">" : escape(item.owner());
    return escape(item.task()) + " — " + owner;
  }

  private static void list(JsonArray blocks, String heading, List<String> items) {
    if (items.isEmpty()) {
      return;
    }
    StringBuilder text = new StringBuilder("*").append(heading).append('*');
    for (String item : items) {
      text.append("\n• ").append(item);
    }
    blocks.add(section(text.toString()));
  }

  private static JsonObject section(String mrkdwn) {
    JsonObject section = block("section");
    section.add("text", text("mrkdwn", cut(mrkdwn, SECTION_LIMIT)));
    return section;
  }

  private static JsonObject block(String type) {
    JsonObject block = new JsonObject();
    block.addProperty("type", type);
    return block;
  }

  private static JsonObject text(String type, String value) {
    JsonObject text = new JsonObject();
    text.addProperty("type", type);
    text.addProperty("text", value);
    return text;
  }

  private static String title(Summary summary) {
    return summary.title().isEmpty() ? "Summary" : summary.title();
  }

  /** Slack's three control characters, as its docs ask for text that is not markup. */
  static String escape(String text) {
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
  }

  /** At most {@code limit} characters, the last an ellipsis when cut (not inside a surrogate). */
  static String cut(String text, int limit) {
    if (text.length() <= limit) {
      return text;
    }
    int end = limit - 1;
    if (Character.isHighSurrogate(text.charAt(end - 1))) {
      end--;
    }
    return text.substring(0, end) + "…";
  }
}
