package dev.cria.slack;

import static dev.cria.fakes.FakeSlackEvents.fixture;
import static dev.cria.fakes.FakeSlackEvents.withEventId;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.cria.chat.ChatEvent;
import dev.cria.chat.Command;
import dev.cria.chat.ConversationKey;
import dev.cria.chat.ReplyPort;
import dev.cria.fakes.FakeSlackApi;
import dev.cria.fakes.FakeSlackCall;
import dev.cria.fakes.FakeSlackFailure;
import dev.cria.fakes.FakeSlackSigner;
import dev.cria.testing.RecordingConversationService;
import io.micronaut.context.ApplicationContext;
import io.micronaut.runtime.server.EmbeddedServer;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** {@code POST /slack/events} through a running Micronaut server, Bolt and a fake Slack. */
class SlackHttpModeTest {

  static final String SECRET = "test-signing-secret-0000";
  private static final String JSON = "application/json";
  private static final String FORM = "application/x-www-form-urlencoded";

  private final HttpClient http = HttpClient.newHttpClient();
  private final RecordingConversationService core = new RecordingConversationService();
  private FakeSlackApi slack;
  private ApplicationContext context;
  private URI events;

  @BeforeEach
  void start() {
    slack = FakeSlackApi.start();
    slack.displayName("U0ADA", "Ada");
    context =
        ApplicationContext.builder()
            .properties(
                Map.of(
                    "cria.slack.bot-token",
                    FakeSlackApi.BOT_TOKEN,
                    "cria.slack.signing-secret",
                    SECRET,
                    "cria.slack.api-url",
                    slack.apiUrl(),
                    "micronaut.server.port",
                    -1))
            .singletons(core)
            .start();
    EmbeddedServer server = context.getBean(EmbeddedServer.class).start();
    events = server.getURI().resolve("/slack/events");
  }

  @AfterEach
  void stop() {
    context.close();
    slack.close();
  }

  private HttpResponse<String> post(String body) throws Exception {
    return post(body, JSON, Instant.now().getEpochSecond(), null, Map.of());
  }

  private HttpResponse<String> post(
      String body, String type, long timestamp, String signature, Map<String, String> headers)
      throws Exception {
    var request =
        HttpRequest.newBuilder(events)
            .header("Content-Type", type)
            .header("X-Slack-Request-Timestamp", String.valueOf(timestamp))
            .header(
                "X-Slack-Signature",
                signature != null ? signature : FakeSlackSigner.sign(SECRET, timestamp, body))
            .POST(HttpRequest.BodyPublishers.ofString(body));
    headers.forEach(request::header);
    return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
  }

  @Test
  void urlVerificationIsAnsweredWithTheChallenge() throws Exception {
    var response = post(fixture("url_verification.json"));

    assertEquals(200, response.statusCode());
    assertEquals("3eZbrw1aBm2rZgRNFdxV2595E9CY3gmdALWMmHkvFXO7tYXAYM8P", response.body());
  }

  @Test
  void mentionIsHandedToTheCoreBeforeTheAck() throws Exception {
    var response = post(fixture("app_mention.json"));

    assertEquals(200, response.statusCode());
    ChatEvent event = core.accepted().getFirst();
    assertEquals("slack:T0TEAM:C0GENERAL:1700000000.000100", event.conversation().toString());
    assertTrue(event.text().startsWith("What is a *llama*?"), event.text());
  }

  @Test
  void theAckNeedsNoSlackCallEvenWhenUsersInfoIsDown() throws Exception {
    slack.failAlways("users.info", FakeSlackFailure.httpStatus(503));

    var response = post(fixture("app_mention.json"));

    assertEquals(200, response.statusCode());
    assertEquals(1, core.accepted().size());
    // auth.test (the bot's own user id) is asked once, at startup, never per event.
    assertEquals(
        List.of(),
        slack.calls().stream()
            .map(FakeSlackCall::method)
            .filter(m -> !m.equals("auth.test"))
            .toList(),
        "no Web API call before the ack");
    assertNull(core.accepted().getFirst().author().displayName(), "named later, by the worker");
  }

  @Test
  void theWorkerNamesTheAuthorThroughTheReplyPort() throws Exception {
    post(fixture("app_mention.json"));
    ChatEvent event = core.accepted().getFirst();

    ReplyPort port = context.getBean(SlackReplyPort.class);

    assertEquals(Optional.of("Ada"), port.authorName(event));
    assertEquals(1, slack.calls("users.info").size());
  }

  @Test
  void badSignatureIsRefusedAndNothingIsStored() throws Exception {
    long now = Instant.now().getEpochSecond();
    String body = fixture("app_mention.json");
    String forged = FakeSlackSigner.sign("not-the-secret", now, body);

    assertEquals(401, post(body, JSON, now, forged, Map.of()).statusCode());
    assertEquals(401, post(body, JSON, now, "v0=", Map.of()).statusCode());
    assertTrue(core.accepted().isEmpty());
  }

  @Test
  void staleSignatureIsRefusedAndNothingIsStored() throws Exception {
    long tenMinutesAgo = Instant.now().getEpochSecond() - 600;

    var response = post(fixture("app_mention.json"), JSON, tenMinutesAgo, null, Map.of());

    assertEquals(401, response.statusCode());
    assertTrue(core.accepted().isEmpty());
  }

  @Test
  void aSignatureDatedMoreThanFiveMinutesAheadIsRefused() throws Exception {
    long inTenMinutes = Instant.now().getEpochSecond() + 600;

    var response = post(fixture("app_mention.json"), JSON, inTenMinutes, null, Map.of());

    assertEquals(401, response.statusCode());
    assertTrue(core.accepted().isEmpty());
  }

