package dev.cria.store;

import dev.cria.chat.ConsoleStore.FeedbackEntry;
import dev.cria.chat.ConsoleStore.QueueEntry;
import dev.cria.chat.ConsoleStore.QueueReport;
import dev.cria.chat.ConsoleStore.Refusal;
import dev.cria.chat.ConsoleStore.UsageReport;
import dev.cria.chat.ConsoleStore.UsageRow;
import dev.cria.core.QuotaSettings;
import io.micronaut.context.annotation.Requires;
import io.micronaut.transaction.TransactionOperations;
import jakarta.inject.Singleton;
import java.sql.Connection;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.List;

/** The admin console's reports: feedback, usage against quotas, refusals, and the event queue. */
@Singleton
@Requires(property = "cria.web.enabled", notEquals = "false")
class ConsoleReports {

  private final SqlReads sql;
  private final QuotaSettings quotas;

  ConsoleReports(TransactionOperations<Connection> transactions, QuotaSettings quotas) {
    this.sql = new SqlReads(transactions);
    this.quotas = quotas;
  }

  List<FeedbackEntry> feedback(int limit) {
    return sql.list(
        """
        SELECT f.conversation_key, f.rating, f.user_id, f.created_at, m.content
        FROM feedback f LEFT JOIN chat_message m ON m.id = f.message_id
        ORDER BY f.id DESC LIMIT ?""",
        row ->
            new FeedbackEntry(
                row.getString("conversation_key"),
                row.getInt("rating"),
                row.getString("user_id"),
                row.getString("content"),
                SqlReads.instant(row, "created_at")),
        limit);
  }

  /** Answers and tokens per user, channel and UTC day since a day, against the daily quotas. */
  UsageReport usage(LocalDate since) {
    List<UsageRow> rows =
        sql.list(
            """
            SELECT requested_by, channel_key, created_at,
                   COALESCE(prompt_tokens, 0) + COALESCE(completion_tokens, 0) AS tokens
            FROM chat_message
            WHERE role = 'assistant' AND created_at >= ?
            ORDER BY created_at DESC""",
            row ->
                new UsageRow(
                    SqlReads.instant(row, "created_at").atOffset(ZoneOffset.UTC).toLocalDate(),
                    row.getString("requested_by"),
                    row.getString("channel_key"),
                    1,
                    row.getLong("tokens"),
                    false),
            since.atStartOfDay(ZoneOffset.UTC).toInstant());
    return new UsageReport(
        UsageTotals.perUserChannelAndDay(rows, quotas),
        quotas.userRequestsPerDay(),
        quotas.userTokensPerDay(),
        quotas.channelRequestsPerDay(),
        quotas.channelTokensPerDay());
  }

  List<Refusal> refusals(int limit) {
    return sql.list(
        """
        SELECT conversation_key, direction, categories, model, created_at
        FROM moderation_decision WHERE flagged = TRUE ORDER BY id DESC LIMIT ?""",
        row -> {
          String categories = row.getString("categories");
          return new Refusal(
              row.getString("conversation_key"),
              row.getString("direction"),
              categories == null || categories.isBlank()
                  ? List.of()
                  : Arrays.stream(categories.split(",")).map(String::strip).toList(),
              row.getString("model"),
              SqlReads.instant(row, "created_at"));
        },
        limit);
  }

  /** Open events, events tried more than once, and failed ones, newest first. */
  QueueReport queue(int limit) {
    List<QueueEntry> events =
        sql.list(
            """
            SELECT id, platform, conversation_key, status, attempts, error_id, received_at,
                   finished_at
            FROM inbound_event
            WHERE status IN ('PENDING', 'CLAIMED', 'FAILED') OR attempts > 1
            ORDER BY id DESC LIMIT ?""",
            row -> {
              String status = row.getString("status");
              String platform = row.getString("platform");
              return new QueueEntry(
                  row.getLong("id"),
                  platform,
                  row.getString("conversation_key"),
                  status,
                  row.getInt("attempts"),
                  row.getString("error_id"),
                  SqlReads.instant(row, "received_at"),
                  SqlReads.instant(row, "finished_at"),
                  retryable(status, platform));
            },
            limit);
    return new QueueReport(
        events,
        sql.count("SELECT COUNT(*) FROM inbound_event WHERE status IN ('PENDING', 'CLAIMED')"),
        sql.count("SELECT COUNT(*) FROM inbound_event WHERE attempts > 1"),
        sql.count("SELECT COUNT(*) FROM inbound_event WHERE status = 'FAILED'"));
  }

  /**
   * An open event is made claimable now (its lease, if any, ends). A failed web event goes back to
   * pending with its reply address restored (the event id). Slack and Discord events lose their
   * reply address when they finish (it can hold a Discord interaction token), so a failed one
   * cannot be answered again and is not retried.
   */
  boolean retry(long id) {
    int changed =
        sql.update(
            """
            UPDATE inbound_event SET lease_until = NULL, lease_owner = NULL, status = 'PENDING'
            WHERE id = ? AND status IN ('PENDING', 'CLAIMED')""",
            id);
    if (changed == 0) {
      changed =
          sql.update(
              """
              UPDATE inbound_event
              SET status = 'PENDING', attempts = 0, lease_until = NULL, lease_owner = NULL,
                  finished_at = NULL, error_id = NULL, reply_address = event_id
              WHERE id = ? AND status = 'FAILED' AND platform = 'web'""",
              id);
    }
    return changed == 1;
  }

  private static boolean retryable(String status, String platform) {
    return switch (status) {
      case "PENDING", "CLAIMED" -> true;
      case "FAILED" -> "web".equals(platform);
      default -> false;
    };
  }
}
