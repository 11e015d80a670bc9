package dev.cria.discord;

import java.util.EnumSet;
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
    return new MessageEditBuilder()
        .setContent(content)
        .setComponents(FeedbackButtons.row(answerMessageId))
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