  @Test
  void theSignatureIsCheckedBeforeTheBodyIsParsed() throws Exception {
    long now = Instant.now().getEpochSecond();
    for (String body : new String[] {"{not json", "payload=%%%", "", "[]"}) {
      String forged = FakeSlackSigner.sign("not-the-secret", now, body);
      assertEquals(401, post(body, JSON, now, forged, Map.of()).statusCode(), body);
      assertEquals(401, post(body, FORM, now, forged, Map.of()).statusCode(), body);
    }
    assertTrue(core.accepted().isEmpty());
  }

  @Test
  void theSignatureCoversTheRawBytesAndABodyThatIsNotUtf8IsABadRequest() throws Exception {
    long now = Instant.now().getEpochSecond();
    byte[] notUtf8 = {'{', '"', 'a', '"', ':', '"', (byte) 0xC3, (byte) 0x28, '"', '}'};
    var request =
        HttpRequest.newBuilder(events)
            .header("Content-Type", JSON)
            .header("X-Slack-Request-Timestamp", String.valueOf(now))
            .header("X-Slack-Signature", FakeSlackSigner.signBytes(SECRET, now, notUtf8))
            .POST(HttpRequest.BodyPublishers.ofByteArray(notUtf8));

    var response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());

    assertEquals(400, response.statusCode(), response.body());
    assertTrue(response.body().contains("UTF-8"), response.body());
    assertTrue(core.accepted().isEmpty());
  }

  @Test
  void malformedBodiesGetA4xxNeverA5xx() throws Exception {
    for (String body : new String[] {"{not json", "{}", "[]", "{\"type\":\"event_callback\"}"}) {
      int status = post(body).statusCode();
      assertTrue(status >= 400 && status < 500, body + " -> " + status);
    }
    assertTrue(core.accepted().isEmpty());
  }

  @Test
  void aRetriedDeliveryIsHandedOverAgainAndAnsweredOnce() throws Exception {
    String body = fixture("app_mention.json");
    var retry = Map.of("X-Slack-Retry-Num", "1", "X-Slack-Retry-Reason", "http_timeout");

    assertEquals(200, post(body).statusCode());
    long now = Instant.now().getEpochSecond();
    assertEquals(200, post(body, JSON, now, null, retry).statusCode());

    assertEquals(1, core.accepted().size());
    assertEquals(2, core.acceptCalls());
  }

  @Test
  void aMentionDeliveredAlsoAsMessageIsAnsweredOnce() throws Exception {
    post(fixture("app_mention.json"));
    post(fixture("message_mentioning_cria.json"));

    assertEquals(1, core.accepted().size());
    assertEquals("Ev0MENTION1", core.accepted().getFirst().eventId());
  }

  @Test
  void threadRepliesWithoutMentionAreAnsweredOnlyWhereCriaTakesPart() throws Exception {
    post(fixture("thread_message.json"));
    assertTrue(core.accepted().isEmpty());

    core.markActive(ConversationKey.parse("slack:T0TEAM:C0GENERAL:1700000000.000100"));
    post(withEventId(fixture("thread_message.json"), "Ev0THREAD2"));

    assertEquals("And how tall do they get?", core.accepted().getFirst().text());
  }

  @Test
  void botMessagesAndOtherEventsAreAckedAndIgnored() throws Exception {
    for (String fixture :
        new String[] {"bot_message.json", "own_message.json", "assistant_thread_started.json"}) {
      assertEquals(200, post(fixture(fixture)).statusCode(), fixture);
    }
    assertTrue(core.accepted().isEmpty());
    // Slack's bot_message bookkeeping is skipped; Cria's own message reaches the core, which
    // ignores it as a bot's.
    assertEquals(1, core.acceptCalls());
  }

  @Test
  void directMessagesAreAnswered() throws Exception {
    post(fixture("im.json"));

    assertEquals("slack:T0TEAM:D0ADA", core.accepted().getFirst().conversation().toString());
  }

  @Test
  void editsAndDeletesReachTheCore() throws Exception {
    post(fixture("message_changed.json"));
    post(fixture("message_deleted.json"));

    var changes = core.changes();
    assertEquals("What is an *alpaca*?", changes.get(0).newText());
    assertEquals("1700000050.000200", changes.get(1).messageId());
    assertEquals(null, changes.get(1).newText());
  }

  @Test
  void slashCommandBecomesASharedCommandForTheChannel() throws Exception {
    String body =
        fixture("slash_command.txt")
            .replace(
                "RESPONSE_URL", URLEncoder.encode(slack.responseUrl("r1"), StandardCharsets.UTF_8));

    var response = post(body, FORM, Instant.now().getEpochSecond(), null, Map.of());

    assertEquals(200, response.statusCode());
    ChatEvent event = core.accepted().getFirst();
    assertEquals("slack:T0TEAM:C0GENERAL", event.conversation().toString());
    var model = assertInstanceOf(Command.Model.class, event.command());
    assertEquals("Llama-4-Maverick-17B-128E-Instruct-FP8", model.modelId());
    assertEquals(
        slack.responseUrl("r1"), SlackReplyAddress.decode(event.replyAddress()).responseUrl());
  }

  @Test
  void whenTheCoreCannotStoreTheEventSlackIsAskedToSendItAgain() throws Exception {
    core.failing(true);

    assertEquals(503, post(fixture("app_mention.json")).statusCode());
  }
}
