package dev.cria.store;

import dev.cria.chat.ChatEvent;
import dev.cria.chat.ConversationKey;
import dev.cria.chat.Platform;
import dev.cria.core.Answer;
import dev.cria.core.ChatTurn;
import dev.cria.core.ConversationStore;
import dev.cria.core.FeedbackCount;
import dev.cria.core.Moderator.ModerationResult;
import dev.cria.core.Settings;
import dev.cria.core.StoredAttachment;
import dev.cria.core.StoredTurn;
import dev.cria.core.Usage;
import dev.cria.persistence.ChatMessageRepository;
import dev.cria.persistence.ChatMessageRow;
import dev.cria.persistence.ConversationSettingsRepository;
import dev.cria.persistence.ConversationSettingsRow;
import dev.cria.persistence.InboundEventRepository;
import dev.cria.persistence.ModerationDecisionRepository;
import dev.cria.persistence.ModerationDecisionRow;
import dev.cria.persistence.TurnAttachmentRepository;
import dev.cria.persistence.TurnAttachmentRow;
import io.micronaut.transaction.TransactionOperations;
import jakarta.inject.Singleton;
import java.sql.Connection;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

/** The {@link ConversationStore} on Micronaut Data JDBC: H2 or PostgreSQL. */
@Singleton
class JdbcConversationStore implements ConversationStore {

  private final InboundEventRepository events;
  private final ChatMessageRepository messages;
  private final ConversationSettingsRepository settings;
  private final ModerationDecisionRepository moderation;
  private final TurnAttachmentRepository attachments;
  private final TransactionOperations<Connection> transactions;
  private final WorkerDatabaseShare work;

  JdbcConversationStore(
      InboundEventRepository events,
      ChatMessageRepository messages,
      ConversationSettingsRepository settings,
      ModerationDecisionRepository moderation,
      TurnAttachmentRepository attachments,
      TransactionOperations<Connection> transactions,
      WorkerDatabaseShare work) {
    this.events = events;
    this.messages = messages;
    this.settings = settings;
    this.moderation = moderation;
    this.attachments = attachments;
    this.transactions = transactions;
    this.work = work;
  }

  @Override
  public List<StoredTurn> newestTurns(ConversationKey conversation, long upToSeq, int limit) {
    String key = conversation.toString();
    List<ChatMessageRow> rows =
        work.run("reading history", () -> messages.findNewest(key, upToSeq, limit));
    Map<Long, List<StoredAttachment>> bySeq = attachmentsOf(key, rows);
    return rows.stream()
        .map(
            row -> {
              boolean answer = ChatMessageRow.ASSISTANT.equals(row.role());
              return new StoredTurn(
                  answer ? ChatTurn.Role.ASSISTANT : ChatTurn.Role.USER,
                  row.authorName(),
                  row.content(),
                  answer ? List.of() : bySeq.getOrDefault(row.eventSeq(), List.of()));
            })
        .toList();
  }

  @Override
  public List<StoredTurn> newestTurnsInChannel(ConversationKey channel, long upToSeq, int limit) {
    String key = channel.channelKey().toString();
    return work
        .run("reading a channel's history", () -> messages.findNewestInChannel(key, upToSeq, limit))
        .stream()
        .map(
            row ->
                new StoredTurn(
                    ChatMessageRow.ASSISTANT.equals(row.role())
                        ? ChatTurn.Role.ASSISTANT
                        : ChatTurn.Role.USER,
                    row.authorName(),
                    row.content()))
        .toList();
  }

  private Map<Long, List<StoredAttachment>> attachmentsOf(String key, List<ChatMessageRow> rows) {
    List<Long> seqs =
        rows.stream()
            .filter(row -> ChatMessageRow.USER.equals(row.role()))
            .map(ChatMessageRow::eventSeq)
            .toList();
    if (seqs.isEmpty()) {
      return Map.of();
    }
    return work
        .run(
            "reading attachments",
            () -> attachments.findByConversationKeyAndEventSeqInOrderById(key, seqs))
        .stream()
        .collect(
            Collectors.groupingBy(
                TurnAttachmentRow::eventSeq,
                Collectors.mapping(JdbcConversationStore::attachment, Collectors.toList())));
  }

  private static StoredAttachment attachment(TurnAttachmentRow row) {
    return new StoredAttachment(
        TurnAttachmentRow.IMAGE.equals(row.kind())
            ? StoredAttachment.Kind.IMAGE
            : StoredAttachment.Kind.FILE,
        row.name(),
        row.mimeType(),
        row.content(),
        row.tokens());
  }

  @Override
  public void saveAttachments(
      ConversationKey conversation, long seq, List<StoredAttachment> toKeep) {
    String key = conversation.toString();
    Instant now = Instant.now();
    List<TurnAttachmentRow> rows =
        toKeep.stream()
            .map(
                attachment ->
                    new TurnAttachmentRow(
                        null,
                        key,
                        seq,
                        attachment.kind().name().toLowerCase(Locale.ROOT),
                        StoredLimits.name(attachment.name()),
                        StoredLimits.mimeType(attachment.mimeType()),
                        StoredLimits.text(attachment.content()),
                        attachment.tokens(),
                        now))
            .toList();
    work.run(
        "storing attachments",
        () ->
            transactions.executeWrite(
                status -> {
                  attachments.deleteByEventSeq(seq);
                  attachments.saveAll(rows);
                  return null;
                }));
  }

