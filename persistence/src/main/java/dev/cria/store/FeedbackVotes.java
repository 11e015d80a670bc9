package dev.cria.store;

import dev.cria.core.FeedbackCount;
import java.time.Instant;
import java.util.List;

/**
 * One vote per person per answer ({@code feedback_vote_uk}, migration V10): a second press of the
 * other button changes the vote, a second press of the same one changes nothing. The vote names the
 * answer's model, system prompt version and event id. Shared by the chat platforms' buttons and the
 * web playground's.
 */
final class FeedbackVotes {

  /** What a press did to the stored votes. */
  enum Change {
    NEW,
    CHANGED,
    SAME
  }

  private final SqlReads sql;

  FeedbackVotes(SqlReads sql) {
    this.sql = sql;
  }

  /** The votes given since then, per model: up and down counts. */
  List<FeedbackCount> perModel(Instant since) {
    return sql.list(
        "SELECT COALESCE(model, 'unknown') AS m,"
            + " SUM(CASE WHEN rating > 0 THEN 1 ELSE 0 END) AS up,"
            + " SUM(CASE WHEN rating < 0 THEN 1 ELSE 0 END) AS down"
            + " FROM feedback WHERE created_at >= ?"
            + " GROUP BY COALESCE(model, 'unknown') ORDER BY m",
        row -> new FeedbackCount(row.getString("m"), row.getLong("up"), row.getLong("down")),
        since);
  }

  /** Stores {@code userId}'s vote on the answer row {@code answerId}. */
  Change vote(String conversationKey, long answerId, String userId, int rating) {
    try {
      return once(conversationKey, answerId, userId, rating);
    } catch (RuntimeException e) {
      // The same person's two presses raced on two replicas: the unique key let one insert
      // through, and this one is now a change (or none). Anything else fails again and is
      // thrown.
      return once(conversationKey, answerId, userId, rating);
    }
  }

  private Change once(String conversationKey, long answerId, String userId, int rating) {
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
