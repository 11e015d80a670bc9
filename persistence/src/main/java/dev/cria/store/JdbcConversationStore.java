package dev.cria.store;

import dev.cria.chat.ChatEvent;
import dev.cria.chat.ConversationKey;
import dev.cria.chat.Platform;
import dev.cria.core.Answer;
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
import dev.cria.persistence.InboundEventRepository;
import dev.cria.persistence.ModerationDecisionRepository;
import dev.cria.persistence.ModerationDecisionRow;
import dev.cria.persistence.TurnAttachmentRepository;
import io.micronaut.transaction.TransactionOperations;
import jakarta.inject.Singleton;
import java.sql.Connection;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** The {@link ConversationStore} on Micronaut Data JDBC: H2 or PostgreSQL. */
@Singleton
class JdbcConversationStore implements ConversationStore {

  private final InboundEventRepository events;
  private final ChatMessageRepository messages;
  private final ModerationDecisionRepository moderation;
  private final TurnAttachmentRepository attachments;
  private final TransactionOperations<Connection> transactions;
  private final WorkerDatabaseShare work;
  private final TurnAttachments turnAttachments;
  private final FeedbackVotes feedback;
  private final StoredSettings storedSettings;
  private final StoredHistory history;

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
    this.moderation = moderation;
    this.attachments = attachments;
    this.transactions = transactions;
    this.work = work;
    this.turnAttachments = new TurnAttachments(attachments, transactions, work);
    this.feedback = new FeedbackVotes(messages, transactions, work);
    this.storedSettings = new StoredSettings(settings, transactions, work);
    this.history = new StoredHistory(messages, turnAttachments, work);
  }

  @Override
  public List<StoredTurn> newestTurns(ConversationKey conversation, long upToSeq, int limit) {
    return history.newest(conversation, upToSeq, limit);
  }

  @Override
  public List<StoredTurn> newestTurnsInChannel(ConversationKey channel, long upToSeq, int limit) {
    return history.newestInChannel(channel, upToSeq, limit);
  }

  @Override
  public void saveAttachments(
      ConversationKey conversation, long seq, List<StoredAttachment> toKeep) {
    turnAttachments.save(conversation, seq, toKeep);
  }

  @Override
  public long imageCount(ConversationKey conversation, long exceptSeq) {
    return turnAttachments.imageCount(conversation, exceptSeq);
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
    ChatMessageRow row = AnswerRows.of(event, seq, answer);
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
    ChatMessageRow row = AnswerRows.of(event, seq, answer);
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
  public void nameAuthor(long seq, String authorName) {
    work.run("naming author", () -> messages.updateAuthorName(seq, StoredLimits.name(authorName)));
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
    return feedback.save(platform, messageId, userId, rating);
  }

  @Override
  public List<FeedbackCount> feedbackPerModel(Instant since) {
    return feedback.perModel(since);
  }

  @Override
  public Settings settings(ConversationKey key) {
    return storedSettings.of(key);
  }

  @Override
  public void saveSettings(ConversationKey key, Settings value, String updatedBy) {
    storedSettings.save(key, value, updatedBy);
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
          JdbcPendingToolCalls.deleteCreatedBefore(status.getConnection(), before);
          return messages.deleteCreatedBefore(before);
        });
  }
}
