package dev.cria.discord;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.cria.chat.ChatEvent;
import dev.cria.chat.Command;
import dev.cria.chat.ConversationKey;
import dev.cria.chat.Platform;
import dev.cria.chat.Reply;
import dev.cria.chat.ReplyRequest;
import dev.cria.fakes.FakeDiscord;
import dev.cria.fakes.FakeDiscordCall;
import dev.cria.fakes.FakeDiscordPayloads;
import dev.cria.testing.RecordingConversationService;
import dev.cria.testing.RecordingConversationService.Change;
import io.micronaut.context.ApplicationContext;
import java.time.Clock;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import net.dv8tion.jda.api.utils.data.DataArray;
import net.dv8tion.jda.api.utils.data.DataObject;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The adapter with real JDA against the fake Discord, and a recording stand-in for the core. */
class DiscordAdapterTest {

  private FakeDiscord discord;
  private RecordingConversationService core;
  private ApplicationContext context;

  @BeforeEach
  void start() {
    discord = new FakeDiscord();
    core = new RecordingConversationService();
    context = startContext(Map.of());
  }

  @AfterEach
  void stop() {
    if (context != null) {
      context.close();
    }
    discord.close();
  }

  private ApplicationContext startContext(Map<String, Object> extra) {
    Map<String, Object> properties = new HashMap<>(discord.properties());
    properties.putAll(extra);
    ApplicationContext started =
        ApplicationContext.builder().properties(properties).singletons(core).start();
    discord.awaitConnected(1);
    return started;
  }

  @Test
  void askIsDeferredThenAnsweredInPlaceWithFollowUps() {
    FakeDiscord.Interaction ask =
        discord.slashCommand("ask", Map.of("prompt", "What is a cria?"), null);

    FakeDiscordCall deferral = discord.await("POST", "interactions/" + ask.id() + "/.+/callback");
    assertEquals(5, deferral.json().getInt("type"));
    ChatEvent event = core.awaitAccepted(1);
    assertEquals(
        "discord:"
            + FakeDiscordPayloads.GUILD_ID
            + ":"
            + FakeDiscordPayloads.CHANNEL_ID
            + ":"
            + ask.id(),
        event.conversation().toString());
    assertEquals("What is a cria?", event.text());

    Reply reply = context.getBean(DiscordReplyPort.class).open(event.replyAddress(), null);
    reply.start();
    reply.update("A cria is");
    String answer = ("A cria is a baby llama. ".repeat(40) + "\n\n").repeat(5).strip();
    String firstId = reply.finish(answer);

    List<String> parts = discord.answerOf(ask);
    assertTrue(parts.size() >= 2, "answer in " + parts.size() + " messages");
    parts.forEach(part -> assertTrue(part.length() <= 2000, "part of " + part.length()));
    assertEquals(answer.replaceAll("\\s+", " "), String.join(" ", parts).replaceAll("\\s+", " "));
    assertTrue(firstId != null && firstId.matches("\\d+"), "first message id " + firstId);
  }

  @Test
  void chatOpensAThreadAndEveryMessageInItContinues() {
    FakeDiscord.Interaction chat =
        discord.slashCommand("chat", Map.of("prompt", "Plan a llama trek\nin the Andes"), null);

    FakeDiscordCall thread = discord.await("POST", "channels/\\d+/messages/\\d+/threads");
    assertEquals("Plan a llama trek in the Andes", thread.json().getString("name"));
    ChatEvent event = core.awaitAccepted(1);
    String threadId = discord.threads().getFirst().getString("id");
    ConversationKey key =
        new ConversationKey(
            Platform.DISCORD,
            FakeDiscordPayloads.GUILD_ID,
            FakeDiscordPayloads.CHANNEL_ID,
            threadId);
    assertEquals(key, event.conversation());
    assertTrue(discord.answerOf(chat).getFirst().contains("Plan a llama trek"));

    Reply reply = context.getBean(DiscordReplyPort.class).open(event.replyAddress(), null);
    String placeholder = reply.start();
    assertEquals(placeholder, reply.finish("Day 1: Cusco."));
    assertEquals(
        List.of("Day 1: Cusco."),
        discord.messagesIn(threadId).stream().map(m -> m.getString("content")).toList());

    core.markActive(key);
    String followUp = discord.message(threadId, FakeDiscordPayloads.USER_ID, false, "And day 2?");
    ChatEvent second = core.awaitAccepted(2);
    assertEquals(key, second.conversation());
    assertEquals(followUp, second.messageId());
    assertEquals("And day 2?", second.text());
  }

