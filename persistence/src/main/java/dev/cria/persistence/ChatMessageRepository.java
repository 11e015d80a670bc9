package dev.cria.persistence;

import io.micronaut.data.annotation.Query;
import io.micronaut.data.jdbc.annotation.JdbcRepository;
import io.micronaut.data.model.query.builder.sql.Dialect;
import io.micronaut.data.repository.CrudRepository;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

@JdbcRepository(dialect = Dialect.POSTGRES)
public interface ChatMessageRepository extends CrudRepository<ChatMessageRow, Long> {

  /**
   * The newest turns of a conversation up to an event, newest first. Turns are ordered by the event
   * that produced them (a user turn is stored when its event is accepted, its answer later).
   */
  @Query(
      """
      SELECT * FROM chat_message
      WHERE conversation_key = :conversationKey AND event_seq <= :upToEventSeq
      ORDER BY event_seq DESC, id DESC LIMIT :limit""")
  List<ChatMessageRow> findNewest(String conversationKey, long upToEventSeq, int limit);

  List<ChatMessageRow> findByConversationKeyOrderById(String conversationKey);

  boolean existsByConversationKeyAndRole(String conversationKey, String role);

  Optional<ChatMessageRow> findFirstByConversationKeyAndPlatformMessageId(
      String conversationKey, String platformMessageId);

  Optional<ChatMessageRow> findFirstByPlatformMessageIdAndRole(
      String platformMessageId, String role);

  Optional<ChatMessageRow> findFirstByEventSeqAndRole(long eventSeq, String role);

  void deleteByEventSeqAndRole(long eventSeq, String role);

  @Query(
      "UPDATE chat_message SET platform_message_id = :platformMessageId "
          + "WHERE event_seq = :eventSeq AND role = 'assistant'")
  int updateAnswerMessageId(long eventSeq, String platformMessageId);

  @Query(
      "UPDATE chat_message SET author_name = :authorName "
          + "WHERE event_seq = :eventSeq AND role = 'user'")
  int updateAuthorName(long eventSeq, String authorName);

  @Query(
      "UPDATE chat_message SET content = :content "
          + "WHERE conversation_key = :conversationKey AND platform_message_id = :platformMessageId")
  int updateContent(String conversationKey, String platformMessageId, String content);

  @Query(
      "DELETE FROM chat_message "
          + "WHERE conversation_key = :conversationKey AND platform_message_id = :platformMessageId")
  int deleteByPlatformMessageId(String conversationKey, String platformMessageId);

  /** Forgets a conversation's turns that came before an event (a reset). */
  @Query(
      "DELETE FROM chat_message "
          + "WHERE conversation_key = :conversationKey AND event_seq < :beforeEventSeq")
  int deleteBefore(String conversationKey, long beforeEventSeq);

  @Query("DELETE FROM chat_message WHERE created_at < :before")
  int deleteCreatedBefore(Instant before);

  @Query(
      """
      SELECT COUNT(*) FROM chat_message
      WHERE requested_by = :userId AND role = 'assistant' AND created_at >= :since""")
  long countAnswersFor(String userId, Instant since);

  @Query(
      """
      SELECT COALESCE(SUM(COALESCE(prompt_tokens, 0) + COALESCE(completion_tokens, 0)), 0)
      FROM chat_message
      WHERE requested_by = :userId AND role = 'assistant' AND created_at >= :since""")
  long sumTokensFor(String userId, Instant since);

  @Query(
      """
      SELECT COUNT(*) FROM chat_message
      WHERE channel_key = :channelKey AND role = 'assistant' AND created_at >= :since""")
  long countAnswersInChannel(String channelKey, Instant since);

  @Query(
      """
      SELECT COALESCE(SUM(COALESCE(prompt_tokens, 0) + COALESCE(completion_tokens, 0)), 0)
      FROM chat_message
      WHERE channel_key = :channelKey AND role = 'assistant' AND created_at >= :since""")
  long sumTokensInChannel(String channelKey, Instant since);
}
