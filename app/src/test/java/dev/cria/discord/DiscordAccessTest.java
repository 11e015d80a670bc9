package dev.cria.discord;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.cria.fakes.FakeDiscord;
import dev.cria.fakes.FakeDiscordCall;
import dev.cria.fakes.FakeDiscordPayloads;
import dev.cria.fakes.FakeLlamaApiRequest;
import dev.cria.persistence.InboundEventRepository;
import dev.cria.testing.PipelineHarness;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
import net.dv8tion.jda.api.utils.data.DataObject;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * Who may use Cria on Discord, end to end over the fake gateway and REST API: DMs switched off
 * ({@code CRIA_ALLOW_DISCORD_DMS=off}) refuse with an ephemeral notice for commands and nothing for
 * messages, and only Manage Server (here: the guild's owner) changes a channel's system prompt, by
 * slash command or after a mention.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class DiscordAccessTest {

  /** A member of the guild without Manage Server. */
  private static final String MEMBER_ID = "1350000000000000600";

  private FakeDiscord discord;
  private PipelineHarness app;

  @BeforeAll
  void start() {
    discord = new FakeDiscord();
    Map<String, Object> properties = new HashMap<>(discord.properties());
    properties.put("cria.access.discord-dms", false);
    app = PipelineHarness.start(properties);
    discord.awaitConnected(1);
  }

  @AfterAll
  void stop() {
    app.close();
    discord.close();
  }

  @Test
  void aRefusedCommandGetsAnEphemeralNoticeAndIsStoredNowhere() {
    long stored = storedEvents();

    FakeDiscord.Interaction ask =
        discord.directSlashCommand("ask", Map.of("prompt", "a secret question"));

    FakeDiscordCall callback =
        discord.await("POST", "interactions/" + ask.id() + "/[^/]+/callback");
    assertEquals(4, callback.json().getInt("type"), "answered at once, not deferred");
    DataObject data = callback.json().getObject("data");
    assertEquals(64, data.getInt("flags") & 64, "ephemeral");
    assertTrue(data.getString("content").contains("not available to you"), data.toString());
    assertEquals(1, discord.calls("POST", "interactions/" + ask.id() + "/.*").size());
    assertEquals(stored, storedEvents());
    assertNothingAsked("a secret question");
  }

  @Test
  void aRefusedDirectMessageGetsNoReplyAndReachesNothing() {
    long stored = storedEvents();
    discord.directMessage("a secret message");
    // A question in the guild, answered after the DM was taken in.
    FakeDiscord.Interaction later =
        discord.slashCommand("ask", Map.of("prompt", "after the DM"), null);
    awaitAnswer(later, text -> text.endsWith("after the DM"));

    assertEquals(List.of(), discord.messagesIn(FakeDiscordPayloads.DM_CHANNEL_ID));
    assertEquals(stored + 1, storedEvents(), "only the guild question was stored");
    assertNothingAsked("a secret message");
    assertTrue(
        app.context
                .getBean(MeterRegistry.class)
                .counter("cria.access.refused", "platform", "discord", "reason", "dm")
                .count()
            >= 1);
  }

  @Test
  void onlyManageServerChangesTheChannelsSystemPromptBySlashCommand() {
    FakeDiscord.Interaction refused =
        discord.slashCommandBy(MEMBER_ID, "system", Map.of("prompt", "Speak in rhymes."));
    String said = awaitAnswer(refused, text -> !text.isBlank());
    assertTrue(said.startsWith("Only a workspace admin"), said);

    FakeDiscord.Interaction byOwner =
        discord.slashCommand("system", Map.of("prompt", "Speak in rhymes."), null);
    assertEquals(
        "Set the system prompt in this channel.", awaitAnswer(byOwner, text -> !text.isBlank()));
  }

  @Test
  void onlyManageServerChangesTheChannelsSystemPromptAfterAMention() {
    String mention = "<@" + FakeDiscordPayloads.SELF_ID + "> ";
    String refused =
        discord.message(
            FakeDiscordPayloads.CHANNEL_ID, MEMBER_ID, false, mention + "system Use emoji.");
    assertTrue(replyTo(refused).startsWith("Only a workspace admin"), replyTo(refused));

    String byOwner =
        discord.message(
            FakeDiscordPayloads.CHANNEL_ID,
            FakeDiscordPayloads.USER_ID,
            false,
            mention + "system Use emoji.");
    assertEquals("Set the system prompt in this channel.", replyTo(byOwner));
  }

  // --- helpers -------------------------------------------------------------------------------

  private long storedEvents() {
    return app.context.getBean(InboundEventRepository.class).count();
  }

  private void assertNothingAsked(String text) {
    assertTrue(
        app.llama.requests().stream()
            .map(FakeLlamaApiRequest::body)
            .noneMatch(body -> body.toString().contains(text)),
        "'" + text + "' reached neither the model nor its safety check");
  }

  private String awaitAnswer(FakeDiscord.Interaction interaction, Predicate<String> done) {
    discord.awaitTrue(
        () -> done.test(String.join("\n", discord.answerOf(interaction))),
        "an answer to " + interaction);
    return String.join("\n", discord.answerOf(interaction));
  }

  /** The text of Cria's reply to a message in the guild's channel. */
  private String replyTo(String messageId) {
    Predicate<DataObject> answers =
        m ->
            m.optObject("message_reference")
                .map(ref -> messageId.equals(ref.getString("message_id", null)))
                .orElse(false);
    discord.awaitTrue(
        () -> discord.messagesIn(FakeDiscordPayloads.CHANNEL_ID).stream().anyMatch(answers),
        "a reply to " + messageId);
    return discord.messagesIn(FakeDiscordPayloads.CHANNEL_ID).stream()
        .filter(answers)
        .findFirst()
        .orElseThrow()
        .getString("content");
  }
}
