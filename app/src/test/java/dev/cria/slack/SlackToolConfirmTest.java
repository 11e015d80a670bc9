package dev.cria.slack;

import static dev.cria.fakes.FakeSlackEvents.mention;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.cria.fakes.FakeLlamaApiRequest;
import dev.cria.fakes.FakeSlackMessage;
import dev.cria.testing.TestTools;
import io.micronaut.transaction.TransactionOperations;
import java.sql.Connection;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * A side-effecting tool on Slack, end to end over the fake Slack and the fake model: the model's
 * call is not run, the answer asks to confirm it with Run and Cancel; another person's click is
 * refused privately; the asker's Run runs the tool once and the model's answer with its result is
 * posted as a new reply and stored; a second click changes nothing; Cancel runs nothing; a request
 * older than ten minutes runs nothing.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class SlackToolConfirmTest {

  private static final String CHANNEL = "C0TOOLS";

  private SlackApplication app;
  private TestTools tools;

  @BeforeAll
  void start() {
    app = SlackApplication.httpMode(Map.of("cria.test.tools", true));
    tools = app.context.getBean(TestTools.class);
  }

  @AfterAll
  void stop() {
    app.close();
  }

  @Test
  void onlyTheAskersRunRunsTheToolOnceAndItsAnswerIsPostedAsANewReply() throws Exception {
    String root = "1700007000.000100";
    int before = tools.calls();
    app.post(
        mention("EvTC1", CHANNEL, root, null, "U0ADA", "Delete [[tool:" + TestTools.DELETE + "]]"));
    FakeSlackMessage request = awaitRequest(root);
    String pending = pendingId(root);
    assertTrue(
        app.slack.calls().stream()
            .anyMatch(
                c ->
                    c.get("blocks") != null
                        && c.get("blocks").contains("\"cria_tool_run\"")
                        && c.get("blocks").contains(pending)),
        "the request carries Run with the pending id");
    assertEquals(before, tools.calls(), "not run before the click");

    app.postForm(
        SlackClicks.confirmTool(CHANNEL, request.ts(), root, "U0BOB", true, pending, "t1"));
    app.awaitEphemeral("U0BOB", "Only Ada can confirm this.");
    assertEquals(before, tools.calls(), "another person's click runs nothing");

    int chats = app.chatRequests().size();
    String run = SlackClicks.confirmTool(CHANNEL, request.ts(), root, "U0ADA", true, pending, "t2");
    assertEquals(200, app.postForm(run).statusCode());
    assertEquals(200, app.postForm(run).statusCode(), "the same click delivered twice");
    FakeSlackMessage answer =
        app.slack.awaitMessage(
            CHANNEL,
            m -> m.text().contains("Tool said: echo {}") && !m.streaming() && inThread(m, root));
    assertNotEquals(request.ts(), answer.ts(), "a new reply");
    assertTrue(answer.text().contains("Ran `" + TestTools.DELETE + "`"), answer.text());
    assertEquals(before + 1, tools.calls(), "run once");
    FakeLlamaApiRequest asked = app.chatRequests().get(chats);
    assertEquals(List.of("user", "assistant", "tool"), SlackApplication.roles(asked));
    app.slack.await(
        () -> answers(root).stream().anyMatch(text -> text.contains("Tool said: echo {}")),
        "the answer stored as an assistant turn");

    app.postForm(
        SlackClicks.confirmTool(CHANNEL, request.ts(), root, "U0ADA", true, pending, "t3"));
    app.awaitEphemeral("U0ADA", "This was already confirmed");
    assertEquals(before + 1, tools.calls(), "a second click runs nothing");
    assertEquals(chats + 1, app.chatRequests().size(), "and asks the model nothing");
  }

  @Test
  void cancelRunsNothingAndALaterRunIsRefused() throws Exception {
    String root = "1700007100.000100";
    int before = tools.calls();
    app.post(
        mention("EvTC2", CHANNEL, root, null, "U0ADA", "Delete [[tool:" + TestTools.DELETE + "]]"));
    FakeSlackMessage request = awaitRequest(root);
    String pending = pendingId(root);
    int chats = app.chatRequests().size();

    app.postForm(
        SlackClicks.confirmTool(CHANNEL, request.ts(), root, "U0ADA", false, pending, "t4"));
    app.slack.awaitMessage(
        CHANNEL, m -> m.text().contains("Cancelled: the tool was not run.") && inThread(m, root));
    app.postForm(
        SlackClicks.confirmTool(CHANNEL, request.ts(), root, "U0ADA", true, pending, "t5"));
    app.awaitEphemeral("U0ADA", "This was already cancelled");

    assertEquals(before, tools.calls(), "never run");
    assertEquals(chats, app.chatRequests().size(), "Cancel asks the model nothing");
  }

  @Test
  void aRequestOlderThanTenMinutesRunsNothing() throws Exception {
    String root = "1700007200.000100";
    int before = tools.calls();
    app.post(
        mention("EvTC3", CHANNEL, root, null, "U0ADA", "Delete [[tool:" + TestTools.DELETE + "]]"));
    FakeSlackMessage request = awaitRequest(root);
    String pending = pendingId(root);
    ageByElevenMinutes(pending);

    app.postForm(
        SlackClicks.confirmTool(CHANNEL, request.ts(), root, "U0ADA", true, pending, "t6"));

    app.awaitEphemeral("U0ADA", "This confirmation expired");
    assertEquals(before, tools.calls(), "never run");
  }

  @SuppressWarnings("unchecked")
  private void ageByElevenMinutes(String pendingId) {
    TransactionOperations<Connection> transactions =
        app.context.getBean(TransactionOperations.class);
    transactions.executeWrite(
        status -> {
          try (var update =
              status
                  .getConnection()
                  .prepareStatement("UPDATE pending_tool_call SET created_at = ? WHERE id = ?")) {
            update.setTimestamp(
                1, java.sql.Timestamp.from(java.time.Instant.now().minusSeconds(11 * 60)));
            update.setString(2, pendingId);
            return update.executeUpdate();
          }
        });
  }

  private FakeSlackMessage awaitRequest(String root) {
    return app.slack.awaitMessage(
        CHANNEL,
        m -> m.text().contains("Cria wants to run `" + TestTools.DELETE) && inThread(m, root));
  }

  private static boolean inThread(FakeSlackMessage message, String root) {
    return root.equals(message.threadTs() != null ? message.threadTs() : message.ts());
  }

  private String pendingId(String root) {
    String key = "slack:T0TEAM:" + CHANNEL + ":" + root;
    app.slack.await(
        () ->
            !app.strings("SELECT id FROM pending_tool_call WHERE conversation_key = ?", key)
                .isEmpty(),
        "the pending call stored");
    return app.strings("SELECT id FROM pending_tool_call WHERE conversation_key = ?", key)
        .getFirst();
  }

  private List<String> answers(String root) {
    return app.strings(
        "SELECT content FROM chat_message WHERE conversation_key = ? AND role = 'assistant'",
        "slack:T0TEAM:" + CHANNEL + ":" + root);
  }
}
