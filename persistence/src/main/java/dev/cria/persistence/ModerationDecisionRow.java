package dev.cria.persistence;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.annotation.GeneratedValue;
import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;
import java.time.Instant;

/**
 * What moderation decided about one input ({@code direction} "input") or answer ("output").
 *
 * @param categories what the check flagged: Llama Guard codes ({@code S1}..{@code S14}) or the
 *     names a {@code /moderations} server uses
 * @param model the model that decided
 * @param allowedCategories flagged categories let through by {@code CRIA_MODERATION_ALLOW}
 */
@MappedEntity("moderation_decision")
public record ModerationDecisionRow(
    @Id @GeneratedValue @Nullable Long id,
    String conversationKey,
    long eventSeq,
    String direction,
    boolean flagged,
    @Nullable String categories,
    @Nullable String model,
    @Nullable String allowedCategories,
    Instant createdAt) {}
