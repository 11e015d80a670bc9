package dev.cria.core;

/** An answer to store, with what it cost. */
public record Answer(String text, Completion completion, long latencyMs, String requestedBy) {}
