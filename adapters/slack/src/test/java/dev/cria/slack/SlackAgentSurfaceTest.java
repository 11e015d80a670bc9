package dev.cria.slack;

import static dev.cria.fakes.FakeSlackEvents.fixture;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonArray;
import com.google.gson.JsonParser;
import dev.cria.fakes.FakeSlackApi;
import dev.cria.fakes.FakeSlackCall;
import dev.cria.fakes.FakeSlackEvents;
import dev.cria.fakes.FakeSlackSocketMode;
import dev.cria.testing.RecordingConversationService;
import io.micronaut.context.ApplicationContext;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Slack's agent surface over Socket Mode: the operator's suggested prompts when the messages tab
 * opens (and on the legacy assistant_thread_started), app_context_changed acked and stored nowhere,
 * and a new agent thread titled after its first question.
 */
class SlackAgentSurfaceTest {

  private static final String PROMPTS =
      "Summarise=Summarise this thread for me|Explain code=Explain this code: ";

  private final RecordingConversationService core = new RecordingConversationService();
  private FakeSlackApi slack;
  private FakeSlackSocketMode socket;
  private ApplicationContext context;

  @BeforeEach
  void start() {
    slack = FakeSlackApi.start();
    socket = FakeSlackSocketMode.start();
    slack.socketModeUrl(socket.url());
    context =
        ApplicationContext.builder()
            .properties(
                Map.of(
                    "cria.slack.bot-token",
                    FakeSlackApi.BOT_TOKEN,
                    "cria.slack.app-token",
                    FakeSlackApi.APP_TOKEN,
                    "cria.slack.api-url",
                    slack.apiUrl(),
                    "cria.slack.suggested-prompts",
                    PROMPTS))
            .singletons(core)
            .start();
    socket.awaitConnection();
  }

  @AfterEach
  void stop() throws Exception {
    context.close();
    socket.close();
    slack.close();
  }

  @Test
  void openingTheMessagesTabSetsTheOperatorsSuggestedPrompts() {
    socket.pushEvent("e1", FakeSlackEvents.appHomeOpened("Ev1", "D0ADA", "U0ADA", "home"));
    socket.pushEvent("e2", FakeSlackEvents.appHomeOpened("Ev2", "D0ADA", "U0ADA", "messages"));

    socket.awaitAck("e2");
    FakeSlackCall call = slack.awaitCalls("assistant.threads.setSuggestedPrompts", 1).getFirst();
    assertEquals("D0ADA", call.get("channel_id"));
    assertEquals(null, call.get("thread_ts"), "the messages tab, not one thread");
    JsonArray prompts = JsonParser.parseString(call.get("prompts")).getAsJsonArray();
    assertEquals(2, prompts.size());
    assertEquals("Summarise", prompts.get(0).getAsJsonObject().get("title").getAsString());
    assertEquals(
        "Explain this code:", prompts.get(1).getAsJsonObject().get("message").getAsString());
    assertEquals(1, slack.calls("assistant.threads.setSuggestedPrompts").size(), "home tab: none");
    assertTrue(core.accepted().isEmpty(), "nothing stored");
  }

  @Test
  void theLegacyAssistantThreadGetsThemOnItsThread() {
    socket.pushEvent("e3", fixture("assistant_thread_started.json"));

    FakeSlackCall call = slack.awaitCalls("assistant.threads.setSuggestedPrompts", 1).getFirst();
    assertEquals("D0ADA", call.get("channel_id"));
    assertEquals("1700000400.000800", call.get("thread_ts"));
    assertTrue(core.accepted().isEmpty());
  }

  @Test
  void aContextChangeIsAckedAndStoredNowhere() {
    socket.pushEvent("e4", FakeSlackEvents.appContextChanged("Ev4", "D0ADA", "U0ADA", "C0GENERAL"));

    socket.awaitAck("e4");
    assertTrue(core.accepted().isEmpty());
    assertTrue(
        slack.calls().stream()
            .allMatch(
                c -> c.method().equals("apps.connections.open") || c.method().equals("auth.test")),
        slack.calls().toString());
  }

  @Test
  void aNewAgentThreadIsTitledAfterItsFirstQuestion() {
    socket.pushEvent(
        "e5",
        FakeSlackEvents.dm(
            "Ev5",
            "D0ADA",
            "1700000600.000100",
            null,
            "U0ADA",
            "How do I *rotate* the signing secret without downtime?\nWe run two replicas."));

    FakeSlackCall call = slack.awaitCalls("agents.sessions.rename", 1).getFirst();
    assertEquals("D0ADA", call.get("channel_id"));
    assertEquals("1700000600.000100", call.get("thread_ts"));
    assertEquals("How do I rotate the signing secret without downtime?", call.get("title"));
    assertEquals(1, core.accepted().size());
  }

  @Test
  void aReplyInAnExistingThreadKeepsItsTitle() {
    socket.pushEvent(
        "e6",
        FakeSlackEvents.dm(
            "Ev6", "D0ADA", "1700000600.000300", "1700000600.000100", "U0ADA", "and then?"));
    socket.pushEvent(
        "e7", FakeSlackEvents.dm("Ev7", "D0ADA", "1700000600.000400", null, "U0ADA", "New one"));

    assertEquals("New one", slack.awaitCalls("agents.sessions.rename", 1).getFirst().get("title"));
    socket.awaitAck("e6");
    assertEquals(1, slack.calls("agents.sessions.rename").size());
  }
}
