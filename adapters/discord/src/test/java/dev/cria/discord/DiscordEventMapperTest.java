package dev.cria.discord;

import static dev.cria.fakes.FakeDiscordPayloads.CHANNEL_ID;
import static dev.cria.fakes.FakeDiscordPayloads.DM_CHANNEL_ID;
import static dev.cria.fakes.FakeDiscordPayloads.GUILD_ID;
import static dev.cria.fakes.FakeDiscordPayloads.SELF_ID;
import static dev.cria.fakes.FakeDiscordPayloads.USER_ID;
import static dev.cria.fakes.FakeDiscordPayloads.fixture;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.cria.chat.Addressing;
import dev.cria.chat.ChatEvent;
import dev.cria.chat.Command;
import dev.cria.chat.ConversationKey;
import dev.cria.chat.Platform;
import dev.cria.testing.RecordingConversationService;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import net.dv8tion.jda.api.utils.data.DataArray;
import net.dv8tion.jda.api.utils.data.DataObject;
import org.junit.jupiter.api.Test;

/**
 * Gateway payloads (recorded shapes under fixtures/discord) to chat events. Whether Cria answers is
 * the core's decision: the cases about it hand the mapped event to the shared fake of the core,
 * which decides with the core's own rules.
 */
class DiscordEventMapperTest {

  private static final String THREAD_ID = "1350000000000000700";

  private final RecordingConversationService core = new RecordingConversationService();
  private final DiscordEventMapper mapper = new DiscordEventMapper();
  private final ChannelPlace channel = ChannelPlace.channel(GUILD_ID, CHANNEL_ID);

  /** The event as the core takes it, or empty when the core does not answer it. */
  private Optional<ChatEvent> taken(DataObject message, ChannelPlace place) {
    int before = core.accepted().size();
    mapper.message(message, place, SELF_ID).ifPresent(core::accept);
    List<ChatEvent> accepted = core.accepted();
    return accepted.size() > before ? Optional.of(accepted.getLast()) : Optional.empty();
  }

  @Test
  void aMentionInAChannelStartsAConversationNamedAfterIt() {
    ChatEvent event = mapper.message(fixture("message-mention"), channel, SELF_ID).orElseThrow();

    assertEquals(key(CHANNEL_ID, "1350000000000003000"), event.conversation());
    assertEquals("1350000000000003000", event.eventId());
    assertEquals("1350000000000003000", event.messageId());
    assertEquals("what do llamas eat?", event.text());
    assertNull(event.command());
    assertEquals(USER_ID, event.author().id());
    assertEquals("Alice", event.author().displayName());
    assertFalse(event.author().bot());
    assertEquals(Instant.parse("2025-03-01T12:00:00Z"), event.time());
    assertEquals(Addressing.inChannel(true, null), event.addressing());
    assertEquals(
        new ReplyAddress.ToChannel(CHANNEL_ID, "1350000000000003000", null),
        ReplyAddress.decode(event.replyAddress()));
  }

  @Test
  void theAuthorsRolesAreReadForAccessChecks() {
    DataObject message = fixture("message-mention");
    message
        .getObject("member")
        .put(
            "roles",
            net.dv8tion.jda.api.utils.data.DataArray.empty()
                .add("1350000000000000701")
                .add("1350000000000000702"));
    DataObject command = fixture("interaction-ask-guild");
    command
        .getObject("member")
        .put("roles", net.dv8tion.jda.api.utils.data.DataArray.empty().add("1350000000000000703"));

    ChatEvent mention = mapper.message(message, channel, SELF_ID).orElseThrow();
    ChatEvent ask = mapper.interaction(command, null);
    ChatEvent direct =
        mapper
            .message(fixture("message-dm"), ChannelPlace.dm(DM_CHANNEL_ID), SELF_ID)
            .orElseThrow();

    assertEquals(
        java.util.List.of("1350000000000000701", "1350000000000000702"), mention.author().roles());
    assertEquals(java.util.List.of("1350000000000000703"), ask.author().roles());
    assertEquals(java.util.List.of(), direct.author().roles());
  }

