package dev.cria.faults;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.cria.fakes.FakeLlamaApi;
import dev.cria.fakes.FakeSlackApi;
import dev.cria.fakes.FakeSlackEvents;
import dev.cria.fakes.FakeSlackSigner;
import dev.cria.persistence.ChatMessageRepository;
import dev.cria.persistence.InboundEventRepository;
import dev.cria.persistence.TestDatabases;
import io.micronaut.context.ApplicationContext;
import io.micronaut.runtime.server.EmbeddedServer;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * Bad input on {@code POST /slack/events} of the running application (H2, the real store, the fake
 * Slack and model): whatever arrives, the answer is a 4xx, or a 200 for something valid that Cria
 * ignores, never a 5xx (which makes Slack deliver it again), and nothing is stored.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class SlackBadInputTest {

  private static final String SECRET = "bad-input-signing-secret-42";
  private static final String JSON = "application/json";
  private static final String FORM = "application/x-www-form-urlencoded";

  private final HttpClient http = HttpClient.newHttpClient();
  private FakeSlackApi slack;
  private FakeLlamaApi llama;
  private ApplicationContext context;
  private URI events;
  private InboundEventRepository inbound;
  private ChatMessageRepository messages;

  @BeforeAll
  void start() {
    slack = FakeSlackApi.start();
    llama = FakeLlamaApi.start();
    Map<String, Object> properties = new HashMap<>(TestDatabases.h2());
    properties.put("cria.slack.bot-token", FakeSlackApi.BOT_TOKEN);
    properties.put("cria.slack.signing-secret", SECRET);
    properties.put("cria.slack.api-url", slack.apiUrl());
    properties.put("cria.llama.api-key", "bad-input-llama-key-0000");
    properties.put("cria.llama.base-url", llama.baseUrl());
    properties.put("cria.llama.api-style", "llama");
    properties.put("cria.llama.moderation", "moderations");
    properties.put("micronaut.server.port", -1);
    context = ApplicationContext.builder().properties(properties).start();
    events = context.getBean(EmbeddedServer.class).start().getURI().resolve("/slack/events");
    inbound = context.getBean(InboundEventRepository.class);
    messages = context.getBean(ChatMessageRepository.class);
  }

  @AfterAll
  void stop() {
    context.close();
    slack.close();
    llama.close();
  }

  @AfterEach
  void nothingWasStored() {
    List<String> stored = new ArrayList<>();
    inbound.findAll().forEach(row -> stored.add(row.eventId() + " " + row.conversationKey()));
    long turns = messages.count();
    messages.deleteAll();
    inbound.deleteAll();
    assertEquals(List.of(), stored, "inbound_event rows");
    assertEquals(0, turns, "chat_message rows");
  }

  @Test
  void malformedJsonIsRefused() throws Exception {
    for (String body :
        List.of(
            "{not json",
            "{\"type\":",
            "",
            "null",
            "\"event_callback\"",
            "42",
            "[]",
            "[{\"type\":\"event_callback\"}]",
            "{\"type\":\"event_callback\",\"event\":",
            "{\"type\":\"event_callback\"}}}}")) {
      refused(signed(body, JSON), body);
    }
    noProblems();
  }

  @Test
  void aBodyOverTheSizeLimitIsRefusedBeforeItIsRead() throws Exception {
    String huge =
        FakeSlackEvents.mention(
            "EvHuge", "C0BAD", "1700000000.000100", null, "U0ADA", "x".repeat(1_100_000));

    refused(signed(huge, JSON), "a signed 1.1 MB mention");
    refused(post(huge, JSON, Map.of()), "an unsigned 1.1 MB mention");
    refused(signed("payload=" + "y".repeat(2_000_000), FORM), "a signed 2 MB form payload");
    noProblems();
  }

  @Test
  void wrongContentTypesAreRefused() throws Exception {
    String mention = mention("EvType");
    for (String type :
        List.of(
            "text/plain",
            "application/xml",
            "application/octet-stream",
            "multipart/form-data; boundary=x",
            "image/png",
            "not a content type")) {
      refused(signed(mention, type), type);
    }
    long now = Instant.now().getEpochSecond();
    HttpRequest.Builder untyped =
        HttpRequest.newBuilder(events)
            .header("X-Slack-Request-Timestamp", String.valueOf(now))
            .header("X-Slack-Signature", FakeSlackSigner.sign(SECRET, now, mention))
            .POST(HttpRequest.BodyPublishers.ofString(mention));
    refused(http.send(untyped.build(), HttpResponse.BodyHandlers.ofString()), "no content type");
    noProblems();
  }

  @Test
  void eventsWithMissingOrBrokenFieldsAreNotStored() throws Exception {
    for (String body : BadSlackPayloads.brokenEnvelopes()) {
      ignoredOrRefused(signed(body, JSON), body);
    }
    noProblems();
  }

  @Test
  void aValidSignatureOverGarbageIsRefused() throws Exception {
    Random random = new Random(6);
    for (int i = 0; i < 30; i++) {
      byte[] bytes = new byte[1 + random.nextInt(2000)];
      random.nextBytes(bytes);
      String garbage = new String(bytes, StandardCharsets.UTF_8);
      refused(signed(garbage, i % 2 == 0 ? JSON : FORM), "random bytes #" + i);
    }
    for (String body :
        List.of(
            "payload=%%%",
            "payload={broken",
            "payload=%7B%7D",
            "payload=null",
            "command=%2Fcria",
            "command=%2Fcria&text=reset",
            "command=%2Fcria&text=help&team_id=T0TEAM&channel_id=C:1&user_id=U0ADA&trigger_id=t1",
            "ssl_check=1&token=x",
            "=&&=&",
            "a=b")) {
      ignoredOrRefused(signed(body, FORM), body);
    }
    noProblems();
  }

  @Test
  void unknownEventTypesAreAckedAndIgnored() throws Exception {
    for (String type :
        List.of("reaction_added", "team_join", "channel_created", "app_home_opened", "")) {
      String body =
          "{\"type\":\"event_callback\",\"team_id\":\"T0TEAM\",\"event_id\":\"Ev"
              + type
              + "\",\"event\":{\"type\":\""
              + type
              + "\",\"user\":\"U0ADA\",\"channel\":\"C0BAD\",\"ts\":\"1700000000.000100\"}}";
      HttpResponse<String> response = signed(body, JSON);
      if (response.statusCode() != 200) {
        problems.add(type + " -> " + response.statusCode());
      }
    }
    for (String type : List.of("app_rate_limited", "unknown_envelope", "block_actions")) {
      ignoredOrRefused(signed("{\"type\":\"" + type + "\",\"team_id\":\"T0TEAM\"}", JSON), type);
    }
    noProblems();
  }

  @Test
  void aBadSignatureOverAnythingIsUnauthorized() throws Exception {
    long now = Instant.now().getEpochSecond();
    for (String body : List.of(mention("EvForged"), "{not json", "")) {
      Map<String, String> forged =
          Map.of(
              "X-Slack-Request-Timestamp",
              String.valueOf(now),
              "X-Slack-Signature",
              FakeSlackSigner.sign("not-the-secret", now, body));
      refused(post(body, JSON, forged), "forged " + body);
      refused(
          post(body, JSON, Map.of("X-Slack-Request-Timestamp", "soon", "X-Slack-Signature", "v0=")),
          "unreadable signature " + body);
      refused(post(body, JSON, Map.of()), "unsigned " + body);
    }
    noProblems();
  }

  private static String mention(String eventId) {
    return FakeSlackEvents.mention(eventId, "C0BAD", "1700000000.000100", null, "U0ADA", "hi");
  }

  private HttpResponse<String> signed(String body, String contentType) throws Exception {
    long now = Instant.now().getEpochSecond();
    return post(
        body,
        contentType,
        Map.of(
            "X-Slack-Request-Timestamp",
            String.valueOf(now),
            "X-Slack-Signature",
            FakeSlackSigner.sign(SECRET, now, body)));
  }

  private HttpResponse<String> post(String body, String contentType, Map<String, String> headers)
      throws Exception {
    HttpRequest.Builder request =
        HttpRequest.newBuilder(events)
            .header("Content-Type", contentType)
            .POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8));
    headers.forEach(request::header);
    return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
  }

  private final List<String> problems = new ArrayList<>();

  /** Notes a response that is not a 4xx. */
  private void refused(HttpResponse<String> response, String what) {
    int status = response.statusCode();
    if (status < 400 || status >= 500) {
      problems.add(what + " -> " + status + " " + response.body());
    }
  }

  /** Notes a response that is neither a 200 (ignored) nor a 4xx. */
  private void ignoredOrRefused(HttpResponse<String> response, String what) {
    if (response.statusCode() != 200) {
      refused(response, what);
    }
  }

  private void noProblems() {
    List<String> found = List.copyOf(problems);
    problems.clear();
    assertEquals(List.of(), found);
  }
}
