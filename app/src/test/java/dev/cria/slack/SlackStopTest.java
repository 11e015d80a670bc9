package dev.cria.slack;

import static dev.cria.fakes.FakeSlackEvents.dm;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import dev.cria.fakes.FakeSlackApi;
import dev.cria.fakes.FakeSlackCall;
import dev.cria.fakes.FakeSlackMessage;
import io.micronaut.transaction.TransactionOperations;
import java.sql.Connection;
import java.sql.ResultSet;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * Slack's Stop button, end to end: {@code agent_session_stopped} for a streaming answer closes the
 * model's stream (the fake model server sees its client go), stops the Slack stream with the text
 * so far marked as stopped, clears the status, and keeps the partial answer in the history.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class SlackStopTest {

  private static final String DM = "D0STOP";

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
  void stopClosesTheModelStreamAndKeepsThePartialAnswer() throws Exception {
    String root = "1700004000.000100";
    String question =
        "[[slow:150]] one two three four five six seven eight nine ten eleven twelve thirteen"
            + " fourteen fifteen sixteen seventeen eighteen nineteen twenty twenty-one twenty-two"
            + " twenty-three twenty-four twenty-five twenty-six twenty-seven twenty-eight";
    app.post(dm("EvStop1", DM, "1700004000.000200", root, "U0ADA", question));
    FakeSlackCall started = app.slack.awaitCalls("chat.startStream", 1).getFirst();
    assertEquals(root, started.get("thread_ts"));
    app.slack.awaitCalls("chat.appendStream", 1);
    String streamTs = app.slack.thread(DM, root).getFirst().ts();

    assertEquals(200, app.post(stopped(root, streamTs)).statusCode());

    app.slack.await(() -> app.llama.streamsClosedByClient() == 1, "the model stream closed");
    FakeSlackMessage answer =
        app.slack.awaitMessage(DM, m -> m.ts().equals(streamTs) && !m.streaming());
    assertTrue(answer.text().endsWith("_Stopped._"), answer.text());
    assertTrue(!answer.text().contains("twenty-eight"), "cut short: " + answer.text());
    app.slack.await(
        () ->
            app.slack.calls("assistant.threads.setStatus").stream()
                .anyMatch(c -> root.equals(c.get("thread_ts")) && "".equals(c.get("status"))),
        "the status cleared");
    List<String> stored = storedAnswer("slack:T0TEAM:" + DM + ":" + root);
    assertEquals("stopped", stored.get(1));
    assertTrue(stored.get(0).startsWith("Echo: "), stored.get(0));
    assertTrue(!stored.get(0).contains("twenty-eight"), stored.get(0));
  }

  /** The event Slack sends when someone clicks Stop on a streaming answer. */
  private static String stopped(String threadTs, String streamTs) {
    JsonArray streaming = new JsonArray();
    streaming.add(streamTs);
    JsonObject event = new JsonObject();
    event.addProperty("type", "agent_session_stopped");
    event.addProperty("user", "U0ADA");
    event.addProperty("channel", DM);
    event.addProperty("thread_ts", threadTs);
    event.add("streaming_message_ts", streaming);
    event.addProperty("event_ts", "1700004001.000100");
    JsonObject envelope = new JsonObject();
    envelope.addProperty("token", "unused-verification-token");
    envelope.addProperty("team_id", FakeSlackApi.TEAM_ID);
    envelope.addProperty("api_app_id", "A0CRIA");
    envelope.add("event", event);
    envelope.addProperty("type", "event_callback");
    envelope.addProperty("event_id", "EvStopClick1");
    envelope.addProperty("event_time", 1700004001L);
    return envelope.toString();
  }

  /** The stored answer's text and stop reason, once stored. */
  private List<String> storedAnswer(String conversation) {
    app.slack.await(() -> !readAnswer(conversation).isEmpty(), "the answer stored");
    return readAnswer(conversation);
  }

  @SuppressWarnings("unchecked")
  private List<String> readAnswer(String conversation) {
    TransactionOperations<Connection> transactions =
        app.context.getBean(TransactionOperations.class);
    return transactions.executeRead(
        status -> {
          try (var query =
              status
                  .getConnection()
                  .prepareStatement(
                      "SELECT content, stop_reason FROM chat_message"
                          + " WHERE conversation_key = ? AND role = 'assistant'")) {
            query.setString(1, conversation);
            try (ResultSet rows = query.executeQuery()) {
              return rows.next()
                  ? List.of(rows.getString(1), String.valueOf(rows.getString(2)))
                  : List.<String>of();
            }
          }
        });
  }
}
