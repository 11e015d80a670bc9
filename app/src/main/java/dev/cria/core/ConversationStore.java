package dev.cria.core;

import dev.cria.chat.ChatEvent;
import dev.cria.chat.ConversationKey;
import dev.cria.chat.Platform;
import dev.cria.core.Moderator.ModerationResult;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/** Everything the pipeline keeps: the event queue, the turns, settings and decisions. */
public interface ConversationStore {

  /**
   * Stores an event and, for a message, its user turn, in one transaction.
   *
   * @return the event's queue position, or empty when the same (platform, event id) was stored
   *     before
   */
  Optional<Long> enqueue(ChatEvent event);

  /**
   * Claims up to {@code limit} events of the given platforms that are at the head of their
   * conversation.
   */
  List<QueuedEvent> claim(String owner, Set<Platform> platforms, Duration lease, int limit);

  /** How many older events of this author are being answered right now, by any replica. */
  long inFlightBefore(String authorId, long seq);

  /** Extends the leases of every event this owner holds. */
  void renewLeases(String owner, Duration lease);

  void recordReplyMessage(long seq, String owner, String messageId);

  /** Marks an event done (or failed, with the error id users were shown). */
  void finish(long seq, String owner, boolean failed, String errorId);

  long openEvents();

  /** The newest turns of a conversation up to and including an event, newest first. */
  List<StoredTurn> newestTurns(ConversationKey conversation, long upToSeq, int limit);

  /** The answer stored for an event by an earlier attempt, if any. */
  Optional<String> storedAnswer(long seq);

  void saveAnswer(ChatEvent event, long seq, Answer answer);

  void recordAnswerMessage(long seq, String platformMessageId);

  void saveModeration(
      ConversationKey conversation, long seq, String direction, ModerationResult result);

  /** Removes the user turn an event stored (e.g. when moderation refused it). */
  void dropUserTurn(long seq);

  /** Forgets the turns of a conversation that came before an event. */
  int reset(ConversationKey conversation, long beforeSeq);

  void edit(ConversationKey conversation, String messageId, String text);

  void delete(ConversationKey conversation, String messageId);

  boolean isActive(ConversationKey conversation);

  Optional<ConversationKey> conversationOfMessage(Platform platform, String messageId);

  /** The settings stored for exactly this key (a thread, or a channel). */
  Settings settings(ConversationKey key);

  void saveSettings(ConversationKey key, Settings settings, String updatedBy);

  Usage usage(String userId, ConversationKey channel, Instant since);

  /** Deletes turns and finished events older than the given time; returns how many turns. */
  int purgeBefore(Instant before);
}
