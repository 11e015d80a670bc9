package dev.cria.discord;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.cria.chat.Summary;
import java.util.Collections;
import java.util.List;
import net.dv8tion.jda.api.entities.MessageEmbed;
import org.junit.jupiter.api.Test;

/** A summary as an embed, within Discord's limits. */
class DiscordSummaryEmbedTest {

  @Test
  void everyPartIsCutWithAnEllipsisAndTheWholeStaysUnder6000() {
    List<String> many = Collections.nCopies(200, "a decision that was taken after long debate");
    Summary summary =
        new Summary(
            "this thread (400 messages)",
            "T".repeat(300),
            "s".repeat(5000),
            many,
            List.of(new Summary.ActionItem("x".repeat(2000), "Bob")),
            many);

    MessageEmbed embed = DiscordSummaryEmbed.of(summary);

    assertEquals(DiscordSummaryEmbed.TITLE_LIMIT, embed.getTitle().length());
    assertTrue(embed.getTitle().endsWith("…"));
    assertEquals(3, embed.getFields().size());
    for (MessageEmbed.Field field : embed.getFields()) {
      assertEquals(DiscordSummaryEmbed.FIELD_LIMIT, field.getValue().length(), field.getName());
      assertTrue(field.getValue().endsWith("…"));
    }
    assertTrue(embed.getDescription().endsWith("…"));
    assertTrue(embed.getLength() <= DiscordSummaryEmbed.TOTAL_LIMIT, "length " + embed.getLength());
    assertEquals("Summary of this thread (400 messages)", embed.getFooter().getText());
  }

  @Test
  void ownersThatAreUserIdsBecomeMentions() {
    assertEquals(
        "Buy hay — <@1350000000000000300>",
        DiscordSummaryEmbed.actionItem(
            new Summary.ActionItem("Buy hay", "<@!1350000000000000300>")));
    assertEquals(
        "Buy hay — <@1350000000000000300>",
        DiscordSummaryEmbed.actionItem(new Summary.ActionItem("Buy hay", "1350000000000000300")));
    assertEquals(
        "Buy hay — Bob", DiscordSummaryEmbed.actionItem(new Summary.ActionItem("Buy hay", "Bob")));
    assertEquals("Buy hay", DiscordSummaryEmbed.actionItem(new Summary.ActionItem("Buy hay", "")));
  }

  @Test
  void emptyListsMakeNoFields() {
    MessageEmbed embed =
        DiscordSummaryEmbed.of(
            new Summary("this thread (2 messages)", "", "short", null, null, null));

    assertEquals("Summary", embed.getTitle());
    assertEquals("short", embed.getDescription());
    assertEquals(0, embed.getFields().size());
  }
}
