package dev.cria.store;

import dev.cria.chat.ConversationKey;
import dev.cria.chat.Platform;
import dev.cria.core.FeedbackCount;
import dev.cria.persistence.ChatMessageRepository;
import dev.cria.persistence.ChatMessageRow;
import io.micronaut.transaction.TransactionOperations;
import java.sql.Connection;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Votes on answers ({@code feedback}), for the store: plain SQL, since a vote replaces the voter's
 * earlier one and carries the answer's event id from a subquery.
 */
final class FeedbackVotes {

  private final ChatMessageRepository messages;
  private final TransactionOperations<Connection> transactions;
  private final WorkerDatabaseShare work;

  FeedbackVotes(
      ChatMessageRepository messages,
      TransactionOperations<Connection> transactions,
      WorkerDatabaseShare work) {
    this.messages = messages;
    this.transactions = transactions;
    this.work = work;
  }

  /** See {@link dev.cria.core.ConversationStore#saveFeedback}. */
  Optional<String> save(Platform platform, String messageId, String userId, int rating) {
    Optional<ChatMessageRow> answer =
        TransientSqlRetry.ACK
            .run(
                "looking up an answer",
                () ->
                    messages.findFirstByPlatformMessageIdAndRole(
                        messageId, ChatMessageRow.ASSISTANT))
            .filter(row -> ConversationKey.parse(row.conversationKey()).platform() == platform);
    if (answer.isEmpty()) {
      return Optional.empty();
    }
    ChatMessageRow row = answer.get();
    String model = row.model() != null ? row.model() : "unknown";
    TransientSqlRetry.ACK.run(
        "storing feedback",
        () ->
            transactions.executeWrite(
                status -> {
                  Connection connection = status.getConnection();
                  try (var delete =
                      connection.prepareStatement(
                          "DELETE FROM feedback WHERE message_id = ? AND user_id = ?")) {
                    delete.setLong(1, row.id());
                    delete.setString(2, userId);
                    delete.executeUpdate();
                  }
                  try (var insert =
                      connection.prepareStatement(
                          "INSERT INTO feedback (conversation_key, message_id, rating, user_id,"
                              + " created_at, model, system_prompt_version, event_id)"
                              + " VALUES (?, ?, ?, ?, ?, ?, ?,"
                              + " (SELECT e.event_id FROM inbound_event e WHERE e.id = ?))")) {
                    insert.setString(1, row.conversationKey());
                    insert.setLong(2, row.id());
                    insert.setInt(3, rating);
                    insert.setString(4, userId);
                    insert.setObject(5, OffsetDateTime.now(ZoneOffset.UTC));
                    insert.setString(6, model);
                    insert.setString(7, row.systemPromptVersion());
                    insert.setLong(8, row.eventSeq());
                    return insert.executeUpdate();
                  }
                }));
    return Optional.of(model);
  }

  /** See {@link dev.cria.core.ConversationStore#feedbackPerModel}. */
  List<FeedbackCount> perModel(Instant since) {
    return work.run(
        "reading feedback",
        () ->
            transactions.executeRead(
                status -> {
                  try (var query =
                      status
                          .getConnection()
                          .prepareStatement(
                              "SELECT COALESCE(model, 'unknown') AS m,"
                                  + " SUM(CASE WHEN rating > 0 THEN 1 ELSE 0 END) AS up,"
                                  + " SUM(CASE WHEN rating < 0 THEN 1 ELSE 0 END) AS down"
                                  + " FROM feedback WHERE created_at >= ?"
                                  + " GROUP BY COALESCE(model, 'unknown') ORDER BY m")) {
                    query.setObject(1, OffsetDateTime.ofInstant(since, ZoneOffset.UTC));
                    List<FeedbackCount> counts = new ArrayList<>();
                    try (var rows = query.executeQuery()) {
                      while (rows.next()) {
                        counts.add(
                            new FeedbackCount(
                                rows.getString("m"), rows.getLong("up"), rows.getLong("down")));
                      }
                    }
                    return counts;
                  }
                }));
  }
}
