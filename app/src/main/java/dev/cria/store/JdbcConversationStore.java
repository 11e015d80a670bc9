package dev.cria.store;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.cria.chat.ChatEvent;
import dev.cria.chat.ConversationKey;
import dev.cria.chat.Platform;
import dev.cria.core.Answer;
import dev.cria.core.ChatTurn;
import dev.cria.core.ConversationStore;
import dev.cria.core.Moderator.ModerationResult;
import dev.cria.core.QueuedEvent;
import dev.cria.core.Settings;
import dev.cria.core.StoredTurn;
import dev.cria.core.Usage;
import dev.cria.persistence.ChatMessageRepository;
import dev.cria.persistence.ChatMessageRow;
import dev.cria.persistence.ConversationSettingsRepository;
import dev.cria.persistence.ConversationSettingsRow;
import dev.cria.persistence.InboundEventRepository;
import dev.cria.persistence.InboundEventRow;
import dev.cria.persistence.ModerationDecisionRepository;
import dev.cria.persistence.ModerationDecisionRow;
import io.micronaut.data.exceptions.DataAccessException;
import io.micronaut.transaction.TransactionOperations;
import jakarta.inject.Singleton;
import java.sql.Connection;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/** The {@link ConversationStore} on Micronaut Data JDBC: H2 or PostgreSQL. */
@Singleton
class JdbcConversationStore implements ConversationStore {

  private final InboundEventRepository events;
  private final ChatMessageRepository messages;
  private final ConversationSettingsRepository settings;
  private final ModerationDecisionRepository moderation;
  private final TransactionOperations<Connection> transactions;
  private final ObjectMapper json;

  JdbcConversationStore(
      InboundEventRepository events,
      ChatMessageRepository messages,
      ConversationSettingsRepository settings,
      ModerationDecisionRepository moderation,
      TransactionOperations<Connection> transactions,
      ObjectMapper json) {
    this.events = events;
    this.messages = messages;
    this.settings = settings;
    this.moderation = moderation;
    this.transactions = transactions;
    this.json = json;
  }

  @Override
  public Optional<Long> enqueue(ChatEvent event) {
    StoredLimits.check(event);
    String platform = event.platform().id();
    if (events.existsByPlatformAndEventId(platform, event.eventId())) {
      return Optional.empty();
    }
    try {
      return Optional.of(transactions.executeWrite(status -> insert(event)));
    } catch (DataAccessException e) {
      // Two deliveries of one event raced; the unique key let exactly one through.
      if (events.existsByPlatformAndEventId(platform, event.eventId())) {
        return Optional.empty();
      }
      throw e;
    }
  }

  private long insert(ChatEvent event) {
    Instant now = Instant.now();
    String key = event.conversation().toString();
    long seq =
        events
            .save(
                InboundEventRow.pending(
                    event.platform().id(),
                    event.eventId(),
                    key,
                    event.author().id(),
                    toJson(event),
                    event.replyAddress(),
                    now))
            .id();
    if (event.command() == null) {
      messages.save(
          new ChatMessageRow(
              null,
              key,
              seq,
              ChatMessageRow.USER,
              event.text(),
              event.author().id(),
              StoredLimits.name(event.author().displayName()),
              event.author().id(),
              event.conversation().channelKey().toString(),
              event.messageId(),
              null,
              null,
              null,
              null,
              null,
              now));
    }
    return seq;
  }

  @Override
  public List<QueuedEvent> claim(String owner, Set<Platform> platforms, Duration lease, int limit) {
    if (platforms.isEmpty() || limit <= 0) {
      return List.of();
    }
    Instant now = Instant.now();
    List<String> platformIds = platforms.stream().map(Platform::id).toList();
    List<QueuedEvent> claimed = new ArrayList<>();
    for (long id : events.findClaimable(now, platformIds, limit)) {
      if (events.claim(id, owner, now.plus(lease), now) == 1) {
        events.findById(id).ifPresent(row -> claimed.add(toQueued(row)));
      }
    }
    return claimed;
  }

  private QueuedEvent toQueued(InboundEventRow row) {
    return new QueuedEvent(
        row.id(),
        fromJson(row.payload(), row.replyAddress()),
        row.attempts(),
        row.replyMessageId());
  }

  @Override
  public long inFlightBefore(String authorId, long seq) {
    return events.countInFlightBefore(authorId, seq);
  }

