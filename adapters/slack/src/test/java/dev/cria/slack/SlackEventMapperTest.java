package dev.cria.slack;

import static dev.cria.fakes.FakeSlackEvents.fixture;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonParser;
import dev.cria.chat.Addressing;
import dev.cria.chat.ChatEvent;
import dev.cria.chat.Command;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class SlackEventMapperTest {

  private static final String BOT = "U0CRIA";

  private static SlackInbound map(String fixture) {
    return SlackEventMapper.map(JsonParser.parseString(fixture(fixture)).getAsJsonObject(), BOT);
  }

  private static ChatEvent message(String fixture) {
    return assertInstanceOf(SlackInbound.Message.class, map(fixture)).event();
  }

  @Test
  void mentionStartsAThreadOnItsOwnMessage() {
    var inbound = assertInstanceOf(SlackInbound.Message.class, map("app_mention.json"));
    ChatEvent event = inbound.event();

    assertEquals(Addressing.inChannel(true, null), event.addressing());
    assertEquals("slack:T0TEAM:C0GENERAL:1700000000.000100", event.conversation().toString());
    assertEquals("Ev0MENTION1", event.eventId());
    assertEquals("1700000000.000100", event.messageId());
    assertEquals("U0ADA", event.author().id());
    assertFalse(event.author().bot());
    assertNull(event.command());
    assertEquals(Instant.parse("2023-11-14T22:13:20.000100Z"), event.time());
    var reply = SlackReplyAddress.decode(event.replyAddress());
    assertEquals("C0GENERAL", reply.channel());
    assertEquals("1700000000.000100", reply.threadTs());
    assertEquals("U0ADA", reply.userId());
    assertEquals("T0TEAM", reply.teamId());
  }

  @Test
  void mentionTextLosesCriasMentionAndReadsLikeTheMessage() {
    assertEquals(
        "What is a *llama*? Ask @bob & see the article (https://en.wikipedia.org/wiki/Llama) <3",
        message("app_mention.json").text());
  }

  @Test
  void mentionInAThreadContinuesThatThreadAndCarriesCommandsAndNames() {
    ChatEvent event = message("mention_in_thread.json");

    assertEquals("slack:T0TEAM:C0GENERAL:1700000000.000100", event.conversation().toString());
    assertEquals(Addressing.inThread(true), event.addressing());
    assertEquals(new Command.Reset(), event.command());
    assertEquals("Bob", event.author().displayName());
    assertEquals("1700000000.000100", SlackReplyAddress.decode(event.replyAddress()).threadTs());
    // Only Cria's messages after the question can belong to its answer.
    assertEquals(event.messageId(), SlackReplyAddress.decode(event.replyAddress()).askedTs());
  }

  @Test
  void messageTwinOfAMentionIsSkippedSoItIsAnsweredOnce() {
    assertInstanceOf(SlackInbound.Skip.class, map("message_mentioning_cria.json"));
  }

  @Test
  void threadReplyWithoutMentionIsHandedOverAsWrittenInThatThread() {
    var inbound = assertInstanceOf(SlackInbound.Message.class, map("thread_message.json"));

    assertEquals(Addressing.inThread(false), inbound.event().addressing());
    assertEquals(
        "slack:T0TEAM:C0GENERAL:1700000000.000100", inbound.event().conversation().toString());
    assertEquals("And how tall do they get?", inbound.event().text());
  }

  @Test
  void topLevelDmIsTheDmChannelAndAnsweredThere() {
    var inbound = assertInstanceOf(SlackInbound.Message.class, map("im.json"));
    ChatEvent event = inbound.event();

    assertEquals(Addressing.direct(), event.addressing());
    assertEquals("slack:T0TEAM:D0ADA", event.conversation().toString());
    assertEquals(new Command.Model(null), event.command());
    assertNull(SlackReplyAddress.decode(event.replyAddress()).threadTs());
  }

  @Test
  void dmThreadIsItsOwnConversation() {
    ChatEvent event = message("im_thread.json");

    assertEquals("slack:T0TEAM:D0ADA:1700000200.000300", event.conversation().toString());
    assertEquals("1700000200.000300", SlackReplyAddress.decode(event.replyAddress()).threadTs());
  }

  @Test
  void editOfAUserTurnCarriesTheNewText() {
    var edit = assertInstanceOf(SlackInbound.Edit.class, map("message_changed.json"));

    assertEquals("slack:T0TEAM:C0GENERAL:1700000000.000100", edit.conversation().toString());
    assertEquals("1700000000.000100", edit.messageId());
    assertEquals("What is an *alpaca*?", edit.newText());
    assertEquals(Addressing.inChannel(false, null), edit.addressing());
  }

  @Test
  void deleteOfAThreadReplyNamesTheThreadAndTheMessage() {
    var delete = assertInstanceOf(SlackInbound.Delete.class, map("message_deleted.json"));

    assertEquals("slack:T0TEAM:C0GENERAL:1700000000.000100", delete.conversation().toString());
    assertEquals("1700000050.000200", delete.messageId());
  }

  @ParameterizedTest
  @CsvSource({
    "bot_message.json, message subtype bot_message",
    "assistant_thread_started.json, event type assistant_thread_started"
  })
  void slacksBookkeepingIsSkipped(String fixture, String reason) {
    assertEquals(new SlackInbound.Skip(reason), map(fixture));
  }

  @Test
  void criasOwnMessageIsHandedOverAsABotsForTheCoreToIgnore() {
    ChatEvent event = message("own_message.json");

    assertTrue(event.author().bot());
  }

  @Test
  void aTopLevelChannelMessageWithoutMentionIsHandedOverUnaddressed() {
    String json =
        fixture("thread_message.json").replace("\"thread_ts\": \"1700000000.000100\",", "");
    ChatEvent event =
        assertInstanceOf(
                SlackInbound.Message.class,
                SlackEventMapper.map(JsonParser.parseString(json).getAsJsonObject(), BOT))
            .event();

    assertEquals(Addressing.inChannel(false, null), event.addressing());
    assertEquals(event.messageId(), event.conversation().thread());
  }

  @Test
  void emptyMentionIsHandedOverEmptyForTheCoreToAnswerWithHelp() {
    String json =
        fixture("app_mention.json")
            .replace("What is a *llama*? Ask <@U0BOB|bob> &amp; see", "")
            .replace("<https://en.wikipedia.org/wiki/Llama|the article> &lt;3", "");
    var event =
        assertInstanceOf(
                SlackInbound.Message.class,
                SlackEventMapper.map(JsonParser.parseString(json).getAsJsonObject(), BOT))
            .event();

    assertNull(event.command(), "help is the core's decision (AddressingRulesTest)");
    assertEquals("", event.text());
    assertTrue(event.addressing().mentioned());
  }

  @Test
  void filesSharedWithAMentionAreAttachmentsAndNoHelpIsAsked() {
    ChatEvent event = message("app_mention_files.json");

    assertNull(event.command(), "a file without text is a question about it");
    assertEquals("", event.text());
    var screenshot = event.attachments().getFirst();
    assertEquals("Screenshot 2023-11-14 at 22.14.59.png", screenshot.name());
    assertEquals("image/png", screenshot.mimeType());
    assertEquals(48213, screenshot.size());
    assertEquals(
        "https://files.slack.com/files-pri/T0TEAM-F0SCREEN1/screenshot_2023-11-14_at_22.14.59.png",
        screenshot.source());
    assertEquals(3, event.attachments().size());
    assertEquals("F0HIDDEN2", event.attachments().get(1).name());
    assertFalse(event.attachments().get(1).available(), "hidden by the plan");
    assertFalse(event.attachments().get(2).available(), "check_file_info");
  }
}
