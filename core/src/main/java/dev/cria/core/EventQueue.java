package dev.cria.core;

import dev.cria.chat.ChatEvent;
import dev.cria.chat.Platform;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * The durable queue of inbound events that every replica shares: stored before the platform is
 * acknowledged, claimed with a lease one conversation at a time, finished once answered.
 */
public interface EventQueue {

  /**
   * Stores an event and, for a message, its user turn, in one transaction.
   *
   * @return the event's queue position, or empty when the same (platform, event id) was stored
   *     before
   */
  Optional<Long> enqueue(ChatEvent event);

  /**
   * Claims up to {@code limit} events of the given platforms that are at the head of their
   * conversation and whose author has fewer than {@code perAuthor} older events open, on any
   * replica ({@code CRIA_QUOTA_USER_IN_FLIGHT}; 0 for no limit). An author's further events stay
   * queued until then: waiting holds no thread and asks the database nothing extra.
   */
  List<QueuedEvent> claim(
      String owner, Set<Platform> platforms, Duration lease, int limit, int perAuthor);

  /** Extends the leases of every event this owner holds. */
  void renewLeases(String owner, Duration lease);

  /** Records the message an answer is being written into, so a retry edits it. */
  void recordReplyMessage(long seq, String owner, String messageId);

  /**
   * Hands an event back unfinished (a database step failed): it is claimed again, by any replica,
   * after {@code backoff}. With {@code refund} the attempt does not count towards giving up.
   */
  void release(long seq, String owner, Duration backoff, boolean refund);

  /** Marks an event done (or failed, with the error id users were shown). */
  void finish(long seq, String owner, boolean failed, String errorId);

  /** Events accepted and not yet finished. */
  long openEvents();
}