  @Override
  public void renewLeases(String owner, Duration lease) {
    events.renewAll(owner, Instant.now().plus(lease));
  }

  @Override
  public void recordReplyMessage(long seq, String owner, String messageId) {
    events.recordReplyMessage(seq, owner, messageId);
  }

  @Override
  public void finish(long seq, String owner, boolean failed, String errorId) {
    String status = failed ? InboundEventRow.FAILED : InboundEventRow.DONE;
    events.finish(seq, owner, status, Instant.now(), errorId);
  }

  @Override
  public long openEvents() {
    return events.countOpen();
  }

  @Override
  public List<StoredTurn> newestTurns(ConversationKey conversation, long upToSeq, int limit) {
    return messages.findNewest(conversation.toString(), upToSeq, limit).stream()
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

  @Override
  public Optional<String> storedAnswer(long seq) {
    return messages
        .findFirstByEventSeqAndRole(seq, ChatMessageRow.ASSISTANT)
        .map(ChatMessageRow::content);
  }

  @Override
  public void saveAnswer(ChatEvent event, long seq, Answer answer) {
    var completion = answer.completion();
    messages.save(
        new ChatMessageRow(
            null,
            event.conversation().toString(),
            seq,
            ChatMessageRow.ASSISTANT,
            answer.text(),
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
            Instant.now()));
  }

  @Override
  public void recordAnswerMessage(long seq, String platformMessageId) {
    messages.updateAnswerMessageId(seq, platformMessageId);
  }

  @Override
  public void saveModeration(
      ConversationKey conversation, long seq, String direction, ModerationResult result) {
    moderation.save(
        new ModerationDecisionRow(
            null,
            conversation.toString(),
            seq,
            direction,
            result.flagged(),
            String.join(",", result.categories()),
            result.model(),
            Instant.now()));
  }

  @Override
  public void dropUserTurn(long seq) {
    messages.deleteByEventSeqAndRole(seq, ChatMessageRow.USER);
  }

  @Override
  public int reset(ConversationKey conversation, long beforeSeq) {
    return messages.deleteBefore(conversation.toString(), beforeSeq);
  }

  @Override
  public void edit(ConversationKey conversation, String messageId, String text) {
    if (messageId == null || text == null) {
      return;
    }
    messages.updateContent(conversation.toString(), messageId, text);
  }

  @Override
  public void delete(ConversationKey conversation, String messageId) {
    if (messageId == null) {
      return;
    }
    messages.deleteByPlatformMessageId(conversation.toString(), messageId);
  }

  @Override
  public boolean isActive(ConversationKey conversation) {
    return events.existsByConversationKey(conversation.toString());
  }

  @Override
  public Optional<ConversationKey> conversationOfMessage(Platform platform, String messageId) {
    if (messageId == null) {
      return Optional.empty();
    }
    return messages
        .findFirstByPlatformMessageIdAndRole(messageId, ChatMessageRow.ASSISTANT)
        .map(row -> ConversationKey.parse(row.conversationKey()))
        .filter(key -> key.platform() == platform);
  }

  @Override
  public Settings settings(ConversationKey key) {
    return settings
        .findById(key.toString())
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
            value.model(),
            value.systemPrompt(),
            value.temperature(),
            value.maxCompletionTokens(),
            updatedBy,
            Instant.now());
    transactions.executeWrite(
        status ->
            settings.existsById(row.conversationKey()) ? settings.update(row) : settings.save(row));
  }

  @Override
  public Usage usage(String userId, ConversationKey channel, Instant since) {
    String channelKey = channel.channelKey().toString();
    return new Usage(
        messages.countAnswersFor(userId, since),
        messages.sumTokensFor(userId, since),
        messages.countAnswersInChannel(channelKey, since),
        messages.sumTokensInChannel(channelKey, since));
  }

  @Override
  public int purgeBefore(Instant before) {
    events.deleteFinishedBefore(before);
    return messages.deleteCreatedBefore(before);
  }

  private String toJson(ChatEvent event) {
    try {
      return json.writeValueAsString(EventPayload.of(event));
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("cannot serialize event " + event.eventId(), e);
    }
  }

  private ChatEvent fromJson(String payload, String replyAddress) {
    try {
      return json.readValue(payload, EventPayload.class).toEvent(replyAddress);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("unreadable stored event", e);
    }
  }
}
