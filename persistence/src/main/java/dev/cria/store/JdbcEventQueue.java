package dev.cria.store;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.cria.chat.ChatEvent;
import dev.cria.chat.Platform;
import dev.cria.core.EventQueue;
import dev.cria.core.QueuedEvent;
import dev.cria.persistence.ChatMessageRepository;
import dev.cria.persistence.ChatMessageRow;
import dev.cria.persistence.InboundEventRepository;
import dev.cria.persistence.InboundEventRow;
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

/**
 * The {@link EventQueue} in the {@code inbound_event} table. Claims are conditional updates, so
 * replicas sharing the database never claim one event twice (see the repository).
 */
@Singleton
class JdbcEventQueue implements EventQueue {

  private final InboundEventRepository events;
  private final ChatMessageRepository messages;
  private final TransactionOperations<Connection> transactions;
  private final ObjectMapper json;
  private final WorkerDatabaseShare work;

  JdbcEventQueue(
      InboundEventRepository events,
      ChatMessageRepository messages,
      TransactionOperations<Connection> transactions,
      ObjectMapper json,
      WorkerDatabaseShare work) {
    this.events = events;
    this.messages = messages;
    this.transactions = transactions;
    this.json = json;
    this.work = work;
  }

  @Override
  public Optional<Long> enqueue(ChatEvent event) {
    StoredLimits.check(event);
    // A retry after a commit whose outcome was lost finds the event stored: a duplicate, acked.
    return TransientSqlRetry.ACK.run("storing event " + event.eventId(), () -> store(event));
  }

  private Optional<Long> store(ChatEvent event) {
    String platform = event.platform().id();
    if (events.existsByPlatformAndEventId(platform, event.eventId())) {
      return Optional.empty();
    }
    try {
      return Optional.of(transactions.executeWrite(status -> insert(event)));
    } catch (DataAccessException e) {
      // Two deliveries of one event raced; the unique key let exactly one through.
      if (!TransientSqlFailure.isTransient(e)
          && events.existsByPlatformAndEventId(platform, event.eventId())) {
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
              StoredLimits.text(event.text()),
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
              now,
              null));
    }
    return seq;
  }

  @Override
  public List<QueuedEvent> claim(
      String owner, Set<Platform> platforms, Duration lease, int limit, int perAuthor) {
    if (platforms.isEmpty() || limit <= 0) {
      return List.of();
    }
    Instant now = Instant.now();
    List<String> platformIds = platforms.stream().map(Platform::id).toList();
    List<Long> claimable =
        work.run(
            "finding claimable events",
            () ->
                perAuthor > 0
                    ? events.findClaimableWithinAuthorLimit(now, platformIds, perAuthor, limit)
                    : events.findClaimable(now, platformIds, limit));
    List<QueuedEvent> claimed = new ArrayList<>();
    for (long id : claimable) {
      work.run(
          "claiming event " + id,
          () -> {
            if (events.claim(id, owner, now.plus(lease), now) == 1) {
              events.findById(id).ifPresent(row -> claimed.add(toQueued(row)));
            }
          });
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
  public void renewLeases(String owner, Duration lease) {
    work.run("renewing leases", () -> events.renewAll(owner, Instant.now().plus(lease)));
  }

  @Override
  public void recordReplyMessage(long seq, String owner, String messageId) {
    work.run(
        "recording reply message of event " + seq,
        () -> events.recordReplyMessage(seq, owner, messageId));
  }

  @Override
  public void release(long seq, String owner, Duration backoff, boolean refund) {
    work.run(
        "releasing event " + seq,
        () -> events.release(seq, owner, Instant.now().plus(backoff), refund ? 1 : 0));
  }

  @Override
  public void finish(long seq, String owner, boolean failed, String errorId) {
    String status = failed ? InboundEventRow.FAILED : InboundEventRow.DONE;
    work.run(
        "finishing event " + seq, () -> events.finish(seq, owner, status, Instant.now(), errorId));
  }

  @Override
  public long openEvents() {
    return events.countOpen();
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