  @Test
  void aMessageWithoutMentionInAChannelIsNotForCria() {
    DataObject chatter = fixture("message-mention").put("content", "lunch?");
    chatter.put("mentions", DataArray.empty());

    assertEquals(
        Addressing.inChannel(false, null),
        mapper.message(chatter, channel, SELF_ID).orElseThrow().addressing());
    assertTrue(taken(chatter, channel).isEmpty());
  }

  @Test
  void aReplyToCriasAnswerContinuesThatConversation() {
    ConversationKey asked = key(CHANNEL_ID, "1350000000000001000");
    core.answered("1350000000000004000", asked);

    ChatEvent event = taken(fixture("message-reply"), channel).orElseThrow();

    assertEquals(asked, event.conversation());
    assertEquals("and what about alpacas?", event.text());
  }

  @Test
  void aReplyToSomeoneElseThatMentionsCriaStartsItsOwnConversation() {
    ChatEvent mapped = mapper.message(fixture("message-reply"), channel, SELF_ID).orElseThrow();
    ChatEvent event = taken(fixture("message-reply"), channel).orElseThrow();

    assertEquals(Addressing.inChannel(true, "1350000000000004000"), mapped.addressing());
    assertEquals(key(CHANNEL_ID, "1350000000000003001"), event.conversation());
  }

  @Test
  void inAThreadEveryMessageCountsOnceCriaTookPart() {
    ChannelPlace thread = ChannelPlace.thread(GUILD_ID, CHANNEL_ID, THREAD_ID);
    DataObject message =
        fixture("message-mention").put("channel_id", THREAD_ID).put("content", "go on");
    message.put("mentions", DataArray.empty());

    assertEquals(
        Addressing.inThread(false),
        mapper.message(message, thread, SELF_ID).orElseThrow().addressing());
    assertTrue(taken(message, thread).isEmpty());
    core.markActive(key(CHANNEL_ID, THREAD_ID));
    assertEquals(key(CHANNEL_ID, THREAD_ID), taken(message, thread).orElseThrow().conversation());
  }

  @Test
  void withoutMessageContentThreadMessagesArriveEmptyAndAreNotAnswered() {
    ChannelPlace thread = ChannelPlace.thread(GUILD_ID, CHANNEL_ID, THREAD_ID);
    core.markActive(key(CHANNEL_ID, THREAD_ID));
    DataObject blank = fixture("message-mention").put("channel_id", THREAD_ID).put("content", "");
    blank.put("mentions", DataArray.empty());

    assertTrue(taken(blank, thread).isEmpty());
  }

  @Test
  void aDirectMessageIsAlwaysForCriaOneConversationPerChannel() {
    ChatEvent event = taken(fixture("message-dm"), ChannelPlace.dm(DM_CHANNEL_ID)).orElseThrow();

    assertEquals(ConversationKey.of(Platform.DISCORD, "@me", DM_CHANNEL_ID), event.conversation());
    assertEquals(Addressing.direct(), event.addressing());
    assertEquals(new Command.Help(), event.command());
    assertEquals(
        new ReplyAddress.ToChannel(DM_CHANNEL_ID, "1350000000000003002", USER_ID),
        ReplyAddress.decode(event.replyAddress()));
  }

  @Test
  void botsAreIgnoredCriaIncluded() {
    DataObject own = fixture("message-mention");
    own.getObject("author").put("id", SELF_ID);

    assertTrue(
        mapper.message(fixture("message-bot"), channel, SELF_ID).orElseThrow().author().bot());
    assertTrue(mapper.message(own, channel, SELF_ID).orElseThrow().author().bot());
    assertTrue(taken(fixture("message-bot"), channel).isEmpty());
    assertTrue(taken(own, channel).isEmpty());
  }

