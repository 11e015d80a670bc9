package dev.cria.persistence;

import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;
import java.time.Instant;

/** A logged-in browser, found by the SHA-256 of its cookie. */
@MappedEntity("web_session")
public record WebSessionRow(
    @Id String idHash,
    String csrf,
    String userId,
    boolean admin,
    Instant createdAt,
    Instant expiresAt) {}
