package dev.cria.persistence;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.annotation.Query;
import io.micronaut.data.jdbc.annotation.JdbcRepository;
import io.micronaut.data.model.query.builder.sql.Dialect;
import io.micronaut.data.repository.CrudRepository;
import java.time.Instant;
import java.util.Collection;
import java.util.List;

/**
 * The durable work queue. Only the oldest unfinished event of a conversation can be claimed, so a
 * conversation is handled one event at a time, in order, across all replicas. A claim is a
 * conditional update: of two replicas racing for an event, exactly one updates the row.
 */
@JdbcRepository(dialect = Dialect.POSTGRES)
public interface InboundEventRepository extends CrudRepository<InboundEventRow, Long> {

  boolean existsByPlatformAndEventId(String platform, String eventId);

  /**
   * Events that can be claimed now, oldest first: the head of each conversation's queue.
   *
   * <p>Written so that both databases walk only the open events, never the finished ones that pile
   * up over time: {@code status IN (...)} first (index {@code inbound_event_claim_idx}), and in the
   * subquery the conversation before the status (H2 otherwise scans every open event for each
   * candidate). docs/benchmarks.md has the measurements.
   */
  @Query(
      """
      SELECT e.id FROM inbound_event e
      WHERE e.status IN ('PENDING', 'CLAIMED')
        AND e.platform IN (:platforms)
        AND (e.status = 'PENDING' OR e.lease_until < :now)
        AND NOT EXISTS (
          SELECT 1 FROM inbound_event o
          WHERE o.conversation_key = e.conversation_key AND o.id < e.id
            AND o.status IN ('PENDING', 'CLAIMED'))
      ORDER BY e.id LIMIT :limit""")
  List<Long> findClaimable(Instant now, Collection<String> platforms, int limit);

  /**
   * Like {@link #findClaimable}, and an author's event only while fewer than {@code perAuthor} of
   * their older events are open ({@code CRIA_QUOTA_USER_IN_FLIGHT}): a user's further questions
   * wait in the queue, costing nothing, until an earlier one is finished (index {@code
   * inbound_event_author_idx}).
   */
  @Query(
      """
      SELECT e.id FROM inbound_event e
      WHERE e.status IN ('PENDING', 'CLAIMED')
        AND e.platform IN (:platforms)
        AND (e.status = 'PENDING' OR e.lease_until < :now)
        AND NOT EXISTS (
          SELECT 1 FROM inbound_event o
          WHERE o.conversation_key = e.conversation_key AND o.id < e.id
            AND o.status IN ('PENDING', 'CLAIMED'))
        AND (e.author_id IS NULL OR (
          SELECT COUNT(*) FROM inbound_event a
          WHERE a.author_id = e.author_id AND a.status IN ('PENDING', 'CLAIMED')
            AND a.id < e.id) < :perAuthor)
      ORDER BY e.id LIMIT :limit""")
  List<Long> findClaimableWithinAuthorLimit(
      Instant now, Collection<String> platforms, int perAuthor, int limit);

  @Query(
      """
      UPDATE inbound_event
      SET status = 'CLAIMED', lease_owner = :owner, lease_until = :leaseUntil,
          attempts = attempts + 1
      WHERE id = :id
        AND (status = 'PENDING' OR (status = 'CLAIMED' AND lease_until < :now))
        AND NOT EXISTS (
          SELECT 1 FROM inbound_event o
          WHERE o.conversation_key = inbound_event.conversation_key
            AND o.id < inbound_event.id AND o.status IN ('PENDING', 'CLAIMED'))""")
  int claim(long id, String owner, Instant leaseUntil, Instant now);

  @Query(
      "UPDATE inbound_event SET lease_until = :leaseUntil "
          + "WHERE id = :id AND status = 'CLAIMED' AND lease_owner = :owner")
  int renew(long id, String owner, Instant leaseUntil);

  @Query(
      "UPDATE inbound_event SET lease_until = :leaseUntil "
          + "WHERE status = 'CLAIMED' AND lease_owner = :owner")
  int renewAll(String owner, Instant leaseUntil);

  boolean existsByConversationKey(String conversationKey);

  /**
   * Events of one author being answered right now that arrived before the given one (the older goes
   * first, so two waiting for each other cannot both step back).
   */
  @Query(
      "UPDATE inbound_event SET reply_message_id = :replyMessageId "
          + "WHERE id = :id AND lease_owner = :owner")
  int recordReplyMessage(long id, String owner, String replyMessageId);

  /**
   * Hands a claimed event back, unfinished, to be claimed again (by any replica) once {@code
   * retryAt} has passed; {@code refund} 1 gives back the attempt the claim counted.
   */
  @Query(
      """
      UPDATE inbound_event
      SET lease_owner = NULL, lease_until = :retryAt, attempts = attempts - :refund
      WHERE id = :id AND status = 'CLAIMED' AND lease_owner = :owner""")
  int release(long id, String owner, Instant retryAt, int refund);

  @Query(
      """
      UPDATE inbound_event
      SET status = :status, finished_at = :finishedAt, error_id = :errorId, lease_until = NULL,
          reply_address = NULL
      WHERE id = :id AND status = 'CLAIMED' AND lease_owner = :owner""")
  int finish(long id, String owner, String status, Instant finishedAt, @Nullable String errorId);

  @Query("SELECT COUNT(*) FROM inbound_event WHERE status IN ('PENDING', 'CLAIMED')")
  long countOpen();

  @Query("DELETE FROM inbound_event WHERE finished_at < :before")
  int deleteFinishedBefore(Instant before);

  /**
   * A reset: a conversation's finished events before an event (their payloads hold what was said).
   * Open ones stay: they are still to be answered.
   */
  @Query(
      """
      DELETE FROM inbound_event
      WHERE conversation_key = :conversationKey AND id < :beforeId
        AND status NOT IN ('PENDING', 'CLAIMED')""")
  int deleteFinishedInConversationBefore(String conversationKey, long beforeId);
}
