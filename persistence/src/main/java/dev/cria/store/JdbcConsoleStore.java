package dev.cria.store;

import dev.cria.chat.ConsoleStore;
import dev.cria.chat.ConversationKey;
import dev.cria.core.ConversationStore;
import dev.cria.core.Settings;
import io.micronaut.context.annotation.Requires;
import io.micronaut.transaction.TransactionOperations;
import jakarta.inject.Singleton;
import java.sql.Connection;
import java.time.LocalDate;
import java.util.List;
import java.util.OptionalLong;

/**
 * The web pages' {@link ConsoleStore}: conversations, transcripts, settings and feedback here, the
 * admin reports in {@link ConsoleReports}.
 */
@Singleton
@Requires(property = "cria.web.enabled", notEquals = "false")
class JdbcConsoleStore implements ConsoleStore {

  private final SqlReads sql;
  private final ConversationStore conversations;
  private final ConsoleReports reports;

  JdbcConsoleStore(
      TransactionOperations<Connection> transactions,
      ConversationStore conversations,
      ConsoleReports reports) {
    this.sql = new SqlReads(transactions);
    this.conversations = conversations;
    this.reports = reports;
  }

  @Override
  public List<ConversationSummary> conversations(String keyPrefix, String q, int limit) {
    String like = "%" + q.replace("%", "").replace("_", "") + "%";
    return sql.list(
        """
        SELECT m.conversation_key, m.channel_key, COUNT(*) AS turns,
               MAX(m.created_at) AS last_at, MIN(m.id) AS first_id
        FROM chat_message m
        WHERE m.conversation_key LIKE ? ESCAPE '!'
          AND (LOWER(m.conversation_key) LIKE ? OR LOWER(m.content) LIKE ?)
        GROUP BY m.conversation_key, m.channel_key
        ORDER BY last_at DESC LIMIT ?""",
        row -> {
          String key = row.getString("conversation_key");
          return new ConversationSummary(
              key,
              key.substring(0, key.indexOf(':')),
              row.getString("channel_key"),
              title(row.getLong("first_id")),
              row.getLong("turns"),
              SqlReads.instant(row, "last_at"));
        },
        literal(keyPrefix) + "%",
        like,
        like,
        limit);
  }

  /** A LIKE pattern matching the text itself: '_' in a web user's e-mail is no wildcard. */
  private static String literal(String text) {
    return text.replace("!", "!!").replace("%", "!%").replace("_", "!_");
  }

  private String title(long firstId) {
    List<String> text =
        sql.list("SELECT content FROM chat_message WHERE id = ?", row -> row.getString(1), firstId);
    String first = text.isEmpty() ? "" : text.getFirst().strip().replaceAll("\\s+", " ");
    return first.length() > 80 ? first.substring(0, 79) + "…" : first;
  }

  @Override
  public List<TranscriptTurn> transcript(String conversationKey) {
    return sql.list(
        """
        SELECT m.id, m.role, m.author_name, m.content, m.model, m.prompt_tokens,
               m.completion_tokens, m.latency_ms, m.created_at,
               (SELECT MAX(f.rating) FROM feedback f WHERE f.message_id = m.id) AS rating
        FROM chat_message m WHERE m.conversation_key = ?
        ORDER BY m.event_seq, m.id""",
        row ->
            new TranscriptTurn(
                row.getLong("id"),
                row.getString("role"),
                row.getString("author_name"),
                row.getString("content"),
                row.getString("model"),
                SqlReads.integer(row, "prompt_tokens"),
                SqlReads.integer(row, "completion_tokens"),
                row.getObject("latency_ms") == null ? null : row.getLong("latency_ms"),
                SqlReads.integer(row, "rating"),
                SqlReads.instant(row, "created_at")),
        conversationKey);
  }

  @Override
  public Setup setup(String conversationKey) {
    Settings settings = conversations.settings(ConversationKey.parse(conversationKey));
    return new Setup(settings.model(), settings.systemPrompt());
  }

  @Override
  public void saveSetup(String conversationKey, Setup setup, String updatedBy) {
    ConversationKey key = ConversationKey.parse(conversationKey);
    Settings old = conversations.settings(key);
    conversations.saveSettings(
        key,
        new Settings(
            setup.model(), setup.systemPrompt(), old.temperature(), old.maxCompletionTokens()),
        updatedBy);
  }

  @Override
  public boolean saveFeedback(String conversationKey, long messageId, int rating, String userId) {
    long answers =
        sql.count(
            "SELECT COUNT(*) FROM chat_message"
                + " WHERE id = ? AND conversation_key = ? AND role = 'assistant'",
            messageId,
            conversationKey);
    if (answers == 0) {
      return false;
    }
    FeedbackVotes.vote(sql, conversationKey, messageId, userId, rating);
    return true;
  }

  @Override
  public OptionalLong answerOf(String conversationKey, String eventId) {
    return sql
        .list(
            """
            SELECT m.id FROM chat_message m JOIN inbound_event e ON e.id = m.event_seq
            WHERE e.platform = 'web' AND e.event_id = ? AND m.conversation_key = ?
              AND m.role = 'assistant'""",
            row -> row.getLong(1),
            eventId,
            conversationKey)
        .stream()
        .mapToLong(Long::longValue)
        .findFirst();
  }

  @Override
  public List<FeedbackEntry> feedback(int limit) {
    return reports.feedback(limit);
  }

  @Override
  public UsageReport usage(LocalDate since) {
    return reports.usage(since);
  }

  @Override
  public List<Refusal> refusals(int limit) {
    return reports.refusals(limit);
  }

  @Override
  public QueueReport queue(int limit) {
    return reports.queue(limit);
  }

  @Override
  public boolean retry(long eventId) {
    return reports.retry(eventId);
  }
}
