package dev.cria.store;

import dev.cria.chat.ConversationKey;
import dev.cria.chat.Platform;
import dev.cria.core.FeedbackCount;
import dev.cria.core.FeedbackVote;
import dev.cria.persistence.ChatMessageRepository;
import dev.cria.persistence.ChatMessageRow;
import io.micronaut.transaction.TransactionOperations;
import java.sql.Connection;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * Votes on answers ({@code feedback}), for the store and the web console: plain SQL, since a vote
 * carries the answer's event id from a subquery. One vote per person per answer ({@code
 * feedback_vote_uk}, migration V10): a second press of the other button changes the vote, a second
 * press of the same one changes nothing.
 */
final class FeedbackVotes {

  /** What a press did to the stored votes. */
  enum Change {
    NEW,
    CHANGED,
    SAME
  }

  private final ChatMessageRepository messages;
  private final SqlReads sql;
  private final WorkerDatabaseShare work;

  FeedbackVotes(
      ChatMessageRepository messages,
      TransactionOperations<Connection> transactions,
      WorkerDatabaseShare work) {
    this.messages = messages;
    this.sql = new SqlReads(transactions);
    this.work = work;
  }

  /** See {@link dev.cria.core.ConversationStore#saveFeedback}. */
  Optional<FeedbackVote> save(Platform platform, String messageId, String userId, int rating) {
    Optional<ChatMessageRow> answer =
        TransientSqlRetry.ACK
            .run("looking up an answer", () -> messages.findAnswerInMessage(messageId))
            .filter(row -> ConversationKey.parse(row.conversationKey()).platform() == platform);
    if (answer.isEmpty()) {
      return Optional.empty();
    }
    ChatMessageRow row = answer.get();
    String model = row.model() != null ? row.model() : "unknown";
    Change change =
        TransientSqlRetry.ACK.run(
            "storing feedback", () -> vote(sql, row.conversationKey(), row.id(), userId, rating));
    return Optional.of(new FeedbackVote(model, change != Change.SAME));
  }

  /** See {@link dev.cria.core.ConversationStore#feedbackPerModel}. */
  List<FeedbackCount> perModel(Instant since) {
    return work.run(
        "reading feedback",
        () ->
            sql.list(
                "SELECT COALESCE(model, 'unknown') AS m,"
                    + " SUM(CASE WHEN rating > 0 THEN 1 ELSE 0 END) AS up,"
                    + " SUM(CASE WHEN rating < 0 THEN 1 ELSE 0 END) AS down"
                    + " FROM feedback WHERE created_at >= ?"
                    + " GROUP BY COALESCE(model, 'unknown') ORDER BY m",
                row ->
                    new FeedbackCount(row.getString("m"), row.getLong("up"), row.getLong("down")),
                since));
  }

  /** Stores {@code userId}'s vote on the answer row {@code answerId}. */
  static Change vote(
      SqlReads sql, String conversationKey, long answerId, String userId, int rating) {
    try {
      return once(sql, conversationKey, answerId, userId, rating);
    } catch (RuntimeException e) {
      // The same person's two presses raced on two replicas: the unique key let one insert
      // through, and this one is now a change (or none). Anything else fails again and is
      // thrown.
      return once(sql, conversationKey, answerId, userId, rating);
    }
  }

  private static Change once(
      SqlReads sql, String conversationKey, long answerId, String userId, int rating) {
    Instant now = Instant.now();
    int changed =
        sql.update(
            "UPDATE feedback SET rating = ?, created_at = ?"
                + " WHERE message_id = ? AND user_id = ? AND rating <> ?",
            rating,
            now,
            answerId,
            userId,
            rating);
    if (changed > 0) {
      return Change.CHANGED;
    }
    if (sql.count(
            "SELECT COUNT(*) FROM feedback WHERE message_id = ? AND user_id = ?", answerId, userId)
        > 0) {
      return Change.SAME;
    }
    sql.update(
        "INSERT INTO feedback (conversation_key, message_id, rating, user_id, created_at, model,"
            + " system_prompt_version, event_id)"
            + " VALUES (?, ?, ?, ?, ?,"
            + " (SELECT COALESCE(m.model, 'unknown') FROM chat_message m WHERE m.id = ?),"
            + " (SELECT m.system_prompt_version FROM chat_message m WHERE m.id = ?),"
            + " (SELECT e.event_id FROM chat_message m JOIN inbound_event e ON e.id = m.event_seq"
            + " WHERE m.id = ?))",
        conversationKey,
        answerId,
        rating,
        userId,
        now,
        answerId,
        answerId,
        answerId);
    return Change.NEW;
  }
}
