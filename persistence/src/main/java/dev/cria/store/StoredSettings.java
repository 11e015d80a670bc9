package dev.cria.store;

import dev.cria.chat.ConversationKey;
import dev.cria.core.Settings;
import dev.cria.persistence.ConversationSettingsRepository;
import dev.cria.persistence.ConversationSettingsRow;
import io.micronaut.transaction.TransactionOperations;
import java.sql.Connection;
import java.time.Instant;

/** Per-thread and per-channel settings ({@code conversation_settings}), for the store. */
final class StoredSettings {

  private final ConversationSettingsRepository settings;
  private final TransactionOperations<Connection> transactions;
  private final WorkerDatabaseShare work;

  StoredSettings(
      ConversationSettingsRepository settings,
      TransactionOperations<Connection> transactions,
      WorkerDatabaseShare work) {
    this.settings = settings;
    this.transactions = transactions;
    this.work = work;
  }

  /** The settings stored for exactly this key (a thread, or a channel). */
  Settings of(ConversationKey key) {
    return work.run("reading settings", () -> settings.findById(key.toString()))
        .map(
            row ->
                new Settings(
                    row.model(), row.systemPrompt(), row.temperature(), row.maxCompletionTokens()))
        .orElse(Settings.NONE);
  }

  void save(ConversationKey key, Settings value, String updatedBy) {
    var row =
        new ConversationSettingsRow(
            key.toString(),
            StoredLimits.text(value.model()),
            StoredLimits.text(value.systemPrompt()),
            value.temperature(),
            value.maxCompletionTokens(),
            StoredLimits.text(updatedBy),
            Instant.now());
    work.run(
        "storing settings",
        () ->
            transactions.executeWrite(
                status ->
                    settings.existsById(row.conversationKey())
                        ? settings.update(row)
                        : settings.save(row)));
  }
}