  @Test
  void aMentionGetsAReplyThatPingsNobody() {
    String mention =
        discord.message(
            FakeDiscordPayloads.CHANNEL_ID,
            FakeDiscordPayloads.USER_ID,
            false,
            "<@" + FakeDiscordPayloads.SELF_ID + "> what do llamas eat? @everyone");

    ChatEvent event = core.awaitAccepted(1);
    assertEquals(
        "discord:"
            + FakeDiscordPayloads.GUILD_ID
            + ":"
            + FakeDiscordPayloads.CHANNEL_ID
            + ":"
            + mention,
        event.conversation().toString());
    assertEquals("what do llamas eat? @everyone", event.text());

    Reply reply = context.getBean(DiscordReplyPort.class).open(event.replyAddress(), null);
    reply.start();
    reply.finish("Grass and hay, @everyone <@" + FakeDiscordPayloads.USER_ID + ">.");

    FakeDiscordCall post =
        discord.await("POST", "channels/" + FakeDiscordPayloads.CHANNEL_ID + "/messages");
    assertEquals(mention, post.json().getObject("message_reference").getString("message_id"));
    for (FakeDiscordCall call : discord.calls()) {
      if ((call.method().equals("POST") && call.route().endsWith("/messages"))
          || call.method().equals("PATCH")) {
        DataObject allowed = call.json().getObject("allowed_mentions");
        assertEquals(0, allowed.getArray("parse").length(), call + " may ping");
        assertFalse(allowed.getBoolean("replied_user"), call + " pings the asker");
      }
    }
  }

  @Test
  void aReplyToAnAnswerContinuesItsConversation() {
    ConversationKey asked =
        new ConversationKey(
            Platform.DISCORD,
            FakeDiscordPayloads.GUILD_ID,
            FakeDiscordPayloads.CHANNEL_ID,
            "1350000000000009999");
    core.answered("1350000000000004000", asked);

    discord.reply(FakeDiscordPayloads.CHANNEL_ID, "1350000000000004000", "and alpacas?");

    ChatEvent event = core.awaitAccepted(1);
    assertEquals(asked, event.conversation());
    assertEquals("and alpacas?", event.text());
  }

  @Test
  void botsAndChatterAreIgnoredButDirectMessagesAreAnswered() {
    String mention = "<@" + FakeDiscordPayloads.SELF_ID + "> hi";
    discord.message(
        FakeDiscordPayloads.CHANNEL_ID, FakeDiscordPayloads.OTHER_BOT_ID, true, mention);
    discord.message(
        FakeDiscordPayloads.CHANNEL_ID, FakeDiscordPayloads.SELF_ID, true, "my own answer");
    discord.message(
        FakeDiscordPayloads.CHANNEL_ID, FakeDiscordPayloads.USER_ID, false, "just chatting");
    String direct = discord.directMessage("usage");

    ChatEvent event = core.awaitAccepted(1);
    assertEquals(direct, event.eventId());
    assertEquals(
        "discord:@me:" + FakeDiscordPayloads.DM_CHANNEL_ID, event.conversation().toString());
    assertEquals(new Command.Usage(), event.command());

    Reply reply = context.getBean(DiscordReplyPort.class).open(event.replyAddress(), null);
    reply.start();
    reply.finish("You used 12 tokens today.");
    assertEquals(
        List.of("You used 12 tokens today."),
        discord.messagesIn(FakeDiscordPayloads.DM_CHANNEL_ID).stream()
            .map(m -> m.getString("content"))
            .toList());
    assertEquals(1, core.accepted().size());
  }

  @Test
  void modelNamesAreAutocompletedFromTheCore() {
    core.models(
        List.of(
            "Llama-4-Maverick-17B-128E-Instruct-FP8",
            "Llama-3.3-70B-Instruct",
            "Llama-3.3-8B-Instruct"));

    FakeDiscord.Interaction typing = discord.autocomplete("model", "name", "3.3");

    FakeDiscordCall choices = discord.await("POST", "interactions/" + typing.id() + "/.+/callback");
    assertEquals(8, choices.json().getInt("type"));
    List<String> offered =
        choices.json().getObject("data").getArray("choices").stream(DataArray::getObject)
            .map(choice -> choice.getString("value"))
            .toList();
    assertEquals(List.of("Llama-3.3-70B-Instruct", "Llama-3.3-8B-Instruct"), offered);
  }