  @Test
  void askInAChannelIsKeyedByTheInteraction() {
    ChatEvent event = mapper.interaction(fixture("interaction-ask-guild"), null);

    assertEquals(key(CHANNEL_ID, "1350000000000001000"), event.conversation());
    assertEquals("1350000000000001000", event.eventId());
    assertNull(event.messageId());
    assertEquals("What is a cria?", event.text());
    assertNull(event.command());
    assertEquals("Alice", event.author().displayName());
    assertEquals(DiscordEventMapper.snowflakeTime("1350000000000001000"), event.time());
    assertEquals(
        new ReplyAddress.ToInteraction(
            "1350000000000001000",
            CHANNEL_ID,
            "aW50ZXJhY3Rpb246MTM1MDAwMDAwMDAwMDAwMTAwMDpmaXh0dXJlLXRva2Vu"),
        ReplyAddress.decode(event.replyAddress()));
  }

  @Test
  void chatIsKeyedByTheThreadItOpenedAndAnsweredThere() {
    DataObject chat = fixture("interaction-ask-guild");
    chat.getObject("data").put("name", "chat");

    ChatEvent event = mapper.interaction(chat, THREAD_ID);

    assertEquals(key(CHANNEL_ID, THREAD_ID), event.conversation());
    assertEquals(
        new ReplyAddress.ToChannel(THREAD_ID, null, null),
        ReplyAddress.decode(event.replyAddress()));
  }

  @Test
  void commandsInAThreadActOnTheThread() {
    ChatEvent event = mapper.interaction(fixture("interaction-ask-thread"), null);

    assertEquals(key(CHANNEL_ID, THREAD_ID), event.conversation());
    assertEquals(new Command.Reset(), event.command());
    assertEquals("/reset", event.text());
    assertEquals("Ali", event.author().displayName());
  }

  @Test
  void commandsInADirectMessageActOnIt() {
    ChatEvent event = mapper.interaction(fixture("interaction-model-dm"), null);

    assertEquals(ConversationKey.of(Platform.DISCORD, "@me", DM_CHANNEL_ID), event.conversation());
    assertEquals(new Command.Model("Llama-4-Scout-17B-16E-Instruct-FP8"), event.command());
    assertEquals(USER_ID, event.author().id());
  }

  @Test
  void systemClearRestoresTheDefault() {
    DataObject system = fixture("interaction-ask-guild");
    system.getObject("data").put("name", "system");
    system.getObject("data").getArray("options").getObject(0).put("value", "clear");

    ChatEvent event = mapper.interaction(system, null);

    assertEquals(new Command.SystemPrompt(""), event.command());
    assertEquals(ConversationKey.of(Platform.DISCORD, GUILD_ID, CHANNEL_ID), event.conversation());
  }

  @Test
  void everyMentionOfCriaIsStripped() {
    assertEquals(
        "hi there",
        DiscordEventMapper.withoutMention(
            "<@" + SELF_ID + "> hi <@!" + SELF_ID + "> there", SELF_ID));
    assertEquals("hi <@42>", DiscordEventMapper.withoutMention("hi <@42>", SELF_ID));
  }

  @Test
  void editsFindTheirConversation() {
    DataObject edited = fixture("message-mention");
    DataObject reply = fixture("message-reply");
    ConversationKey asked = key(CHANNEL_ID, "1350000000000001000");
    core.answered("1350000000000004000", asked);

    core.edited(
        DiscordEventMapper.conversationNamed(edited, channel),
        DiscordEventMapper.addressing(edited, channel, SELF_ID),
        "1350000000000003000",
        "new");
    core.edited(
        DiscordEventMapper.conversationNamed(reply, channel),
        DiscordEventMapper.addressing(reply, channel, SELF_ID),
        "1350000000000003001",
        "new");

    assertEquals(key(CHANNEL_ID, "1350000000000003000"), core.edits().get(0).conversation());
    assertEquals(asked, core.edits().get(1).conversation());
  }

  private static ConversationKey key(String channelId, String thread) {
    return new ConversationKey(Platform.DISCORD, GUILD_ID, channelId, thread);
  }
}
