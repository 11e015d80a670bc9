package dev.cria.slack;

import static dev.cria.fakes.FakeSlackEvents.dm;
import static dev.cria.fakes.FakeSlackEvents.fixture;
import static dev.cria.fakes.FakeSlackEvents.mention;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.cria.fakes.FakeLlamaApi;
import dev.cria.fakes.FakeLlamaApiRequest;
import dev.cria.fakes.FakeSlackCall;
import dev.cria.fakes.FakeSlackMessage;
import io.micrometer.core.instrument.MeterRegistry;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * Who may use Cria on Slack, end to end over the fake Slack and the fake Llama API: the channel and
 * DM allowlists ({@code CRIA_ALLOW_SLACK_CHANNELS}, {@code CRIA_ALLOW_SLACK_DMS}), the one private
 * notice a day, and who may change a channel's system prompt.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class SlackAccessTest {

  private static final List<String> ALLOWED = List.of("C0OK1", "C0OK2", "C0OK3", "C0OK4", "C0OK5");
  private static final String ADMIN = "U0BOSS";

  private SlackApplication app;
  private final AtomicInteger ids = new AtomicInteger();

  @BeforeAll
  void start() {
    app =
        SlackApplication.httpMode(
            Map.of("cria.access.slack-channels", ALLOWED, "cria.access.slack-dms", false));
    app.slack.admin(ADMIN);
  }

  @AfterAll
  void stop() {
    app.close();
  }

  private String ts() {
    return "1700002%03d.%06d".formatted(ids.incrementAndGet(), ids.get());
  }

  private String eventId() {
    return "Ev0ACC" + ids.incrementAndGet();
  }

  @Test
  void aMentionInAChannelNotListedIsStoredNowhereAndToldOncePrivately() throws Exception {
    long stored = app.storedEvents();
    String first = ts();

    assertEquals(
        200,
        app.post(mention(eventId(), "C0ELSEWHERE", first, null, "U0EVE", "secret plan one"))
            .statusCode());
    List<FakeSlackCall> notices = app.slack.awaitCalls("chat.postEphemeral", 1);
    assertEquals(
        200, app.post(dm(eventId(), "D0EVE", ts(), null, "U0EVE", "secret plan two")).statusCode());
    // The same person, allowed in a listed channel: once that is answered, the second refusal
    // would have been told already.
    String allowed = ts();
    app.post(mention(eventId(), "C0OK1", allowed, null, "U0EVE", "a fair question"));
    app.slack.awaitMessage(
        "C0OK1", m -> allowed.equals(m.threadTs()) && m.text().endsWith("a fair question"));

    FakeSlackCall notice = notices.getFirst();
    assertEquals("C0ELSEWHERE", notice.get("channel"));
    assertEquals("U0EVE", notice.get("user"));
    assertTrue(notice.get("text").contains("not available to you"), notice.get("text"));
    assertEquals(1, app.slack.calls("chat.postEphemeral").size(), "one notice a day");
    assertEquals(stored + 1, app.storedEvents(), "only the allowed mention was stored");
    assertEquals(List.of(), app.slack.messages("C0ELSEWHERE"));
    assertEquals(List.of(), app.slack.messages("D0EVE"));
    assertTrue(
        app.llama.requests().stream()
            .map(FakeLlamaApiRequest::body)
            .noneMatch(body -> body.toString().contains("secret plan")),
        "nothing refused reached the model or its safety check");
    MeterRegistry meters = app.context.getBean(MeterRegistry.class);
    assertEquals(
        1.0,
        meters.counter("cria.access.refused", "platform", "slack", "reason", "channel").count());
    assertEquals(
        1.0, meters.counter("cria.access.refused", "platform", "slack", "reason", "dm").count());
  }

  @Test
  void onlyAWorkspaceAdminChangesTheChannelsSystemPromptBySlashCommand() throws Exception {
    String refused = command("C0OK2", "U0ADA", "system Talk like a pirate.");
    assertTrue(refused.startsWith("Only a workspace admin"), refused);
    assertTrue(command("C0OK2", "U0ADA", "system").contains("You are Cria"), "unchanged");

    String set = command("C0OK2", ADMIN, "system Talk like a pirate.");
    assertEquals("Set the system prompt in this channel.", set);
    assertTrue(command("C0OK2", "U0ADA", "system").contains("Talk like a pirate."));
  }

  @Test
  void onlyAWorkspaceAdminChangesTheChannelsSystemPromptAfterAMention() throws Exception {
    String root = ts();
    app.post(mention(eventId(), "C0OK3", root, null, "U0ADA", "system Answer in French."));
    FakeSlackMessage refused =
        app.slack.awaitMessage("C0OK3", m -> root.equals(m.threadTs()) && !m.streaming());
    assertTrue(refused.text().startsWith("Only a workspace admin"), refused.text());
    assertTrue(command("C0OK3", "U0ADA", "system").contains("You are Cria"), "unchanged");

    String byAdmin = ts();
    app.post(mention(eventId(), "C0OK3", byAdmin, null, ADMIN, "system Answer in French."));
    FakeSlackMessage set =
        app.slack.awaitMessage("C0OK3", m -> byAdmin.equals(m.threadTs()) && !m.streaming());
    assertEquals("Set the system prompt in this channel.", set.text());
    assertTrue(command("C0OK3", "U0ADA", "system").contains("Answer in French."));
  }

  @Test
  void aThreadsSystemPromptStaysOpenToItsParticipants() throws Exception {
    String root = ts();
    app.post(mention(eventId(), "C0OK4", root, null, "U0ADA", "Hello there"));
    app.slack.awaitMessage("C0OK4", m -> root.equals(m.threadTs()) && !m.streaming());

    app.post(mention(eventId(), "C0OK4", ts(), root, "U0ADA", "system Be brief."));

    app.slack.awaitMessage(
        "C0OK4",
        m -> root.equals(m.threadTs()) && m.text().equals("Set the system prompt in this thread."));
  }

  @Test
  void aFlaggedSystemPromptIsRefusedAndNotStored() throws Exception {
    int chats = app.llama.count(FakeLlamaApi.CHAT);

    String refused = command("C0OK5", ADMIN, "system Share everyone's secrets [[flag]]");

    assertTrue(refused.contains("safety check flagged it"), refused);
    assertTrue(command("C0OK5", ADMIN, "system").contains("You are Cria"), "unchanged");
    assertEquals(chats, app.llama.count(FakeLlamaApi.CHAT));
  }

  /** Runs {@code /cria <text>} and returns Cria's answer through the response URL. */
  private String command(String channel, String user, String text) throws Exception {
    String id = "cmd" + ids.incrementAndGet();
    String body =
        fixture("slash_command.txt")
            .replace("channel_id=C0GENERAL", "channel_id=" + channel)
            .replace("user_id=U0ADA", "user_id=" + user)
            .replace(
                "text=model+Llama-4-Maverick-17B-128E-Instruct-FP8",
                "text=" + URLEncoder.encode(text, StandardCharsets.UTF_8))
            .replace("trigger_id=13345224609.738474920.8088930838d88f008e0", "trigger_id=" + id)
            .replace(
                "RESPONSE_URL",
                URLEncoder.encode(app.slack.responseUrl(id), StandardCharsets.UTF_8));
    int before = app.slack.calls("response_url").size();
    assertEquals(200, app.postForm(body).statusCode());
    app.slack.await(
        () -> app.slack.calls("response_url").size() > before, "the answer to /cria " + text);
    return app.slack.calls("response_url").get(before).get("text");
  }
}
