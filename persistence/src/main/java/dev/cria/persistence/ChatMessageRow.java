package dev.cria.persistence;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.annotation.GeneratedValue;
import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;
import java.time.Instant;

/**
 * One turn of a conversation. {@code eventSeq} is the id of the inbound event that produced it, so
 * history and resets follow the order events were accepted in. {@code requestedBy} and {@code
 * channelKey} serve usage reports and quotas. {@code systemPromptVersion} (a short hash of the
 * prompt's text) names the system prompt an answer was made with.
 */
@MappedEntity("chat_message")
public record ChatMessageRow(
    @Id @GeneratedValue @Nullable Long id,
    String conversationKey,
    long eventSeq,
    String role,
    String content,
    @Nullable String authorId,
    @Nullable String authorName,
    @Nullable String requestedBy,
    String channelKey,
    @Nullable String platformMessageId,
    @Nullable String model,
    @Nullable String stopReason,
    @Nullable Integer promptTokens,
    @Nullable Integer completionTokens,
    @Nullable Long latencyMs,
    Instant createdAt,
    @Nullable String systemPromptVersion) {

  public static final String USER = "user";
  public static final String ASSISTANT = "assistant";
}
