package dev.cria.core;

/**
 * A stored vote on an answer.
 *
 * @param model the model that wrote the answer ({@code "unknown"} when none was recorded)
 * @param changed whether the press changed the votes: a first vote, or the other rating than
 *     before; pressing the same button again changes nothing and is not counted
 */
public record FeedbackVote(String model, boolean changed) {}
