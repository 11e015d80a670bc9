package dev.cria.discord;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.cria.fakes.FakeDiscord;
import dev.cria.fakes.FakeDiscordCall;
import dev.cria.testing.PipelineHarness;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * {@code DISCORD_COMPONENTS_V2} on, over the fake Discord, which refuses what Discord refuses with
 * the flag (content or embeds beside it, over 4,000 characters of text, more than five buttons): an
 * answer of 3,500 characters, two messages without V2, is one message holding a text display and
 * the 👍/👎/Regenerate buttons; a command's answer stays plain content.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class DiscordComponentsV2Test {

  private FakeDiscord discord;
  private PipelineHarness app;

  @BeforeAll
  void start() {
    discord = new FakeDiscord();
    Map<String, Object> properties = new HashMap<>(discord.properties());
    properties.put("cria.discord.components-v2", true);
    app = PipelineHarness.start(properties);
    discord.awaitConnected(1);
  }

  @AfterAll
  void stop() {
    app.close();
    discord.close();
  }

  @Test
  void aLongAnswerIsOneTextDisplayWithTheButtonsBeneath() {
    FakeDiscord.Interaction ask =
        discord.slashCommand("ask", Map.of("prompt", "[[long:3500]] tell me"), null);
    discord.awaitTrue(
        () -> {
          String id = discord.answerMessageId(ask);
          return id != null && discord.componentsOf(id).contains("cria:rg:" + id);
        },
        "the answer with its buttons");
    String answer = discord.answerMessageId(ask);

    assertTrue(discord.isComponentsV2(answer), "flag IS_COMPONENTS_V2");
    assertEquals(3500, discord.textOf(answer).length(), discord.textOf(answer));
    String components = discord.componentsOf(answer);
    assertTrue(components.contains("\"type\":10"), "a text display: " + components);
    assertTrue(components.contains("cria:fb:up:" + answer), components);
    assertEquals(
        List.of(),
        discord.calls("POST", "webhooks/\\d+/.*").stream().map(FakeDiscordCall::route).toList(),
        "no follow-up message: the answer fits one message");
  }

  @Test
  void aCommandsAnswerStaysContent() {
    FakeDiscord.Interaction help = discord.slashCommand("help", Map.of(), null);
    discord.awaitTrue(
        () -> String.join("\n", discord.answerOf(help)).contains("Commands"), "the help text");
    assertFalse(discord.isComponentsV2(discord.answerMessageId(help)));
  }
}
