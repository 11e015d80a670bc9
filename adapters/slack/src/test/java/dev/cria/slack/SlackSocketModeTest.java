package dev.cria.slack;

import static dev.cria.fakes.FakeSlackEvents.fixture;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonObject;
import dev.cria.chat.Command;
import dev.cria.fakes.FakeSlackApi;
import dev.cria.fakes.FakeSlackSocketMode;
import dev.cria.testing.RecordingConversationService;
import io.micronaut.context.ApplicationContext;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Socket Mode: Cria connects to a fake endpoint, acks each envelope and hands events over. */
class SlackSocketModeTest {

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
                    "cria.slack.bot-token", FakeSlackApi.BOT_TOKEN,
                    "cria.slack.app-token", FakeSlackApi.APP_TOKEN,
                    "cria.slack.api-url", slack.apiUrl()))
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
  void opensTheConnectionWithTheAppToken() {
    assertEquals(FakeSlackApi.APP_TOKEN, slack.calls("apps.connections.open").getFirst().token());
  }

  @Test
  void firstDeliveryIsAckedAndHandedOverDespiteItsRetryAttemptZero() {
    socket.pushEvent("e1", fixture("app_mention.json"));

    JsonObject ack = socket.awaitAck("e1");
    assertEquals("{\"envelope_id\":\"e1\"}", ack.toString());
    assertEquals(1, core.accepted().size());
    assertEquals("Ev0MENTION1", core.accepted().getFirst().eventId());
  }

  @Test
  void ignoredEventsAreAckedToo() {
    socket.pushEvent("e2", fixture("bot_message.json"));
    socket.pushEvent("e3", fixture("assistant_thread_started.json"));

    socket.awaitAck("e2");
    socket.awaitAck("e3");
    assertTrue(core.accepted().isEmpty());
  }

  @Test
  void slashCommandsArriveThroughTheSocketToo() {
    socket.pushCommand(
        "e4",
        """
        {"team_id":"T0TEAM","channel_id":"C0GENERAL","user_id":"U0ADA","user_name":"ada",
         "command":"/cria","text":"help","response_url":"%s","trigger_id":"t-1"}
        """
            .formatted(slack.responseUrl("r2")));

    socket.awaitAck("e4");
    assertInstanceOf(Command.Help.class, core.accepted().getFirst().command());
  }

  @Test
  void anEventTheCoreCouldNotStoreIsNotAckedSoSlackSendsItAgain() {
    core.failing(true);
    socket.pushEvent("e5", fixture("app_mention.json"));
    socket.pushEvent("e6", fixture("bot_message.json"));

    socket.awaitAck("e6");
    assertTrue(
        socket.received().stream().noneMatch(m -> m.toString().contains("e5")),
        socket.received().toString());
  }
}
