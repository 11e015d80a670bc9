package dev.cria.slack;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import dev.cria.chat.Summary;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Block Kit for a summary: Slack's limits, escaping, and owners that are user ids. */
class SlackSummaryBlocksTest {

  private static JsonArray blocks(Summary summary) {
    return JsonParser.parseString(SlackSummaryBlocks.blocks(summary)).getAsJsonArray();
  }

  private static String text(JsonArray blocks, int index) {
    return blocks.get(index).getAsJsonObject().getAsJsonObject("text").get("text").getAsString();
  }

  @Test
  void longPartsAreCutWithAnEllipsisWithinSlacksLimits() {
    Summary summary =
        new Summary(
            "this thread (3 messages)",
            "T".repeat(400),
            "s".repeat(5000),
            List.of("d".repeat(4000)),
            List.of(),
            List.of());

    JsonArray blocks = blocks(summary);

    String header = text(blocks, 0);
    assertEquals(SlackSummaryBlocks.HEADER_LIMIT, header.length());
    assertTrue(header.endsWith("…"));
    assertEquals(SlackSummaryBlocks.SECTION_LIMIT, text(blocks, 2).length());
    assertEquals(SlackSummaryBlocks.SECTION_LIMIT, text(blocks, 3).length());
    assertTrue(SlackSummaryBlocks.text(summary).length() <= SlackSummaryBlocks.SECTION_LIMIT);
    assertEquals(4, blocks.size(), "no empty sections for empty lists");
  }

  @Test
  void ownersThatAreUserIdsBecomeMentionsAndNothingElseIsMarkup() {
    assertEquals(
        "Ship <b> — <@U024BE7LH>",
        SlackSummaryBlocks.actionItem(new Summary.ActionItem("Ship <b>", "<@U024BE7LH>"))
            .replace("&lt;b&gt;", "<b>"));
    assertEquals(
        "Ship — <@W0ADA1>",
        SlackSummaryBlocks.actionItem(new Summary.ActionItem("Ship", "W0ADA1")));
    assertEquals(
        "Ship — UNKNOWN", SlackSummaryBlocks.actionItem(new Summary.ActionItem("Ship", "UNKNOWN")));
    assertEquals(
        "Ping — &lt;!here&gt;",
        SlackSummaryBlocks.actionItem(new Summary.ActionItem("Ping", "<!here>")));
  }

  @Test
  void aSummaryWithoutTitleIsHeadedSummary() {
    JsonObject header =
        blocks(new Summary("this thread (1 message)", "", "s", null, null, null))
            .get(0)
            .getAsJsonObject();
    assertEquals("header", header.get("type").getAsString());
    assertEquals("Summary", header.getAsJsonObject("text").get("text").getAsString());
  }
}
