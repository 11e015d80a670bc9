package dev.cria.slack;

import static dev.cria.fakes.FakeSlackEvents.dm;
import static dev.cria.fakes.FakeSlackEvents.fixture;
import static dev.cria.fakes.FakeSlackEvents.mention;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import dev.cria.fakes.FakeLlamaApi;
import dev.cria.fakes.FakeLlamaApiRequest;
import dev.cria.fakes.FakeSlackCall;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * {@code summarize} and agent thread titles on Slack, end to end: signed events into the running
 * application, the real pipeline on H2, the Ollama-shaped fake Llama API answering {@code
 * json_schema}, Block Kit and renames checked at the fake Slack. {@link SlackSummaryFallbackTest}
 * has the server that refuses {@code json_schema}.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class SlackSummaryTest {

  private static final Duration WAIT = Duration.ofSeconds(20);

  /** What the model answers to the summary's json_schema, with markup that must not get through. */
  private static final String STRUCTURED =
      """
      {"title": "Llama party",
       "summary": "<!channel> The party is on Friday & everyone brings hay.",
       "decisions": ["Friday it is"],
       "action_items": [{"task": "Buy hay", "owner": "U0ADA"}, {"task": "Book the barn",
         "owner": "Bob"}, {"task": "Send invites", "owner": ""}],
       "open_questions": ["Which barn?"]}""";

  private SlackApplication app;
  private final AtomicInteger ids = new AtomicInteger();

  @BeforeAll
  void start() {
    app = SlackApplication.httpMode();
  }

  @AfterAll
  void stop() {
    app.close();
  }

  @BeforeEach
  void forgetScripts() {
    app.llama.reset();
  }

  private String ts() {
    return "1700002%03d.%06d".formatted(ids.incrementAndGet(), ids.get());
  }

  private String eventId() {
    return "Ev0SUM" + ids.incrementAndGet();
  }

  /** A thread in a new channel with one question and its answer; returns {channel, root}. */
  private String[] threadWithOneExchange() throws Exception {
    String channel = "C0SUM" + ids.incrementAndGet();
    String root = ts();
    app.post(mention(eventId(), channel, root, null, "U0ADA", "Let us plan the llama party"));
    app.slack.awaitMessage(
        channel,
        m ->
            root.equals(m.threadTs())
                && !m.streaming()
                && m.text().equals("Echo: Ada: Let us plan the llama party"));
    return new String[] {channel, root};
  }

  private FakeSlackCall awaitPostWithBlocks(String channel, String threadTs) {
    app.slack.await(
        () -> postsWithBlocks(channel, threadTs).size() == 1,
        "a message with blocks in " + channel);
    return postsWithBlocks(channel, threadTs).getFirst();
  }

  private List<FakeSlackCall> postsWithBlocks(String channel, String threadTs) {
    return app.slack.calls("chat.postMessage").stream()
        .filter(call -> channel.equals(call.get("channel")))
        .filter(call -> threadTs.equals(call.get("thread_ts")))
        .filter(call -> call.get("blocks") != null && call.get("blocks").contains("header"))
        .toList();
  }

  @Test
  void summarizeAfterAMentionInAThreadIsBlockKit() throws Exception {
    String[] thread = threadWithOneExchange();
    app.llama.answerStructuredWith(STRUCTURED);

    app.post(mention(eventId(), thread[0], ts(), thread[1], "U0ADA", "summarize"));

    FakeSlackCall post = awaitPostWithBlocks(thread[0], thread[1]);
    JsonArray blocks = JsonParser.parseString(post.get("blocks")).getAsJsonArray();
    assertEquals("header", type(blocks, 0));
    assertEquals("Llama party", text(blocks.get(0).getAsJsonObject()));
    assertEquals(
        "Summary of this thread (2 messages)",
        text(blocks.get(1).getAsJsonObject().getAsJsonArray("elements").get(0).getAsJsonObject()));
    assertEquals(
        "&lt;!channel&gt; The party is on Friday &amp; everyone brings hay.",
        text(blocks.get(2).getAsJsonObject()),
        "nothing the model wrote pings or links");
    assertEquals("*Decisions*\n• Friday it is", text(blocks.get(3).getAsJsonObject()));
    assertEquals(
        "*Action items*\n• Buy hay — <@U0ADA>\n• Book the barn — Bob\n• Send invites",
        text(blocks.get(4).getAsJsonObject()),
        "an owner that is a user id is a mention");
    assertEquals("*Open questions*\n• Which barn?", text(blocks.get(5).getAsJsonObject()));
    assertTrue(
        post.get("text").startsWith("Llama party (summary of this thread"), post.get("text"));

    FakeLlamaApiRequest asked = structuredRequest("ConversationSummary");
    var format = asked.body().path("response_format");
    assertTrue(format.at("/json_schema/strict").asBoolean(), "OpenAI-compatible and strict");
    String transcript = asked.lastUserMessage();
    assertTrue(
        transcript.contains("Ada: Let us plan the llama party")
            && transcript.contains("Cria: Echo: Ada: Let us plan the llama party"),
        transcript);
    assertTrue(
        app.llama.requests(FakeLlamaApi.GUARD).stream()
            .anyMatch(check -> check.body().toString().contains("Buy hay")),
        "the summary was moderated like an answer");
  }

  @Test
  void theSlashCommandSummarizesTheDmThroughItsResponseUrl() throws Exception {
    String channel = "D0SUM" + ids.incrementAndGet();
    app.post(dm(eventId(), channel, ts(), null, "U0ADA", "Hello in private"));
    app.slack.awaitMessage(channel, m -> m.text().equals("Echo: Ada: Hello in private"));
    app.llama.answerStructuredWith(STRUCTURED);

    assertEquals(200, app.postForm(slashCommand(channel, "summarize", "sum-1")).statusCode());

    app.slack.await(
        () -> blocksResponse("this conversation") != null, "the /cria summarize answer");
    FakeSlackCall response = blocksResponse("this conversation");
    assertEquals("ephemeral", response.get("response_type"));
    JsonArray blocks = JsonParser.parseString(response.get("blocks")).getAsJsonArray();
    assertEquals("Llama party", text(blocks.get(0).getAsJsonObject()));
    assertEquals(
        "Summary of this conversation (2 messages)",
        text(blocks.get(1).getAsJsonObject().getAsJsonArray("elements").get(0).getAsJsonObject()));
  }

  @Test
  void theSlashCommandInAChannelSummarizesItsConversationsWithCria() throws Exception {
    String[] thread = threadWithOneExchange();
    app.llama.answerStructuredWith(STRUCTURED);

    assertEquals(200, app.postForm(slashCommand(thread[0], "summarize", "sum-2")).statusCode());

    app.slack.await(
        () -> blocksResponse("the conversations with Cria in this channel") != null,
        "the /cria summarize answer for the channel");
    FakeLlamaApiRequest asked = structuredRequest("ConversationSummary");
    assertTrue(asked.lastUserMessage().contains("Ada: Let us plan the llama party"));
  }

  @Test
  void theSlashCommandInAChannelWithoutConversationsSaysSo() throws Exception {
    int chats = app.llama.count(FakeLlamaApi.CHAT);

    assertEquals(200, app.postForm(slashCommand("C0SUMNONE", "summarize", "sum-3")).statusCode());

    app.slack.await(
        () ->
            app.slack.calls("response_url").stream()
                .anyMatch(call -> call.get("text").contains("nothing to summarize here yet")),
        "the /cria summarize answer");
    assertEquals(chats, app.llama.count(FakeLlamaApi.CHAT), "no model call for nothing");
  }

  /** The response-URL answer whose blocks say they summarize this scope, or null. */
  private FakeSlackCall blocksResponse(String scope) {
    return app.slack.calls("response_url").stream()
        .filter(call -> call.get("blocks") != null && call.get("blocks").contains(scope))
        .findFirst()
        .orElse(null);
  }

  @Test
  void anAgentThreadIsRetitledFromTheStructuredTitleAfterItsFirstAnswer() throws Exception {
    String channel = "D0SUM" + ids.incrementAndGet();
    String question = ts();
    app.llama.answerStructuredWith("{\"title\": \"Hay for llamas\"}");

    app.post(dm(eventId(), channel, question, null, "U0ADA", "How much hay does a llama eat?"));

    app.slack.await(() -> renames(channel).size() == 2, "two renames of the agent thread");
    List<FakeSlackCall> renames = renames(channel);
    assertEquals("How much hay does a llama eat?", renames.get(0).get("title"));
    assertEquals("Hay for llamas", renames.get(1).get("title"));
    assertEquals(question, renames.get(1).get("thread_ts"));
    FakeLlamaApiRequest asked = structuredRequest("ConversationTitle");
    assertTrue(asked.lastUserMessage().contains("How much hay does a llama eat?"));
    assertTrue(asked.lastUserMessage().contains("Echo: Ada: How much hay"), "and its answer");
  }

  private List<FakeSlackCall> renames(String channel) {
    return app.slack.calls("agents.sessions.rename").stream()
        .filter(call -> channel.equals(call.get("channel_id")))
        .toList();
  }

  private FakeLlamaApiRequest structuredRequest(String schema) {
    return app.llama.await(
        request ->
            request.endpoint().equals(FakeLlamaApi.CHAT)
                && schema.equals(
                    request.body().at("/response_format/json_schema/name").asText(null)),
        WAIT);
  }

  private String slashCommand(String channel, String text, String id) {
    return fixture("slash_command.txt")
        .replace("channel_id=C0GENERAL", "channel_id=" + channel)
        .replace("text=model+Llama-4-Maverick-17B-128E-Instruct-FP8", "text=" + text)
        .replace("trigger_id=13345224609", "trigger_id=" + id + ids.incrementAndGet())
        .replace(
            "RESPONSE_URL", URLEncoder.encode(app.slack.responseUrl(id), StandardCharsets.UTF_8));
  }

  private static String type(JsonArray blocks, int index) {
    return blocks.get(index).getAsJsonObject().get("type").getAsString();
  }

  private static String text(JsonObject block) {
    return block.has("text") && block.get("text").isJsonObject()
        ? block.getAsJsonObject("text").get("text").getAsString()
        : block.get("text").getAsString();
  }
}
