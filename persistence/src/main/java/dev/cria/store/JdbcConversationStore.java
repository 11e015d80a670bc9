package dev.cria.store;

import dev.cria.chat.ChatEvent;
import dev.cria.chat.ConversationKey;
import dev.cria.chat.Platform;
import dev.cria.core.Answer;
import dev.cria.core.ChatTurn;
import dev.cria.core.ConversationStore;
import dev.cria.core.FeedbackCount;
import dev.cria.core.FeedbackVote;
import dev.cria.core.Moderator.ModerationResult;
import dev.cria.core.NewestTurn;
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
  private final FeedbackVotes votes;

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
    this.votes = new FeedbackVotes(new SqlReads(transactions));
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
    ChatMessageRow row = answerRow(event, seq, answer);
    // A retry after a commit whose outcome was lost finds the answer stored and stores no second.
    work.run(
        "storing answer",
        () -> {
          if (messages.findFirstByEventSeqAndRole(seq, ChatMessageRow.ASSISTANT).isEmpty()) {
            messages.save(row);
          }
        });
  }

  private static ChatMessageRow answerRow(ChatEvent event, long seq, Answer answer) {
    var completion = answer.completion();
    return new ChatMessageRow(
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
  }

  @Override
  public void recordAnswerMessage(long seq, String platformMessageId) {
    work.run(
        "recording answer message", () -> messages.updateAnswerMessageId(seq, platformMessageId));
  }

  @Override
  public Optional<NewestTurn> newestTurn(ConversationKey conversation, long upToSeq) {
    return work
        .run("reading history", () -> messages.findNewest(conversation.toString(), upToSeq, 1))
        .stream()
        .findFirst()
        .map(
            row ->
                new NewestTurn(
                    row.id(),
                    row.eventSeq(),
                    ChatMessageRow.ASSISTANT.equals(row.role()),
                    row.platformMessageId()));
  }

  @Override
  public boolean tookPart(ConversationKey conversation, String userId) {
    return work.run(
        "looking up a participant",
        () -> messages.existsByConversationKeyAndAuthorId(conversation.toString(), userId));
  }

  @Override
  public void saveRegeneratedAnswer(ChatEvent event, long seq, Answer answer, long replacedId) {
    ChatMessageRow row = answerRow(event, seq, answer);
    work.run(
        "storing regenerated answer",
        () ->
            transactions.executeWrite(
                status -> {
                  if (messages
                      .findFirstByEventSeqAndRole(seq, ChatMessageRow.ASSISTANT)
                      .isEmpty()) {
                    messages.supersede(replacedId, seq);
                    messages.save(row);
                  }
                  return null;
                }));
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
        .run("looking up message", () -> messages.findAnswerInMessage(messageId))
        .map(row -> ConversationKey.parse(row.conversationKey()))
        .filter(key -> key.platform() == platform);
  }

  @Override
  public Optional<FeedbackVote> saveFeedback(
      Platform platform, String messageId, String userId, int rating) {
    Optional<ChatMessageRow> answer =
        TransientSqlRetry.ACK
            .run("looking up an answer", () -> messages.findAnswerInMessage(messageId))
            .filter(row -> ConversationKey.parse(row.conversationKey()).platform() == platform);
    if (answer.isEmpty()) {
      return Optional.empty();
    }
    ChatMessageRow row = answer.get();
    String model = row.model() != null ? row.model() : "unknown";
    FeedbackVotes.Change change =
        TransientSqlRetry.ACK.run(
            "storing feedback", () -> votes.vote(row.conversationKey(), row.id(), userId, rating));
    return Optional.of(new FeedbackVote(model, change != FeedbackVotes.Change.SAME));
  }

  @Override
  public List<FeedbackCount> feedbackPerModel(Instant since) {
    return work.run("reading feedback", () -> votes.perModel(since));
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
