package dev.cria.core;

/** A turn as stored: who said it and what. */
public record StoredTurn(ChatTurn.Role role, String authorName, String content) {}
