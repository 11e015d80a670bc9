package dev.cria.slack;

import static dev.cria.fakes.FakeSlackEvents.mention;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.cria.fakes.FakeLlamaApiRequest;
import dev.cria.fakes.FakeSlackMessage;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * Regenerate on Slack, end to end over the fake Slack and the fake model: the button under an
 * answer asks the same question again with the history up to it (the old answer left out), the new
 * answer is written into the same message and replaces the old one in the history, so a follow-up
 * sees only the new one. An older answer and a person who is not in the thread get a short private
 * notice, and the model is not asked.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class SlackRegenerateTest {

  private static final String CHANNEL = "C0REGEN";
  private static final String ROOT = "1700005000.000100";
  private static final String KEY = "slack:T0TEAM:" + CHANNEL + ":" + ROOT;

  private SlackApplication app;

  @BeforeAll
  void start() {
    app = SlackApplication.httpMode();
  }

  @AfterAll
  void stop() {
    app.close();
  }

  @Test
  void regenerateReplacesTheLatestAnswerInItsMessageAndInTheHistory() throws Exception {
    app.post(mention("EvRG1", CHANNEL, ROOT, null, "U0ADA", "First question"));
    FakeSlackMessage first = awaitAnswer("Echo: Ada: First question");
    String answerTs = first.ts();
    awaitRecorded(answerTs);
    assertTrue(
        app.slack.calls().stream()
            .anyMatch(
                c -> c.get("blocks") != null && c.get("blocks").contains("\"cria_regenerate\"")),
        "the answer carries a Regenerate button");
    int chats = app.chatRequests().size();
    int edits =
        app.slack.thread(CHANNEL, ROOT).stream()
            .filter(m -> m.ts().equals(answerTs))
            .findFirst()
            .orElseThrow()
            .edits();

    assertEquals(
        200,
        app.postForm(SlackClicks.regenerate(CHANNEL, answerTs, ROOT, "U0ADA", "trg-1"))
            .statusCode());
    // The same click delivered twice is one regeneration.
    assertEquals(
        200,
        app.postForm(SlackClicks.regenerate(CHANNEL, answerTs, ROOT, "U0ADA", "trg-1"))
            .statusCode());

    app.slack.await(() -> superseded().size() == 1, "the old answer superseded");
    FakeLlamaApiRequest again = app.chatRequests().get(chats);
    assertEquals("Ada: First question", again.lastUserMessage());
    assertEquals(
        List.of("user"), SlackApplication.roles(again), "the old answer is not in the history");
    app.slack.await(
        () -> messageAt(answerTs).edits() > edits && !messageAt(answerTs).text().contains("…"),
        "the answer's message edited in place");
    assertEquals("Echo: Ada: First question", messageAt(answerTs).text().strip());
    assertEquals(1, botMessages().size(), "no second answer posted: " + botMessages());
    assertEquals(List.of(answerTs), answerMessagesInHistory(), "one answer in the history");

    // A follow-up sees the question and one answer, the new one.
    app.post(mention("EvRG2", CHANNEL, "1700005000.000300", ROOT, "U0ADA", "Second question"));
    FakeSlackMessage second = awaitAnswer("Echo: Ada: Second question");
    FakeLlamaApiRequest followUp = app.chatRequests().getLast();
    assertEquals(List.of("user", "assistant", "user"), SlackApplication.roles(followUp));
    awaitRecorded(second.ts());
    assertEquals(chats + 2, app.chatRequests().size(), "the duplicate click asked nothing");

    // The first answer is no longer the latest.
    app.postForm(SlackClicks.regenerate(CHANNEL, answerTs, ROOT, "U0ADA", "trg-2"));
    app.awaitEphemeral("U0ADA", "Only the latest answer can be regenerated.");
    // Bob never wrote in the thread.
    app.postForm(SlackClicks.regenerate(CHANNEL, second.ts(), ROOT, "U0BOB", "trg-3"));
    app.awaitEphemeral("U0BOB", "Only the person who asked, or someone taking part in the thread");
    assertEquals(chats + 2, app.chatRequests().size(), "refused presses asked the model nothing");
    assertEquals(2, botMessages().size(), botMessages().toString());
  }

  @Test
  void whenNoNewAnswerComesThePresserIsToldAndTheOldAnswerStays() throws Exception {
    String root = "1700005100.000100";
    app.post(mention("EvRG9", CHANNEL, root, null, "U0ADA", "Keep this"));
    FakeSlackMessage answer =
        app.slack.awaitMessage(
            CHANNEL, m -> m.text().strip().equals("Echo: Ada: Keep this") && !m.streaming());
    app.slack.await(
        () -> app.strings(ANSWERS, "slack:T0TEAM:" + CHANNEL + ":" + root).contains(answer.ts()),
        "the answer's message recorded");
    int edits = answer.edits();
    app.llama.failNext(500, 1);

    app.postForm(SlackClicks.regenerate(CHANNEL, answer.ts(), root, "U0ADA", "trg-9"));

    app.slack.await(
        () ->
            app.slack.calls("chat.postEphemeral").stream()
                .anyMatch(c -> "U0ADA".equals(c.get("user")) && root.equals(c.get("thread_ts"))),
        "a private notice of the failure");
    FakeSlackMessage now =
        app.slack.thread(CHANNEL, root).stream()
            .filter(m -> m.ts().equals(answer.ts()))
            .findFirst()
            .orElseThrow();
    assertEquals("Echo: Ada: Keep this", now.text().strip(), "the old answer still shows");
    assertEquals(edits, now.edits(), "the message was not touched");
    assertEquals(
        List.of(answer.ts()),
        app.strings(ANSWERS, "slack:T0TEAM:" + CHANNEL + ":" + root),
        "the old answer stays in the history");
  }

  private static final String ANSWERS =
      "SELECT platform_message_id FROM chat_message WHERE conversation_key = ?"
          + " AND role = 'assistant' AND superseded_by IS NULL ORDER BY id";

  private FakeSlackMessage awaitAnswer(String text) {
    return app.slack.awaitMessage(
        CHANNEL, m -> m.text().strip().equals(text) && !m.streaming() && ROOT.equals(thread(m)));
  }

  private static String thread(FakeSlackMessage message) {
    return message.threadTs() != null ? message.threadTs() : message.ts();
  }

  private FakeSlackMessage messageAt(String ts) {
    return app.slack.thread(CHANNEL, ROOT).stream()
        .filter(m -> m.ts().equals(ts))
        .findFirst()
        .orElseThrow();
  }

  private List<FakeSlackMessage> botMessages() {
    return app.slack.thread(CHANNEL, ROOT).stream()
        .filter(m -> m.text().startsWith("Echo:"))
        .toList();
  }

  private void awaitRecorded(String ts) {
    app.slack.await(() -> answerMessagesInHistory().contains(ts), "answer message " + ts);
  }

  private List<String> answerMessagesInHistory() {
    return app.strings(ANSWERS, KEY);
  }

  private List<String> superseded() {
    return app.strings(
        "SELECT platform_message_id FROM chat_message WHERE conversation_key = ?"
            + " AND role = 'assistant' AND superseded_by IS NOT NULL",
        KEY);
  }
}
