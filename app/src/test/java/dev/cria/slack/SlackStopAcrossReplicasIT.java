package dev.cria.slack;

import static dev.cria.fakes.FakeSlackEvents.dm;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import dev.cria.core.EventWorker;
import dev.cria.fakes.FakeLlamaApi;
import dev.cria.fakes.FakeSlackApi;
import dev.cria.fakes.FakeSlackMessage;
import dev.cria.persistence.TestDatabases;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * Stop across replicas: two Cria instances share one PostgreSQL schema, the fake Slack and the fake
 * model. Slack hands the Stop click to the replica that is not writing the answer; the stop is
 * recorded on the queued event, and the replica writing it reads the mark on its next throttled
 * update, closes the model's stream and keeps the partial answer, marked as stopped.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class SlackStopAcrossReplicasIT {

  private static final String DM = "D0STOPX";

  private final String schema = TestDatabases.newSchemaName();
  private FakeLlamaApi llama;
  private FakeSlackApi slack;
  private SlackApplication a;
  private SlackApplication b;

  @BeforeAll
  void start() {
    Map<String, Object> database = TestDatabases.postgres(schema);
    llama = FakeLlamaApi.ollama();
    slack = FakeSlackApi.start();
    a = SlackApplication.replica(llama, slack, database);
    b = SlackApplication.replica(llama, slack, database);
  }

  @AfterAll
  void stop() {
    for (AutoCloseable closeable : new AutoCloseable[] {a, b, slack, llama}) {
      try {
        if (closeable != null) {
          closeable.close();
        }
      } catch (Exception e) {
        // closing the rest matters more
      }
    }
    TestDatabases.dropSchema(schema);
  }

  @Test
  void aStopReceivedByTheOtherReplicaStopsTheAnswer() throws Exception {
    String root = "1700006000.000100";
    StringBuilder question = new StringBuilder("[[slow:150]]");
    for (int i = 1; i <= 40; i++) {
      question.append(" word").append(i);
    }
    a.post(dm("EvStopX1", DM, "1700006000.000200", root, "U0ADA", question.toString()));
    slack.awaitCalls("chat.appendStream", 1);
    String streamTs = slack.thread(DM, root).getFirst().ts();
    String writer =
        TestDatabases.strings(
                schema, "SELECT lease_owner FROM inbound_event WHERE event_id = 'EvStopX1'")
            .getFirst();
    SlackApplication writing = owner(a).equals(writer) ? a : b;
    SlackApplication other = writing == a ? b : a;
    assertTrue(owner(writing).equals(writer), writer + " is one of the replicas");

    assertEquals(200, other.post(stopped(root, streamTs)).statusCode());

    slack.await(() -> llama.streamsClosedByClient() == 1, "the model stream closed");
    FakeSlackMessage answer =
        slack.awaitMessage(DM, m -> m.ts().equals(streamTs) && !m.streaming());
    assertTrue(answer.text().endsWith("_Stopped._"), answer.text());
    assertTrue(!answer.text().contains("word40"), "cut short: " + answer.text());
    slack.await(
        () ->
            !TestDatabases.strings(
                    schema,
                    "SELECT stop_reason FROM chat_message WHERE role = 'assistant'"
                        + " AND conversation_key = 'slack:T0TEAM:"
                        + DM
                        + ":"
                        + root
                        + "'")
                .isEmpty(),
        "the answer stored");
    List<String> reasons =
        TestDatabases.strings(
            schema, "SELECT stop_reason FROM chat_message WHERE role = 'assistant'");
    assertEquals(List.of("stopped"), reasons);
  }

  private static String owner(SlackApplication replica) {
    return replica.context.getBean(EventWorker.class).owner();
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
    event.addProperty("event_ts", "1700006001.000100");
    JsonObject envelope = new JsonObject();
    envelope.addProperty("token", "unused-verification-token");
    envelope.addProperty("team_id", FakeSlackApi.TEAM_ID);
    envelope.addProperty("api_app_id", "A0CRIA");
    envelope.add("event", event);
    envelope.addProperty("type", "event_callback");
    envelope.addProperty("event_id", "EvStopXClick");
    envelope.addProperty("event_time", 1700006001L);
    return envelope.toString();
  }
}
