package dev.cria.discord;

import dev.cria.chat.Summary;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import net.dv8tion.jda.api.EmbedBuilder;
import net.dv8tion.jda.api.entities.MessageEmbed;

/**
 * A {@link Summary} as a Discord embed: the title, the summary as its description, one field per
 * list (decisions, action items, open questions), and what was summarized in the footer. Owners
 * that are Discord user ids become mentions (an embed never pings). Everything is cut with an
 * ellipsis to Discord's limits: 256 characters in a title, 4,096 in the description, 1,024 in a
 * field, 2,048 in a footer, 6,000 in all (the description gives way first).
 */
final class DiscordSummaryEmbed {

  static final int TITLE_LIMIT = MessageEmbed.TITLE_MAX_LENGTH;
  static final int DESCRIPTION_LIMIT = MessageEmbed.DESCRIPTION_MAX_LENGTH;
  static final int FIELD_LIMIT = MessageEmbed.VALUE_MAX_LENGTH;
  static final int TOTAL_LIMIT = MessageEmbed.EMBED_MAX_LENGTH_BOT;
  private static final int FOOTER_LIMIT = MessageEmbed.TEXT_MAX_LENGTH;

  private static final Pattern USER_ID = Pattern.compile("<?@?!?(\\d{17,20})>?");

  private DiscordSummaryEmbed() {}

  static MessageEmbed of(Summary summary) {
    String title = cut(summary.title().isEmpty() ? "Summary" : summary.title(), TITLE_LIMIT);
    String footer = cut("Summary of " + summary.scope(), FOOTER_LIMIT);
    EmbedBuilder embed = new EmbedBuilder().setTitle(title).setFooter(footer);
    int used = title.length() + footer.length();
    used += field(embed, "Decisions", summary.decisions());
    used +=
        field(
            embed,
            "Action items",
            summary.actionItems().stream().map(DiscordSummaryEmbed::actionItem).toList());
    used += field(embed, "Open questions", summary.openQuestions());
    int room = Math.min(DESCRIPTION_LIMIT, TOTAL_LIMIT - used);
    if (!summary.summary().isEmpty() && room > 1) {
      embed.setDescription(cut(summary.summary(), room));
    }
    return embed.build();
  }

  /** A task, then its owner: a mention when the owner is a Discord user id. */
  static String actionItem(Summary.ActionItem item) {
    if (item.owner().isEmpty()) {
      return item.task();
    }
    Matcher id = USER_ID.matcher(item.owner());
    return item.task() + " — " + (id.matches() ? "<@" + id.group(1) + ">" : item.owner());
  }

  /** Adds a field of bullets unless the list is empty; returns the characters it took. */
  private static int field(EmbedBuilder embed, String name, List<String> items) {
    if (items.isEmpty()) {
      return 0;
    }
    String value = cut("• " + String.join("\n• ", items), FIELD_LIMIT);
    embed.addField(name, value, false);
    return name.length() + value.length();
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
