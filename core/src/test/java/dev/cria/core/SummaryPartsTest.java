package dev.cria.core;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.cria.chat.ConversationKey;
import dev.cria.chat.Summary;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The pure parts of summaries and titles: the transcript, the scope, the title's cleaning. */
class SummaryPartsTest {

  private static final ConversationKey THREAD =
      ConversationKey.parse("slack:T1:C1:1700000000.000100");
  private static final ConversationKey CHANNEL = ConversationKey.parse("slack:T1:C1");
  private static final ConversationKey DM = ConversationKey.parse("discord:@me:42");

  @Test
  void theTranscriptIsOldestFirstWithNamesAndKeepsTheNewestWithinTheBudget() {
    List<StoredTurn> newestFirst =
        List.of(
            new StoredTurn(ChatTurn.Role.ASSISTANT, "Cria", "Friday works."),
            new StoredTurn(ChatTurn.Role.USER, "Ada", "When is the party?"),
            new StoredTurn(ChatTurn.Role.USER, "Bob", "x".repeat(400)));

    SummaryTranscript whole = SummaryTranscript.of(newestFirst, 10_000);
    SummaryTranscript cut = SummaryTranscript.of(newestFirst, 30);

    assertTrue(whole.text().endsWith("Ada: When is the party?\n\nCria: Friday works."));
    assertEquals(3, whole.turns());
    assertFalse(whole.cut());
    assertEquals("Ada: When is the party?\n\nCria: Friday works.", cut.text());
    assertTrue(cut.cut());
  }

  @Test
  void theScopeSaysWhatWasSummarized() {
    var two = new SummaryTranscript("", 2, false);
    var cut = new SummaryTranscript("", 400, true);

    assertEquals("this thread (2 messages)", Summarizer.scope(THREAD, false, two));
    assertEquals("this conversation (2 messages)", Summarizer.scope(DM, false, two));
    assertEquals(
        "the conversations with Cria in this channel (2 messages)",
        Summarizer.scope(CHANNEL, true, two));
    assertEquals("the last 400 messages of this thread", Summarizer.scope(THREAD, false, cut));
    assertEquals(
        "this thread (1 message)",
        Summarizer.scope(THREAD, false, new SummaryTranscript("", 1, false)));
  }

  @Test
  void titlesAreOneLineWithoutQuotesAndAtMost100Characters() {
    assertEquals("Hay for llamas", ConversationTitles.clean("  \"Hay for\n llamas\"  "));
    assertEquals("", ConversationTitles.clean(null));
    String cut = ConversationTitles.clean("word ".repeat(60));
    assertEquals(ConversationTitles.MAX_TITLE, cut.length());
    assertTrue(cut.endsWith("…"));
  }

  @Test
  void theModelsFieldsBecomeASummaryWithoutBlanks() {
    var fields =
        new SummarySchema.Fields(
            " Party ",
            "On Friday.",
            List.of("Friday", " "),
            List.of(new SummarySchema.Item("Buy hay", "U0ADA"), new SummarySchema.Item("", "Bob")),
            List.of());

    Summary summary = fields.toSummary("this thread (2 messages)");

    assertEquals("Party", summary.title());
    assertEquals(List.of("Friday"), summary.decisions());
    assertEquals(List.of(new Summary.ActionItem("Buy hay", "U0ADA")), summary.actionItems());
    assertEquals(
        "**Party**\n_Summary of this thread (2 messages)_\n\nOn Friday.\n\n**Decisions**\n• Friday"
            + "\n\n**Action items**\n• Buy hay (U0ADA)",
        summary.markdown());
  }
}
