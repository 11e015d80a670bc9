package dev.cria.store;

import dev.cria.chat.ConversationKey;
import dev.cria.core.PendingToolCall;
import dev.cria.core.PendingToolCalls;
import io.micronaut.transaction.TransactionOperations;
import jakarta.inject.Singleton;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Optional;

/** {@link PendingToolCalls} in {@code pending_tool_call} (migration V12), in plain SQL. */
@Singleton
class JdbcPendingToolCalls implements PendingToolCalls {

  private final SqlReads sql;
  private final WorkerDatabaseShare work;

  JdbcPendingToolCalls(TransactionOperations<Connection> transactions, WorkerDatabaseShare work) {
    this.sql = new SqlReads(transactions);
    this.work = work;
  }

  /** The retention purge: pending calls are kept as long as the turns they were asked in. */
  static void deleteCreatedBefore(Connection connection, Instant before) throws SQLException {
    try (var statement =
        connection.prepareStatement("DELETE FROM pending_tool_call WHERE created_at < ?")) {
      statement.setTimestamp(1, Timestamp.from(before));
      statement.executeUpdate();
    }
  }

  @Override
  public void save(PendingToolCall pending) {
    work.run(
        "storing a pending tool call",
        () ->
            sql.update(
                "INSERT INTO pending_tool_call (id, conversation_key, event_seq, asker_id,"
                    + " tool_name, arguments_json, created_at) VALUES (?, ?, ?, ?, ?, ?, ?)",
                pending.id(),
                pending.conversation().toString(),
                pending.eventSeq(),
                pending.askerId(),
                pending.toolName(),
                pending.argumentsJson(),
                pending.createdAt()));
  }

  @Override
  public Optional<PendingToolCall> find(String id) {
    return work.run(
        "reading a pending tool call",
        () ->
            sql
                .list(
                    "SELECT * FROM pending_tool_call WHERE id = ?",
                    row ->
                        new PendingToolCall(
                            row.getString("id"),
                            ConversationKey.parse(row.getString("conversation_key")),
                            row.getLong("event_seq"),
                            row.getString("asker_id"),
                            row.getString("tool_name"),
                            row.getString("arguments_json"),
                            SqlReads.instant(row, "created_at"),
                            SqlReads.instant(row, "decided_at"),
                            row.getString("decision")),
                    id)
                .stream()
                .findFirst());
  }

  @Override
  public boolean decide(String id, String decision, Instant at) {
    return work.run(
            "deciding a pending tool call",
            () ->
                sql.update(
                    "UPDATE pending_tool_call SET decision = ?, decided_at = ?"
                        + " WHERE id = ? AND decided_at IS NULL",
                    decision,
                    at,
                    id))
        == 1;
  }
}
