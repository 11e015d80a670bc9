package dev.cria.core;

/** How many thumbs up and down one model's answers got. */
public record FeedbackCount(String model, long up, long down) {}
