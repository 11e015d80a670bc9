package dev.cria.discord;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import net.dv8tion.jda.api.components.MessageTopLevelComponent;
import net.dv8tion.jda.api.components.actionrow.ActionRow;
import net.dv8tion.jda.api.components.textdisplay.TextDisplay;
import net.dv8tion.jda.api.entities.Message;
import net.dv8tion.jda.api.entities.Message.MentionType;
import net.dv8tion.jda.api.entities.MessageEmbed;
import net.dv8tion.jda.api.utils.messages.MessageCreateBuilder;
import net.dv8tion.jda.api.utils.messages.MessageCreateData;
import net.dv8tion.jda.api.utils.messages.MessageEditBuilder;
import net.dv8tion.jda.api.utils.messages.MessageEditData;
import net.dv8tion.jda.api.utils.messages.MessageRequest;

/**
 * Builds every message Cria sends or edits, with pings turned off: no user, role, {@code
 * @everyone} or {@code @here} mention in a model's answer (or an echoed prompt) notifies anyone,
 * and replies do not ping the person replied to.
 */
final class OutgoingMessages {

  /** Discord's limit on a message's content. */
  static final int MAX_LENGTH = Message.MAX_CONTENT_LENGTH;

  /** Discord's limit on the text of a Components V2 message's text displays. */
  static final int MAX_DISPLAY_LENGTH = 4000;

  static final EnumSet<MentionType> NO_PINGS = EnumSet.noneOf(MentionType.class);

  private OutgoingMessages() {}

  /** Makes "no pings" JDA's default too, for any message built elsewhere. */
  static void disablePingsByDefault() {
    MessageRequest.setDefaultMentions(NO_PINGS);
    MessageRequest.setDefaultMentionRepliedUser(false);
  }

  static MessageCreateData create(String content) {
    return new MessageCreateBuilder()
        .setContent(content)
        .setAllowedMentions(NO_PINGS)
        .mentionRepliedUser(false)
        .build();
  }

  /** An edit that also puts the feedback buttons for that answer under the message. */
  static MessageEditData edit(String content, String answerMessageId) {
    return edit(content, FeedbackButtons.row(answerMessageId));
  }

  /** An edit that also puts a row of buttons under the message. */
  static MessageEditData edit(String content, ActionRow row) {
    return new MessageEditBuilder()
        .setContent(content)
        .setComponents(row)
        .setAllowedMentions(NO_PINGS)
        .mentionRepliedUser(false)
        .build();
  }

  /**
   * A Components V2 message ({@code IS_COMPONENTS_V2}, 1 &lt;&lt; 15): the text in a text display
   * of up to {@value #MAX_DISPLAY_LENGTH} characters (twice a message's content) and, for the last
   * message of an answer, its buttons in an action row. Content and embeds are not allowed with the
   * flag, so the edit replaces the whole message, clearing the content a progress update left.
   */
  static MessageEditData display(String text, String answerMessageId) {
    return new MessageEditBuilder()
        .setReplace(true)
        .useComponentsV2()
        .setComponents(layout(text, answerMessageId))
        .setAllowedMentions(NO_PINGS)
        .mentionRepliedUser(false)
        .build();
  }

  static MessageCreateData createDisplay(String text, String answerMessageId) {
    return new MessageCreateBuilder()
        .useComponentsV2()
        .setComponents(layout(text, answerMessageId))
        .setAllowedMentions(NO_PINGS)
        .mentionRepliedUser(false)
        .build();
  }

  /** A new message showing an embed alone. */
  static MessageCreateData create(MessageEmbed embed) {
    return new MessageCreateBuilder()
        .setEmbeds(embed)
        .setAllowedMentions(NO_PINGS)
        .mentionRepliedUser(false)
        .build();
  }

  private static List<MessageTopLevelComponent> layout(String text, String answerMessageId) {
    List<MessageTopLevelComponent> parts = new ArrayList<>();
    parts.add(TextDisplay.of(text));
    if (answerMessageId != null) {
      parts.add(FeedbackButtons.row(answerMessageId));
    }
    return parts;
  }

  /** An edit to an embed alone: the content and any buttons are cleared. */
  static MessageEditData edit(MessageEmbed embed) {
    return new MessageEditBuilder()
        .setContent("")
        .setComponents()
        .setEmbeds(embed)
        .setAllowedMentions(NO_PINGS)
        .mentionRepliedUser(false)
        .build();
  }

  static MessageEditData edit(String content) {
    return new MessageEditBuilder()
        .setContent(content)
        .setAllowedMentions(NO_PINGS)
        .mentionRepliedUser(false)
        .build();
  }
}
