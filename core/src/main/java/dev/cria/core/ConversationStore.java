package dev.cria.core;

import dev.cria.chat.ChatEvent;
import dev.cria.chat.ConversationKey;
import dev.cria.chat.Platform;
import dev.cria.core.Moderator.ModerationResult;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * What the pipeline keeps about conversations: turns, settings, moderation decisions, usage; and
 * what the addressing rules remember ({@link AddressingRules.Memory}).
 */
public interface ConversationStore extends AddressingRules.Memory {

  /** The newest turns of a conversation up to and including an event, newest first. */
  List<StoredTurn> newestTurns(ConversationKey conversation, long upToSeq, int limit);

  /**
   * Keeps the images and file texts of an event's user turn, replacing what an earlier attempt at
   * the event kept.
   */
  void saveAttachments(ConversationKey conversation, long seq, List<StoredAttachment> attachments);

  /**
   * How many images a conversation holds from events other than this one (an earlier attempt at
   * this event kept its own, which are replaced).
   */
  long imageCount(ConversationKey conversation, long exceptSeq);

  /** The answer stored for an event by an earlier attempt, if any. */
  Optional<String> storedAnswer(long seq);

  void saveAnswer(ChatEvent event, long seq, Answer answer);

  void recordAnswerMessage(long seq, String platformMessageId);

  /**
   * Records a moderation decision.
   *
   * @param letThrough flagged categories an operator allows ({@code CRIA_MODERATION_ALLOW})
   */
  void saveModeration(
      ConversationKey conversation,
      long seq,
      String direction,
      ModerationResult result,
      List<String> letThrough);

  /** Removes the user turn an event stored (e.g. when moderation refused it). */
  void dropUserTurn(long seq);

  /**
   * Forgets a conversation before an event: deletes its turns, the moderation decisions about them
   * and the finished events that carried them. Returns how many turns.
   */
  int reset(ConversationKey conversation, long beforeSeq);

  void edit(ConversationKey conversation, String messageId, String text);

  void delete(ConversationKey conversation, String messageId);

  /**
   * Names the author of the user turn an event stored (the name the platform shows, looked up after
   * the ack).
   */
  void nameAuthor(long seq, String authorName);

  /**
   * Stores a vote on the answer whose platform message id this is, replacing the voter's earlier
   * one, with the answer's model, system prompt version and event id; returns the answer's model
   * ({@code "unknown"} when it has none), or empty when there is no such answer.
   */
  Optional<String> saveFeedback(Platform platform, String messageId, String userId, int rating);

  /** The votes given since then, per model: up and down counts. */
  List<FeedbackCount> feedbackPerModel(Instant since);

  /** The settings stored for exactly this key (a thread, or a channel). */
  Settings settings(ConversationKey key);

  void saveSettings(ConversationKey key, Settings settings, String updatedBy);

  Usage usage(String userId, ConversationKey channel, Instant since);

  /**
   * Deletes turns, the moderation decisions about them and finished events older than the given
   * time; returns how many turns.
   */
  int purgeBefore(Instant before);
}
