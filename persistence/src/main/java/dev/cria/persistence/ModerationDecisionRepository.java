package dev.cria.persistence;

import io.micronaut.data.annotation.Query;
import io.micronaut.data.jdbc.annotation.JdbcRepository;
import io.micronaut.data.model.query.builder.sql.Dialect;
import io.micronaut.data.repository.CrudRepository;
import java.time.Instant;
import java.util.List;

@JdbcRepository(dialect = Dialect.POSTGRES)
public interface ModerationDecisionRepository extends CrudRepository<ModerationDecisionRow, Long> {

  List<ModerationDecisionRow> findByConversationKeyOrderById(String conversationKey);

  /**
   * Retention: the decisions older than a time and those about turns older than it (the turns
   * retention purges with them, whenever the decision was made). Run before the turns go.
   */
  @Query(
      """
      DELETE FROM moderation_decision
      WHERE created_at < :before
         OR event_seq IN (SELECT m.event_seq FROM chat_message m WHERE m.created_at < :before)""")
  int deleteJudgedBefore(Instant before);

  /** A reset: the decisions about a conversation's events before an event. */
  @Query(
      "DELETE FROM moderation_decision "
          + "WHERE conversation_key = :conversationKey AND event_seq < :beforeEventSeq")
  int deleteBefore(String conversationKey, long beforeEventSeq);
}
