package dev.cria.core;

/**
 * The model's finished answer.
 *
 * @param stopReason {@code stop}, {@code length}, {@code tool_calls}, or null when not reported
 * @param promptTokens null when the API reported no usage
 * @param completionTokens null when the API reported no usage
 */
public record Completion(
    String text, String model, String stopReason, Integer promptTokens, Integer completionTokens) {}
