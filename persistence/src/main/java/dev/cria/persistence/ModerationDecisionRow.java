package dev.cria.persistence;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.annotation.GeneratedValue;
import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;
import java.time.Instant;

/** What moderation decided about one input ({@code direction} "input") or answer ("output"). */
@MappedEntity("moderation_decision")
public record ModerationDecisionRow(
    @Id @GeneratedValue @Nullable Long id,
    String conversationKey,
    long eventSeq,
    String direction,
    boolean flagged,
    @Nullable String categories,
    @Nullable String model,
    Instant createdAt) {}