  @Test
  void commandsAreRegisteredOnceAndNotAgainAfterARestart() throws Exception {
    assertEquals(CommandRegistrar.Outcome.REGISTERED, registration(context));
    context.close();

    context = startContext(Map.of());

    assertEquals(CommandRegistrar.Outcome.UNCHANGED, registration(context));
    assertEquals(1, discord.calls("PUT", "applications/\\d+/commands").size());
    assertEquals(2, discord.calls("GET", "applications/\\d+/commands").size());
  }

  @Test
  void anExpiredInteractionIsAnsweredInTheChannel() {
    FakeDiscord.Interaction ask =
        discord.slashCommand("ask", Map.of("prompt", "Still there?"), null);
    ChatEvent event = core.awaitAccepted(1);
    Clock later = Clock.offset(Clock.systemUTC(), Duration.ofMinutes(20));
    DiscordReplyPort port =
        new DiscordReplyPort(context.getBean(DiscordConnection.class), later, false);

    Reply reply = port.open(event.replyAddress(), null);
    reply.start();
    reply.finish("Yes, sorry for the wait.");

    assertEquals(List.of(), discord.answerOf(ask));
    assertEquals(
        "Yes, sorry for the wait.",
        discord.messagesIn(FakeDiscordPayloads.CHANNEL_ID).getLast().getString("content"));
  }

  private static CommandRegistrar.Outcome registration(ApplicationContext context)
      throws Exception {
    return context.getBean(DiscordStartup.class).commandRegistration().get(10, TimeUnit.SECONDS);
  }

  @Test
  void editsAndDeletesReachTheStoredTurns() {
    String mention = "<@" + FakeDiscordPayloads.SELF_ID + "> ";
    String asked =
        discord.message(
            FakeDiscordPayloads.CHANNEL_ID,
            FakeDiscordPayloads.USER_ID,
            false,
            mention + "teh llama");
    ConversationKey key = core.awaitAccepted(1).conversation();

    discord.editMessage(FakeDiscordPayloads.CHANNEL_ID, asked, mention + "the llama");
    discord.deleteMessage(FakeDiscordPayloads.CHANNEL_ID, asked);

    discord.awaitTrue(() -> !core.deletes().isEmpty(), "the delete handed over");
    discord.awaitTrue(() -> !core.edits().isEmpty(), "the edit handed over");
    assertEquals(List.of(new Change(key, asked, "the llama")), core.edits());
    assertEquals(List.of(new Change(key, asked, null)), core.deletes());
  }

  @Test
  void aReplicaTakingOverFindsThePartsItsPredecessorPostedByNonce() {
    String mention = "<@" + FakeDiscordPayloads.SELF_ID + "> ";
    discord.message(
        FakeDiscordPayloads.CHANNEL_ID, FakeDiscordPayloads.USER_ID, false, mention + "long one");
    ChatEvent event = core.awaitAccepted(1);
    DiscordReplyPort port = context.getBean(DiscordReplyPort.class);
    String answer = ("A cria is a baby llama. ".repeat(40) + "\n\n").repeat(3).strip();
    // The first attempt posts its placeholder and two parts, then dies before recording any.
    Reply crashed = port.open(ReplyRequest.first(event.replyAddress(), event.eventId()));
    crashed.start();
    crashed.update(answer.substring(0, 2_500));

    Reply taker = port.open(new ReplyRequest(event.replyAddress(), event.eventId(), 2, null));
    taker.start();
    taker.finish(answer);

    List<String> shown =
        discord.messagesIn(FakeDiscordPayloads.CHANNEL_ID).stream()
            .map(message -> message.getString("content"))
            .toList();
    assertEquals(String.join("", shown).replaceAll("\\s+", ""), answer.replaceAll("\\s+", ""));
    assertTrue(shown.size() >= 2, "a long answer in several messages: " + shown);
    List<FakeDiscordCall> posts = discord.calls("POST", "channels/\\d+/messages");
    assertEquals(
        ChannelTarget.nonce(event.eventId(), 0), posts.getFirst().json().getString("nonce"));
    assertTrue(posts.getFirst().json().getBoolean("enforce_nonce"));
  }
}