  @Override
  public long imageCount(ConversationKey conversation, long exceptSeq) {
    return work.run(
        "counting images",
        () ->
            attachments.countByConversationKeyAndKindAndEventSeqNotEqual(
                conversation.toString(), TurnAttachmentRow.IMAGE, exceptSeq));
  }

  @Override
  public Optional<String> storedAnswer(long seq) {
    return work.run(
        "reading stored answer",
        () ->
            messages
                .findFirstByEventSeqAndRole(seq, ChatMessageRow.ASSISTANT)
                .map(ChatMessageRow::content));
  }

  @Override
  public void saveAnswer(ChatEvent event, long seq, Answer answer) {
    var completion = answer.completion();
    var row =
        new ChatMessageRow(
            null,
            event.conversation().toString(),
            seq,
            ChatMessageRow.ASSISTANT,
            StoredLimits.text(answer.text()),
            null,
            null,
            answer.requestedBy(),
            event.conversation().channelKey().toString(),
            null,
            completion.model(),
            completion.stopReason(),
            completion.promptTokens(),
            completion.completionTokens(),
            answer.latencyMs(),
            Instant.now(),
            answer.systemPromptVersion());
    // A retry after a commit whose outcome was lost finds the answer stored and stores no second.
    work.run(
        "storing answer",
        () -> {
          if (messages.findFirstByEventSeqAndRole(seq, ChatMessageRow.ASSISTANT).isEmpty()) {
            messages.save(row);
          }
        });
  }

  @Override
  public void recordAnswerMessage(long seq, String platformMessageId) {
    work.run(
        "recording answer message", () -> messages.updateAnswerMessageId(seq, platformMessageId));
  }

  @Override
  public void saveModeration(
      ConversationKey conversation,
      long seq,
      String direction,
      ModerationResult result,
      List<String> letThrough) {
    var row =
        new ModerationDecisionRow(
            null,
            conversation.toString(),
            seq,
            direction,
            result.flagged(),
            String.join(",", result.categories()),
            result.model(),
            letThrough.isEmpty() ? null : String.join(",", letThrough),
            Instant.now());
    work.run("storing moderation decision", () -> moderation.save(row));
  }

  @Override
  public void dropUserTurn(long seq) {
    work.run(
        "dropping user turn",
        () ->
            transactions.executeWrite(
                status -> {
                  attachments.deleteByEventSeq(seq);
                  messages.deleteByEventSeqAndRole(seq, ChatMessageRow.USER);
                  return null;
                }));
  }

  @Override
  public int reset(ConversationKey conversation, long beforeSeq) {
    String key = conversation.toString();
    return work.run(
        "resetting conversation",
        () ->
            transactions.executeWrite(
                status -> {
                  moderation.deleteBefore(key, beforeSeq);
                  attachments.deleteBefore(key, beforeSeq);
                  events.deleteFinishedInConversationBefore(key, beforeSeq);
                  return messages.deleteBefore(key, beforeSeq);
                }));
  }

  @Override
  public void edit(ConversationKey conversation, String messageId, String text) {
    if (messageId == null || text == null) {
      return;
    }
    TransientSqlRetry.ACK.run(
        "editing turn",
        () -> messages.updateContent(conversation.toString(), messageId, StoredLimits.text(text)));
  }

  @Override
  public void delete(ConversationKey conversation, String messageId) {
    if (messageId == null) {
      return;
    }
    TransientSqlRetry.ACK.run(
        "deleting turn",
        () -> {
          attachments.deleteOfMessage(conversation.toString(), messageId);
          return messages.deleteByPlatformMessageId(conversation.toString(), messageId);
        });
  }

  @Override
  public boolean isActive(ConversationKey conversation) {
    return TransientSqlRetry.ACK.run(
        "looking up conversation", () -> events.existsByConversationKey(conversation.toString()));
  }

  @Override
  public Optional<ConversationKey> conversationOfMessage(Platform platform, String messageId) {
    if (messageId == null) {
      return Optional.empty();
    }
    return TransientSqlRetry.ACK
        .run(
            "looking up message",
            () -> messages.findFirstByPlatformMessageIdAndRole(messageId, ChatMessageRow.ASSISTANT))
        .map(row -> ConversationKey.parse(row.conversationKey()))
        .filter(key -> key.platform() == platform);
  }

  @Override
  public Optional<String> saveFeedback(
      Platform platform, String messageId, String userId, int rating) {
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

  @Override
  public List<FeedbackCount> feedbackPerModel(Instant since) {
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

  @Override
  public Settings settings(ConversationKey key) {
    return work.run("reading settings", () -> settings.findById(key.toString()))
        .map(
            row ->
                new Settings(
                    row.model(), row.systemPrompt(), row.temperature(), row.maxCompletionTokens()))
        .orElse(Settings.NONE);
  }

  @Override
  public void saveSettings(ConversationKey key, Settings value, String updatedBy) {
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

  @Override
  public Usage usage(String userId, ConversationKey channel, Instant since) {
    String channelKey = channel.channelKey().toString();
    return work.run(
        "reading usage",
        () ->
            new Usage(
                messages.countAnswersFor(userId, since),
                messages.sumTokensFor(userId, since),
                messages.countAnswersInChannel(channelKey, since),
                messages.sumTokensInChannel(channelKey, since)));
  }

  @Override
  public int purgeBefore(Instant before) {
    return transactions.executeWrite(
        status -> {
          moderation.deleteJudgedBefore(before);
          attachments.deleteStoredBefore(before);
          events.deleteFinishedBefore(before);
          return messages.deleteCreatedBefore(before);
        });
  }
}
