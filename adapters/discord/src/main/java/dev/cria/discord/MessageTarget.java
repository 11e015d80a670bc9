package dev.cria.discord;

import net.dv8tion.jda.api.components.actionrow.ActionRow;
import net.dv8tion.jda.api.entities.MessageEmbed;

/** The few message operations an answer needs, on an interaction's webhook or in a channel. */
interface MessageTarget {

  /**
   * The id of the message the answer already has before anything is posted (a deferred
   * interaction's {@code @original}), or null.
   */
  String existingMessage();

  /** How many messages an answer may take; a longer one is folded into that many. */
  default int maxMessages() {
    return Integer.MAX_VALUE;
  }

  /**
   * Posts a new message.
   *
   * @param part its place in the answer, 0 for the first (a reply to the user's message, where
   *     there is one); with the event, it makes the post idempotent where the target can
   * @return its id
   */
  String post(String content, int part);

  /**
   * Replaces a message's content.
   *
   * @return the message's real id (for {@code @original}, the id Discord gave it)
   */
  String edit(String messageId, String content);

  void delete(String messageId);

  /**
   * Shows an embed alone (a summary): in {@code messageId}, its content replaced, or in a new
   * message (the first of the answer) when null.
   *
   * @return the message's real id
   */
  String embed(String messageId, MessageEmbed embed);

  /** Puts the feedback buttons under a message, keeping its content. */
  void addButtons(String messageId, String content, String answerMessageId);

  /** Puts a row of buttons under a message showing {@code content} (a confirmation request). */
  void addRow(String messageId, String content, ActionRow row);

  /**
   * Replaces a message with a Components V2 layout ({@link OutgoingMessages#display}): the text in
   * a text display and, with {@code answerMessageId}, the answer's buttons under it.
   *
   * @return the message's real id
   */
  String editDisplay(String messageId, String text, String answerMessageId);

  /** Posts a Components V2 message, as {@link #editDisplay}; {@code part} as in {@link #post}. */
  String postDisplay(String text, int part, String answerMessageId);
}
