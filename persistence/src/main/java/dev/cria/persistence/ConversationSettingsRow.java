package dev.cria.persistence;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;
import java.time.Instant;

/** Settings of one conversation, or of a channel when the key has no thread part. */
@MappedEntity("conversation_settings")
public record ConversationSettingsRow(
    @Id String conversationKey,
    @Nullable String model,
    @Nullable String systemPrompt,
    @Nullable Double temperature,
    @Nullable Integer maxCompletionTokens,
    @Nullable String updatedBy,
    Instant updatedAt) {}
