package dev.cria.core;

/**
 * An answer to store, with what it cost and the version of the system prompt it was made with
 * ({@link PromptVersion}).
 */
public record Answer(
    String text,
    Completion completion,
    long latencyMs,
    String requestedBy,
    String systemPromptVersion) {}
