package dev.cria.discord;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import net.dv8tion.jda.api.components.actionrow.ActionRow;
import net.dv8tion.jda.api.entities.Message;
import net.dv8tion.jda.api.entities.MessageEmbed;
import net.dv8tion.jda.api.entities.channel.middleman.MessageChannel;
import net.dv8tion.jda.api.exceptions.ErrorResponseException;
import net.dv8tion.jda.api.requests.ErrorResponse;

/**
 * A channel, thread or DM, where the answer is posted as Cria's own messages. Every post carries a
 * nonce made of the event and the part's place in the answer, and JDA sends {@code enforce_nonce}:
 * when a replica taking over posts a part its dead predecessor already posted, Discord returns that
 * message instead of creating a second one, and it is edited into shape.
 */
final class ChannelTarget implements MessageTarget {

  /** Discord's limit on a nonce. */
  static final int NONCE_LENGTH = 25;

  private final MessageChannel channel;
  private final String replyTo;
  private final String eventId;

  /**
   * @param replyTo the user's message the answer replies to, or null
   * @param eventId the event answered, for the nonces; null posts without one
   */
  ChannelTarget(MessageChannel channel, String replyTo, String eventId) {
    this.channel = channel;
    this.replyTo = replyTo;
    this.eventId = eventId;
  }

  @Override
  public String existingMessage() {
    return null;
  }

  @Override
  public String post(String content, int part) {
    var action = channel.sendMessage(OutgoingMessages.create(content));
    if (eventId != null) {
      action = action.setNonce(nonce(eventId, part));
    }
    if (part == 0 && replyTo != null) {
      // If the user deleted their message meanwhile, answer without the reply link.
      action = action.setMessageReference(replyTo).failOnInvalidReply(false);
    }
    Message message = action.complete();
    if (!content.equals(message.getContentRaw())) {
      // A message an earlier attempt posted with this nonce, showing what it had then.
      return edit(message.getId(), content);
    }
    return message.getId();
  }

  /** Edits a message; one that is gone (deleted meanwhile) is posted anew, without a nonce. */
  @Override
  public String edit(String messageId, String content) {
    try {
      return channel.editMessageById(messageId, OutgoingMessages.edit(content)).complete().getId();
    } catch (ErrorResponseException e) {
      if (e.getErrorResponse() != ErrorResponse.UNKNOWN_MESSAGE) {
        throw e;
      }
      return channel.sendMessage(OutgoingMessages.create(content)).complete().getId();
    }
  }

  @Override
  public void addButtons(String messageId, String content, String answerMessageId) {
    channel.editMessageById(messageId, OutgoingMessages.edit(content, answerMessageId)).complete();
  }

  @Override
  public void addRow(String messageId, String content, ActionRow row) {
    channel.editMessageById(messageId, OutgoingMessages.edit(content, row)).complete();
  }

  /** An embed, posted like the first part of an answer (nonce, reply link) or edited in. */
  @Override
  public String embed(String messageId, MessageEmbed embed) {
    if (messageId != null) {
      return channel.editMessageById(messageId, OutgoingMessages.edit(embed)).complete().getId();
    }
    var action = channel.sendMessage(OutgoingMessages.create(embed));
    if (eventId != null) {
      action = action.setNonce(nonce(eventId, 0));
    }
    if (replyTo != null) {
      action = action.setMessageReference(replyTo).failOnInvalidReply(false);
    }
    return action.complete().getId();
  }

  @Override
  public String editDisplay(String messageId, String text, String answerMessageId) {
    return channel
        .editMessageById(messageId, OutgoingMessages.display(text, answerMessageId))
        .complete()
        .getId();
  }

  @Override
  public String postDisplay(String text, int part, String answerMessageId) {
    var action = channel.sendMessage(OutgoingMessages.createDisplay(text, answerMessageId));
    if (eventId != null) {
      action = action.setNonce(nonce(eventId, part));
    }
    String id = action.complete().getId();
    // With a nonce Discord may return what an earlier attempt posted: put this text into it.
    return editDisplay(id, text, answerMessageId);
  }

  @Override
  public void delete(String messageId) {
    channel.deleteMessageById(messageId).complete();
  }

  /** The event's id and the part's place, or a digest of the id when that would be too long. */
  static String nonce(String eventId, int part) {
    String suffix = "." + part;
    String base = eventId;
    if (base.length() + suffix.length() > NONCE_LENGTH) {
      base = digest(eventId).substring(0, NONCE_LENGTH - suffix.length());
    }
    return base + suffix;
  }

  private static String digest(String text) {
    try {
      byte[] hash =
          MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
      return HexFormat.of().formatHex(hash);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is missing", e);
    }
  }
}
