package dev.cria.discord;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.cria.fakes.FakeDiscord;
import dev.cria.fakes.FakeDiscordCall;
import dev.cria.fakes.FakeLlamaApi;
import dev.cria.fakes.FakeLlamaApiRequest;
import dev.cria.testing.PipelineHarness;
import java.time.Duration;
import java.util.HashMap;
import net.dv8tion.jda.api.utils.data.DataArray;
import net.dv8tion.jda.api.utils.data.DataObject;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * The message context-menu command "Ask Cria" end to end: registered with the slash commands, and
 * used on a member's message it is deferred and answered about that message through the pipeline.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class DiscordAskCriaTest {

  private static final String CAROL = "1350000000000000302";

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

  @Test
  void askCriaIsRegisteredAsAMessageCommand() {
    FakeDiscordCall registration = discord.await("PUT", "applications/\\d+/commands");
    DataArray commands = registration.jsonArray();
    boolean found = false;
    for (int i = 0; i < commands.length(); i++) {
      DataObject command = commands.getObject(i);
      if (command.getString("name").equals("Ask Cria")) {
        assertEquals(3, command.getInt("type"));
        found = true;
      }
    }
    assertTrue(found, commands.toString());
  }

  @Test
  void askCriaAnswersAboutThatMessage() {
    FakeDiscord.Interaction ask = discord.messageCommand(CAROL, "Llamas hum when content");

    FakeDiscordCall deferral =
        discord.await("POST", "interactions/" + ask.id() + "/[^/]+/callback");
    assertEquals(5, deferral.json().getInt("type"));
    FakeLlamaApiRequest chat =
        app.llama.await(
            request ->
                request.endpoint().equals(FakeLlamaApi.CHAT)
                    && request.lastUserMessage().contains("> Llamas hum when content"),
            Duration.ofSeconds(20));
    assertTrue(chat.lastUserMessage().contains("About this message by"), chat.lastUserMessage());
    discord.awaitTrue(
        () -> String.join("\n", discord.answerOf(ask)).contains("Llamas hum when content"),
        "the answer in the deferred reply");
  }
}
