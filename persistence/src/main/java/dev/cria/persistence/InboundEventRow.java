package dev.cria.persistence;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.annotation.GeneratedValue;
import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;
import java.time.Instant;

/** An inbound event as stored before its ack; also an entry of the work queue. */
@MappedEntity("inbound_event")
public record InboundEventRow(
    @Id @GeneratedValue @Nullable Long id,
    String platform,
    String eventId,
    String conversationKey,
    @Nullable String authorId,
    String payload,
    @Nullable String replyAddress,
    String status,
    int attempts,
    @Nullable String leaseOwner,
    @Nullable Instant leaseUntil,
    @Nullable String replyMessageId,
    @Nullable String errorId,
    Instant receivedAt,
    @Nullable Instant finishedAt) {

  public static final String PENDING = "PENDING";
  public static final String CLAIMED = "CLAIMED";
  public static final String DONE = "DONE";
  public static final String FAILED = "FAILED";

  public static InboundEventRow pending(
      String platform, String eventId, String conversationKey, String payload, Instant now) {
    return pending(platform, eventId, conversationKey, null, payload, null, now);
  }

  public static InboundEventRow pending(
      String platform,
      String eventId,
      String conversationKey,
      String authorId,
      String payload,
      String replyAddress,
      Instant now) {
    return new InboundEventRow(
        null,
        platform,
        eventId,
        conversationKey,
        authorId,
        payload,
        replyAddress,
        PENDING,
        0,
        null,
        null,
        null,
        null,
        now,
        null);
  }
}
