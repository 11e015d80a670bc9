package dev.cria.discord;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.cria.chat.ChatEvent;
import dev.cria.fakes.FakeDiscord;
import dev.cria.fakes.FakeDiscordPayloads;
import dev.cria.testing.RecordingConversationService;
import io.micronaut.context.ApplicationContext;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import net.dv8tion.jda.api.requests.GatewayIntent;
import net.dv8tion.jda.api.utils.data.DataObject;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** How the adapter connects: intents, the Message Content fallback, shards, guild commands. */
class DiscordConnectionTest {

  /** JDA always adds the GUILDS intent (1), which needs no switch in the portal. */
  private static final int GUILDS = 1;

  private final FakeDiscord discord = new FakeDiscord();
  private final RecordingConversationService core = new RecordingConversationService();
  private ApplicationContext context;

  @AfterEach
  void stop() {
    if (context != null) {
      context.close();
    }
    discord.close();
  }

  private void start(Map<String, Object> extra) {
    Map<String, Object> properties = new HashMap<>(discord.properties());
    properties.putAll(extra);
    context = ApplicationContext.builder().properties(properties).singletons(core).start();
  }

  @Test
  void asksForMessagesDirectMessagesAndMessageContent() {
    start(Map.of());
    discord.awaitConnected(1);

    int intents = discord.identifies().getFirst().getInt("intents");
    assertEquals(GatewayIntent.getRaw(DiscordClientFactory.INTENTS) | GUILDS, intents);
  }

  @Test
  void reconnectsWithoutMessageContentWhenDiscordRefusesIt() {
    discord.refuseMessageContent(true);
    start(Map.of());

    discord.awaitConnected(1);

    List<DataObject> identifies = discord.identifies();
    int content = GatewayIntent.MESSAGE_CONTENT.getRawValue();
    assertTrue((identifies.getFirst().getInt("intents") & content) != 0);
    assertEquals(0, identifies.getLast().getInt("intents") & content);
    String mention =
        discord.message(
            FakeDiscordPayloads.CHANNEL_ID,
            FakeDiscordPayloads.USER_ID,
            false,
            "<@" + FakeDiscordPayloads.SELF_ID + "> still here?");
    assertEquals(mention, core.awaitAccepted(1).eventId());
  }

  @Test
  void runsTheConfiguredShardsAndRegistersOnTheGuild() throws Exception {
    start(
        Map.of(
            "cria.discord.shards", "0-1/2", "cria.discord.guild-id", FakeDiscordPayloads.GUILD_ID));

    discord.awaitConnected(2);

    assertEquals(
        List.of("[0,2]", "[1,2]"),
        discord.identifies().stream()
            .map(identify -> identify.getArray("shard").toString())
            .sorted()
            .toList());
    assertEquals(
        CommandRegistrar.Outcome.REGISTERED,
        context.getBean(DiscordStartup.class).commandRegistration().get(10, TimeUnit.SECONDS));
    assertEquals(
        1,
        discord
            .calls("PUT", "applications/\\d+/guilds/" + FakeDiscordPayloads.GUILD_ID + "/commands")
            .size());
    assertEquals(0, discord.calls("PUT", "applications/\\d+/commands").size());

    FakeDiscord.Interaction ask =
        discord.slashCommand("ask", Map.of("prompt", "Which shard?"), null);
    ChatEvent event = core.awaitAccepted(1);
    assertEquals(ask.id(), event.eventId());
  }

  @Test
  void aRefusedTokenLeavesDiscordOffWithoutHoldingUpReplies() {
    discord.rejectToken(true);
    start(Map.of("cria.discord.ready-timeout", "10s"));

    DiscordConnection connection = context.getBean(DiscordConnection.class);

    IllegalStateException offline =
        assertThrows(
            IllegalStateException.class, connection::session, () -> "calls " + discord.calls());
    assertTrue(offline.getMessage().contains("not connected"), offline.getMessage());
    assertTrue(discord.identifies().isEmpty());
  }
}
