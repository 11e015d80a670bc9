package dev.cria.core;

/** Answers and tokens since a time, for a user and for a channel. */
public record Usage(long userAnswers, long userTokens, long channelAnswers, long channelTokens) {}
