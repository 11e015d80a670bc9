package dev.cria.discord;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.cria.chat.Platform;
import dev.cria.fakes.FakeDiscord;
import dev.cria.fakes.FakeDiscordCall;
import dev.cria.fakes.FakeDiscordPayloads;
import dev.cria.fakes.FakeLlamaApi;
import dev.cria.fakes.FakeLlamaApiRequest;
import dev.cria.persistence.ChatMessageRepository;
import dev.cria.persistence.ChatMessageRow;
import dev.cria.testing.PipelineHarness;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Predicate;
import java.util.regex.Pattern;
import java.util.stream.StreamSupport;
import net.dv8tion.jda.api.utils.data.DataObject;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * Cria on Discord end to end: the running application (H2, the real pipeline and Llama client)
 * talking to a fake Discord (REST + gateway) and a fake Llama API.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class DiscordEndToEndTest {

  private static final Duration WAIT = Duration.ofSeconds(20);

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
  void askIsDeferredThenEditedWithTheModelsText() {
    FakeDiscord.Interaction ask =
        discord.slashCommand("ask", Map.of("prompt", "What is a cria?"), null);

    String answer =
        awaitAnswer(ask, text -> text.startsWith("Echo:") && text.endsWith("What is a cria?"));

    assertTrue(answer.contains("What is a cria?"), answer);
    FakeDiscordCall deferral =
        discord.await("POST", "interactions/" + ask.id() + "/[^/]+/callback");
    assertEquals(5, deferral.json().getInt("type"));
    FakeDiscordCall firstEdit =
        discord.await(
            "PATCH", "webhooks/\\d+/" + Pattern.quote(ask.token()) + "/messages/@original");
    assertTrue(deferral.seq() < firstEdit.seq(), "deferred before the first edit");
    // Only LLAMA_BASE_URL points at the Ollama-shaped fake: defaults do the rest.
    FakeLlamaApiRequest chat =
        app.llama.await(
            request ->
                request.endpoint().equals(FakeLlamaApi.CHAT)
                    && request.lastUserMessage().endsWith("What is a cria?"),
            WAIT);
    assertEquals("llama3.2", chat.body().path("model").asText());
    assertEquals(null, chat.header("authorization"));
    assertTrue(
        app.llama.requests(FakeLlamaApi.GUARD).stream()
            .anyMatch(check -> check.lastUserMessage().endsWith("What is a cria?")),
        "the question was checked by Llama Guard");
  }

  @Test
  void aQuestionThatNeedsATimeToolGetsItsAnswerWithTheStepShown() {
    FakeDiscord.Interaction ask =
        discord.slashCommand(
            "ask", Map.of("prompt", "What time is it? [[tool:current_time]]"), null);

    String answer = awaitAnswer(ask, text -> text.contains("Tool said: "));

    assertTrue(answer.startsWith("_Using `current_time`…_"), answer);
    assertTrue(answer.contains("time zone UTC"), answer);
    FakeLlamaApiRequest toolResult =
        app.llama.await(
            request ->
                request.endpoint().equals(FakeLlamaApi.CHAT)
                    && request.body().toString().contains("\"role\":\"tool\""),
            WAIT);
    assertEquals("current_time", toolResult.body().at("/tools/0/function/name").asText());
  }

  @Test
  void aLongAnswerArrivesWholeInMessagesOfAtMost2000Characters() {
    FakeDiscord.Interaction ask =
        discord.slashCommand("ask", Map.of("prompt", "Tell me everything [[long:5000]]"), null);
    String conversation = channelConversation(ask.id());

    discord.awaitTrue(
        () ->
            !storedAnswer(conversation).isEmpty()
                && words(storedAnswer(conversation))
                    .equals(words(String.join("\n", discord.answerOf(ask)))),
        "the whole answer shown");

    List<String> parts = discord.answerOf(ask);
    assertTrue(parts.size() >= 3, parts.size() + " messages");
    for (String part : parts) {
      assertTrue(part.length() <= 2000, "a message of " + part.length());
      assertEquals(
          0, part.lines().filter(line -> line.startsWith("```")).count() % 2, "fences in " + part);
    }
  }

  @Test
  void replyingToAnAnswerContinuesTheConversation() {
    FakeDiscord.Interaction ask =
        discord.slashCommand("ask", Map.of("prompt", "Remember the word kiwi."), null);
    awaitAnswer(ask, text -> text.endsWith("Remember the word kiwi."));
    awaitAnswerRecorded(discord.answerMessageId(ask));

    discord.reply(
        FakeDiscordPayloads.CHANNEL_ID, discord.answerMessageId(ask), "Which fruit was it?");

    FakeLlamaApiRequest request = awaitChat("Which fruit was it?");
    assertTrue(
        sentTexts(request).stream().anyMatch(text -> text.contains("Remember the word kiwi.")));
    DataObject answer =
        awaitMessage(FakeDiscordPayloads.CHANNEL_ID, text -> text.endsWith("Which fruit was it?"));
    assertTrue(answer.hasKey("message_reference"), "the answer replies to the question");
  }

  @Test
  void chatOpensAThreadAndAFollowUpInItSendsTheEarlierTurns() {
    discord.slashCommand("chat", Map.of("prompt", "Remember the word avocado."), null);
    String threadId = awaitThread("Remember the word avocado.");
    awaitMessage(threadId, text -> text.endsWith("Remember the word avocado."));

    discord.message(
        threadId, FakeDiscordPayloads.USER_ID, false, "Which word did I ask you to remember?");

    FakeLlamaApiRequest request = awaitChat("Which word did I ask you to remember?");
    List<String> sent = sentTexts(request);
    assertTrue(
        sent.stream().anyMatch(text -> text.contains("Remember the word avocado.")),
        sent.toString());
    assertTrue(
        sent.stream().anyMatch(text -> text.startsWith("Echo:")), "earlier answer sent: " + sent);
    awaitMessage(threadId, text -> text.endsWith("Which word did I ask you to remember?"));
  }

  @Test
  void resetForgetsTheConversation() {
    discord.slashCommand("chat", Map.of("prompt", "Remember the word mango."), null);
    String threadId = awaitThread("Remember the word mango.");
    awaitMessage(threadId, text -> text.endsWith("Remember the word mango."));

    FakeDiscord.Interaction reset = discord.slashCommand("reset", Map.of(), threadId);
    String said = awaitAnswer(reset, text -> text.toLowerCase(Locale.ROOT).contains("forgot"));
    discord.message(threadId, FakeDiscordPayloads.USER_ID, false, "Which word was it?");

    FakeLlamaApiRequest request = awaitChat("Which word was it?");
    assertFalse(sentTexts(request).stream().anyMatch(text -> text.contains("mango")), said);
  }

  @Test
  void flaggedInputGetsARefusalAndTheModelIsNotCalled() {
    int chats = app.llama.count(FakeLlamaApi.CHAT);

    FakeDiscord.Interaction ask =
        discord.slashCommand("ask", Map.of("prompt", "Something private [[flag]]"), null);

    String answer = awaitAnswer(ask, text -> text.contains("safety check"));
    assertTrue(answer.contains("privacy"), answer);
    assertEquals(chats, app.llama.count(FakeLlamaApi.CHAT));
  }

  @Test
  void ownAndOtherBotsMessagesAreIgnored() {
    String mention = "<@" + FakeDiscordPayloads.SELF_ID + "> ";
    String fromBot =
        discord.message(
            FakeDiscordPayloads.CHANNEL_ID,
            FakeDiscordPayloads.OTHER_BOT_ID,
            true,
            mention + "bot loop?");
    String fromSelf =
        discord.message(
            FakeDiscordPayloads.CHANNEL_ID,
            FakeDiscordPayloads.SELF_ID,
            true,
            mention + "talking to myself");
    String fromUser =
        discord.message(
            FakeDiscordPayloads.CHANNEL_ID,
            FakeDiscordPayloads.USER_ID,
            false,
            mention + "a human question");

    DataObject answer =
        awaitMessage(FakeDiscordPayloads.CHANNEL_ID, text -> text.endsWith("a human question"));

    assertEquals(fromUser, answer.getObject("message_reference").getString("message_id"));
    List<String> asked =
        app.llama.requests(FakeLlamaApi.CHAT).stream()
            .map(FakeLlamaApiRequest::lastUserMessage)
            .toList();
    assertFalse(
        asked.stream().anyMatch(text -> text.contains("bot loop") || text.contains("myself")),
        asked.toString());
    assertTrue(storedTurns(channelConversation(fromBot)).isEmpty());
    assertTrue(storedTurns(channelConversation(fromSelf)).isEmpty());
  }

  @Test
  void aModelFailureGetsAVisibleErrorReply() {
    FakeDiscord.Interaction ask =
        discord.slashCommand("ask", Map.of("prompt", "Are you there? [[status:500]]"), null);

    String answer = awaitAnswer(ask, text -> text.contains("error id"));

    assertTrue(answer.contains("couldn't reach the model"), answer);
  }

  @Test
  void directMessagesAreAnswered() {
    discord.directMessage("Hello from a DM");

    awaitMessage(FakeDiscordPayloads.DM_CHANNEL_ID, text -> text.endsWith("Hello from a DM"));
  }

  // --- helpers -------------------------------------------------------------------------------

  private String awaitAnswer(FakeDiscord.Interaction interaction, Predicate<String> done) {
    discord.awaitTrue(
        () -> done.test(String.join("\n", discord.answerOf(interaction))),
        "an answer to " + interaction);
    return String.join("\n", discord.answerOf(interaction));
  }

  /** Waits until the core has stored which message holds the answer (just after delivering it). */
  private void awaitAnswerRecorded(String messageId) {
    discord.awaitTrue(
        () -> app.store.conversationOfMessage(Platform.DISCORD, messageId).isPresent(),
        "answer " + messageId + " recorded");
  }

  private DataObject awaitMessage(String channelId, Predicate<String> matching) {
    discord.awaitTrue(
        () ->
            discord.messagesIn(channelId).stream()
                .anyMatch(m -> matching.test(m.getString("content"))),
        "a matching message in " + channelId);
    return discord.messagesIn(channelId).stream()
        .filter(m -> matching.test(m.getString("content")))
        .findFirst()
        .orElseThrow();
  }

  /** The thread opened under this name (its title may have been set since, after the answer). */
  private String awaitThread(String name) {
    discord.awaitTrue(() -> discord.threadOpenedAs(name) != null, "thread " + name);
    return discord.threadOpenedAs(name);
  }

  private FakeLlamaApiRequest awaitChat(String lastUserText) {
    return app.llama.await(
        request ->
            request.endpoint().equals(FakeLlamaApi.CHAT)
                && request.lastUserMessage().contains(lastUserText),
        WAIT);
  }

  private static List<String> sentTexts(FakeLlamaApiRequest request) {
    return StreamSupport.stream(request.body().path("messages").spliterator(), false)
        .map(
            message ->
                message.path("content").isTextual()
                    ? message.path("content").asText()
                    : message.path("content").toString())
        .toList();
  }

  private static String channelConversation(String threadPart) {
    return "discord:"
        + FakeDiscordPayloads.GUILD_ID
        + ":"
        + FakeDiscordPayloads.CHANNEL_ID
        + ":"
        + threadPart;
  }

  private List<ChatMessageRow> storedTurns(String conversation) {
    return app.context
        .getBean(ChatMessageRepository.class)
        .findByConversationKeyOrderById(conversation);
  }

  private String storedAnswer(String conversation) {
    return storedTurns(conversation).stream()
        .filter(row -> row.role().equals(ChatMessageRow.ASSISTANT))
        .map(ChatMessageRow::content)
        .findFirst()
        .orElse("");
  }

  /** The words of a text, without the fence lines a split adds. */
  private static List<String> words(String text) {
    String withoutFences =
        String.join(" ", text.lines().filter(line -> !line.strip().startsWith("```")).toList());
    return List.of(withoutFences.strip().split("\\s+"));
  }
}
