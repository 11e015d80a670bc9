package dev.cria.persistence;

import io.micronaut.data.annotation.Query;
import io.micronaut.data.jdbc.annotation.JdbcRepository;
import io.micronaut.data.model.query.builder.sql.Dialect;
import io.micronaut.data.repository.CrudRepository;
import java.time.Instant;
import java.util.Collection;
import java.util.List;

@JdbcRepository(dialect = Dialect.POSTGRES)
public interface TurnAttachmentRepository extends CrudRepository<TurnAttachmentRow, Long> {

  List<TurnAttachmentRow> findByConversationKeyAndEventSeqInOrderById(
      String conversationKey, Collection<Long> eventSeq);

  long countByConversationKeyAndKindAndEventSeqNotEqual(
      String conversationKey, String kind, long eventSeq);

  void deleteByEventSeq(long eventSeq);

  /** A reset: the attachments of a conversation's events before an event. */
  @Query(
      "DELETE FROM turn_attachment "
          + "WHERE conversation_key = :conversationKey AND event_seq < :beforeEventSeq")
  int deleteBefore(String conversationKey, long beforeEventSeq);

  /** A deleted message: the attachments of its user turn. Run before the turn goes. */
  @Query(
      """
      DELETE FROM turn_attachment
      WHERE conversation_key = :conversationKey
        AND event_seq IN (SELECT m.event_seq FROM chat_message m
                          WHERE m.conversation_key = :conversationKey
                            AND m.platform_message_id = :platformMessageId)""")
  int deleteOfMessage(String conversationKey, String platformMessageId);

  /**
   * Retention: attachments older than a time and those of turns older than it. Run before the turns
   * go.
   */
  @Query(
      """
      DELETE FROM turn_attachment
      WHERE created_at < :before
         OR event_seq IN (SELECT m.event_seq FROM chat_message m WHERE m.created_at < :before)""")
  int deleteStoredBefore(Instant before);
}
