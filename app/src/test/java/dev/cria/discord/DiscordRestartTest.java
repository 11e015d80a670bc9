package dev.cria.discord;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.cria.chat.Platform;
import dev.cria.fakes.FakeDiscord;
import dev.cria.fakes.FakeDiscordPayloads;
import dev.cria.fakes.FakeLlamaApi;
import dev.cria.fakes.FakeLlamaApiRequest;
import dev.cria.persistence.TestDatabases;
import dev.cria.testing.PipelineHarness;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * A restart of the application against the same Discord and database: unchanged slash commands are
 * not registered again, and a conversation goes on where it stopped.
 */
class DiscordRestartTest {

  private final FakeDiscord discord = new FakeDiscord();
  private final FakeLlamaApi llama = FakeLlamaApi.ollama();
  private final Map<String, Object> properties = new HashMap<>(TestDatabases.h2());
  private PipelineHarness app;

  @AfterEach
  void stop() {
    if (app != null) {
      app.close();
    }
    discord.close();
  }

  @Test
  void aRestartKeepsTheCommandsAndTheConversation() throws Exception {
    properties.putAll(discord.properties());
    app = PipelineHarness.start(llama, properties);
    discord.awaitConnected(1);
    assertEquals(CommandRegistrar.Outcome.REGISTERED, registration());
    FakeDiscord.Interaction ask =
        discord.slashCommand("ask", Map.of("prompt", "Remember the word fig."), null);
    discord.awaitTrue(
        () -> String.join("", discord.answerOf(ask)).endsWith("Remember the word fig."),
        "the first answer");
    String answerId = discord.answerMessageId(ask);
    discord.awaitTrue(
        () -> app.store.conversationOfMessage(Platform.DISCORD, answerId).isPresent(),
        "the answer recorded");

    app.stopApplication();
    app = PipelineHarness.start(llama, properties);
    discord.awaitConnected(1);

    assertEquals(CommandRegistrar.Outcome.UNCHANGED, registration());
    assertEquals(1, discord.calls("PUT", "applications/\\d+/commands").size());
    discord.reply(FakeDiscordPayloads.CHANNEL_ID, answerId, "Which fruit?");
    FakeLlamaApiRequest request =
        llama.await(
            r ->
                r.endpoint().equals(FakeLlamaApi.CHAT)
                    && r.lastUserMessage().contains("Which fruit?"),
            Duration.ofSeconds(20));
    assertTrue(request.body().path("messages").toString().contains("Remember the word fig."));
  }

  private CommandRegistrar.Outcome registration() throws Exception {
    return app.context
        .getBean(DiscordStartup.class)
        .commandRegistration()
        .get(10, TimeUnit.SECONDS);
  }
}
