package dev.cria.core;

import io.micronaut.context.annotation.ConfigurationProperties;
import io.micronaut.core.bind.annotation.Bindable;

/**
 * Limits per user and per channel ({@code CRIA_QUOTA_*}); 0 means no limit. Daily limits reset at
 * 00:00 UTC.
 *
 * @param userInFlight questions one user may have answered at once, across conversations: 3, so
 *     that a user's second and third threads are answered beside the first, while one user still
 *     cannot take every model slot
 * @param maxInputChars the longest message Cria reads
 */
@ConfigurationProperties("cria.quota")
public record QuotaSettings(
    @Bindable(defaultValue = "0") long userRequestsPerDay,
    @Bindable(defaultValue = "0") long userTokensPerDay,
    @Bindable(defaultValue = "0") long channelRequestsPerDay,
    @Bindable(defaultValue = "0") long channelTokensPerDay,
    @Bindable(defaultValue = "3") int userInFlight,
    @Bindable(defaultValue = "12000") int maxInputChars) {}
