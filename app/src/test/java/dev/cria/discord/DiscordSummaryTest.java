package dev.cria.discord;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.cria.chat.Platform;
import dev.cria.fakes.FakeDiscord;
import dev.cria.fakes.FakeDiscordCall;
import dev.cria.fakes.FakeDiscordPayloads;
import dev.cria.fakes.FakeLlamaApi;
import dev.cria.fakes.FakeLlamaApiRequest;
import dev.cria.testing.PipelineHarness;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.regex.Pattern;
import net.dv8tion.jda.api.utils.data.DataArray;
import net.dv8tion.jda.api.utils.data.DataObject;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * {@code /summarize}, the "Summarize thread" message command and {@code /chat} thread titles on
 * Discord, end to end: the running application (H2, the real pipeline and Llama client) with the
 * fake Discord (REST and gateway) and the fake Llama API answering {@code json_schema}. The embeds
 * and the thread's rename are checked at the fake Discord. {@link DiscordSummaryFallbackTest} has
 * the server that refuses {@code json_schema}.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class DiscordSummaryTest {

  private static final Duration WAIT = Duration.ofSeconds(20);

  private static final String STRUCTURED =
      """
      {"title": "Llama party",
       "summary": "The party is on Friday; everyone brings hay.",
       "decisions": ["Friday it is"],
       "action_items": [{"task": "Buy hay", "owner": "<@%s>"}, {"task": "Book the barn",
         "owner": "Bob"}],
       "open_questions": ["Which barn?"]}"""
          .formatted(FakeDiscordPayloads.USER_ID);

  private FakeDiscord discord;
  private PipelineHarness app;

  @BeforeAll
  void start() {
    discord = new FakeDiscord();
    app = PipelineHarness.start(new HashMap<>(discord.properties()));
    discord.awaitConnected(1);
  }

  @AfterAll
  void stop() {
    app.close();
    discord.close();
  }

  @BeforeEach
  void forgetScripts() {
    app.llama.reset();
  }

  @Test
  void chatNamesItsThreadFromTheStructuredTitleThenSummarizeShowsAnEmbed() {
    app.llama.answerStructuredWith("{\"title\": \"Planning the llama party\"}");
    discord.slashCommand("chat", Map.of("prompt", "Let us plan the llama party"), null);
    String thread = awaitThread("Let us plan the llama party");
    awaitMessage(thread, "Let us plan the llama party");

    FakeDiscordCall rename = discord.await("PATCH", "channels/" + thread);
    assertEquals("Planning the llama party", rename.json().getString("name"));
    // The fake records a call before it applies it: wait for the store, not only the call.
    discord.awaitTrue(
        () -> "Planning the llama party".equals(discord.threadName(thread)),
        "the thread renamed in the fake's store");
    FakeLlamaApiRequest titleAsked = structuredRequest("ConversationTitle");
    assertTrue(titleAsked.lastUserMessage().contains("Let us plan the llama party"));

    app.llama.answerStructuredWith(STRUCTURED);
    FakeDiscord.Interaction summarize = discord.slashCommand("summarize", Map.of(), thread);

    DataObject embed = awaitEmbed(summarize);
    assertEquals("Llama party", embed.getString("title"));
    assertEquals("The party is on Friday; everyone brings hay.", embed.getString("description"));
    assertEquals(
        "Summary of this thread (2 messages)", embed.getObject("footer").getString("text"));
    DataArray fields = embed.getArray("fields");
    assertEquals(3, fields.length());
    assertField(fields.getObject(0), "Decisions", "• Friday it is");
    assertField(
        fields.getObject(1),
        "Action items",
        "• Buy hay — <@" + FakeDiscordPayloads.USER_ID + ">\n• Book the barn — Bob");
    assertField(fields.getObject(2), "Open questions", "• Which barn?");
    String transcript = structuredRequest("ConversationSummary").lastUserMessage();
    assertTrue(transcript.contains(": Let us plan the llama party\n\nCria: Echo: "), transcript);
  }

  @Test
  void summarizeThreadOnAnAnswerSummarizesItsConversation() {
    FakeDiscord.Interaction ask =
        discord.slashCommand("ask", Map.of("prompt", "Remember the word kiwi."), null);
    discord.awaitTrue(
        () -> String.join("\n", discord.answerOf(ask)).endsWith("Remember the word kiwi."),
        "the answer");
    String answer = discord.answerMessageId(ask);
    discord.awaitTrue(
        () -> app.store.conversationOfMessage(Platform.DISCORD, answer).isPresent(),
        "answer recorded");
    app.llama.answerStructuredWith(STRUCTURED);

    FakeDiscord.Interaction summarize = discord.messageCommandOn("Summarize thread", answer);

    DataObject embed = awaitEmbed(summarize);
    assertEquals("Llama party", embed.getString("title"));
    assertTrue(
        structuredRequest("ConversationSummary")
            .lastUserMessage()
            .contains("Remember the word kiwi."),
        "the conversation of the message it was used on");
  }

  // --- helpers -------------------------------------------------------------------------------

  private static void assertField(DataObject field, String name, String value) {
    assertEquals(name, field.getString("name"));
    assertEquals(value, field.getString("value"));
  }

  /** The embed the interaction's original reply was edited to show. */
  private DataObject awaitEmbed(FakeDiscord.Interaction interaction) {
    String route = "webhooks/\\d+/" + Pattern.quote(interaction.token()) + "/messages/@original";
    FakeDiscordCall edit =
        discord.await(
            call -> call.is("PATCH", route) && call.body().contains("\"embeds\""),
            "an embed in the answer to " + interaction);
    DataArray embeds = edit.json().getArray("embeds");
    assertEquals(1, embeds.length());
    assertEquals("", edit.json().getString("content", ""), "the embed alone");
    return embeds.getObject(0);
  }

  private String awaitThread(String name) {
    discord.awaitTrue(() -> discord.threadOpenedAs(name) != null, "thread " + name);
    return discord.threadOpenedAs(name);
  }

  /** Waits for Cria's answer in a channel or thread: a message that ends with the question. */
  private void awaitMessage(String channelId, String question) {
    discord.awaitTrue(
        () ->
            discord.messagesIn(channelId).stream()
                .anyMatch(m -> m.getString("content").endsWith(question)),
        "the answer to " + question);
  }

  private FakeLlamaApiRequest structuredRequest(String schema) {
    return app.llama.await(
        request ->
            request.endpoint().equals(FakeLlamaApi.CHAT)
                && schema.equals(
                    request.body().at("/response_format/json_schema/name").asText(null)),
        WAIT);
  }
}
