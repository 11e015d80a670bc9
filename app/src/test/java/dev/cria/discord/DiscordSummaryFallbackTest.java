package dev.cria.discord;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.cria.fakes.FakeDiscord;
import dev.cria.fakes.FakeLlamaApi;
import dev.cria.fakes.FakeLlamaApiRequest;
import dev.cria.testing.PipelineHarness;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * A model server without {@code json_schema} (it refuses {@code response_format}): the {@code
 * /chat} thread keeps the name of its question and {@code /summarize} answers in plain text. An
 * application of its own, since the client remembers the refusal beyond a test.
 *
 * <p>Otherwise as {@link DiscordSummaryTest}: {@code /summarize}, the "Summarize thread" message
 * command and {@code /chat} thread titles on Discord, end to end: the running application (H2, the
 * real pipeline and Llama client) with the fake Discord (REST and gateway) and the fake Llama API
 * answering {@code json_schema}. The embeds and the thread's rename are checked at the fake
 * Discord. {@link DiscordSummaryFallbackTest} has the server that refuses {@code json_schema}.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class DiscordSummaryFallbackTest {

  private static final Duration WAIT = Duration.ofSeconds(20);

  private FakeDiscord discord;
  private PipelineHarness app;

  @BeforeAll
  void start() {
    discord = new FakeDiscord();
    app = PipelineHarness.start(new HashMap<>(discord.properties()));
    discord.awaitConnected(1);
    app.llama.refuseStructuredOutput(400);
  }

  @AfterAll
  void stop() {
    app.close();
    discord.close();
  }

  @Test
  void withoutJsonSchemaTheThreadKeepsItsNameAndTheSummaryIsText() {
    discord.slashCommand("chat", Map.of("prompt", "Do llamas hum?"), null);
    String thread = awaitThread("Do llamas hum?");
    awaitMessage(thread, "Do llamas hum?");
    structuredRequest("ConversationTitle");

    FakeDiscord.Interaction summarize = discord.slashCommand("summarize", Map.of(), thread);

    discord.awaitTrue(
        () -> String.join("\n", discord.answerOf(summarize)).contains("Summary of"),
        "the plain summary");
    String text = String.join("\n", discord.answerOf(summarize));
    assertTrue(text.startsWith("_Summary of this thread (2 messages)_"), text);
    assertTrue(text.contains("Echo: ") && text.contains("Do llamas hum?"), text);
    assertEquals("Do llamas hum?", discord.threadName(thread), "no structured title, no rename");
    assertEquals(0, discord.calls("PATCH", "channels/" + thread).size());
  }

  // --- helpers -------------------------------------------------------------------------------

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
