package dev.cria.slack;

import static dev.cria.fakes.FakeSlackEvents.dm;
import static dev.cria.fakes.FakeSlackEvents.mention;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.cria.fakes.FakeLlamaApi;
import dev.cria.fakes.FakeLlamaApiRequest;
import dev.cria.fakes.FakeSlackCall;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * A model server without {@code json_schema} (it refuses {@code response_format} with a 422): the
 * agent thread keeps the title made from its question, and {@code summarize} answers in plain text.
 * The client remembers the refusal, so the summary is asked for as text at once. An application of
 * its own, since that memory outlives a test.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class SlackSummaryFallbackTest {

  private static final Duration WAIT = Duration.ofSeconds(20);

  private SlackApplication app;

  @BeforeAll
  void start() {
    app = SlackApplication.httpMode();
    app.llama.refuseStructuredOutput(422);
  }

  @AfterAll
  void stop() {
    app.close();
  }

  @Test
  void theTitleStaysTheQuestionsAndTheSummaryIsPlainText() throws Exception {
    String dmChannel = "D0FALL1";
    app.post(dm("Ev0FALL1", dmChannel, "1700003001.000001", null, "U0ADA", "Do llamas hum?"));
    app.slack.awaitMessage(dmChannel, m -> m.text().equals("Echo: Ada: Do llamas hum?"));
    app.llama.await(
        request ->
            "ConversationTitle"
                .equals(request.body().at("/response_format/json_schema/name").asText(null)),
        WAIT);
    app.slack.await(() -> renames(dmChannel).size() == 1, "the question's title");

    String channel = "C0FALL1";
    String root = "1700003002.000002";
    app.post(mention("Ev0FALL2", channel, root, null, "U0ADA", "Let us plan the llama party"));
    app.slack.awaitMessage(
        channel,
        m ->
            root.equals(m.threadTs()) && m.text().equals("Echo: Ada: Let us plan the llama party"));
    app.post(mention("Ev0FALL3", channel, "1700003003.000003", root, "U0ADA", "summarize"));

    var summary =
        app.slack.awaitMessage(
            channel, m -> root.equals(m.threadTs()) && m.text().contains("Summary of"));
    assertTrue(summary.text().startsWith("_Summary of this thread (2 messages)_"), summary.text());
    assertTrue(summary.text().contains("Echo: Ada: Let us plan the llama party"), summary.text());
    List<FakeLlamaApiRequest> structured =
        app.llama.requests(FakeLlamaApi.CHAT).stream()
            .filter(request -> !request.body().path("response_format").isMissingNode())
            .toList();
    assertEquals(1, structured.size(), "the refusal is remembered: " + structured);
    assertTrue(
        app.llama.requests(FakeLlamaApi.CHAT).getLast().body().toString().contains("in Markdown"),
        "the summary was asked for as Markdown");
    assertEquals(1, renames(dmChannel).size(), "no title without structured output");
    assertEquals("Do llamas hum?", renames(dmChannel).getFirst().get("title"));
  }

  private List<FakeSlackCall> renames(String channel) {
    return app.slack.calls("agents.sessions.rename").stream()
        .filter(call -> channel.equals(call.get("channel_id")))
        .toList();
  }
}
