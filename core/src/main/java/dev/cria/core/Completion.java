package dev.cria.core;

import java.util.List;

/**
 * The model's finished answer.
 *
 * @param stopReason {@code stop}, {@code length}, {@code tool_calls}, or null when not reported
 * @param promptTokens null when the API reported no usage
 * @param completionTokens null when the API reported no usage
 */
public record Completion(
    String text, String model, String stopReason, Integer promptTokens, Integer completionTokens) {

  /**
   * The same answer with usage estimated where the server reported none (at four characters a
   * token, as {@link HistoryWindow} counts), so that token quotas still count it.
   */
  Completion withEstimatedUsage(List<ChatTurn> prompt) {
    int estimatedPrompt =
        prompt.stream().mapToInt(turn -> HistoryWindow.estimate(turn.content())).sum();
    return new Completion(
        text,
        model,
        stopReason,
        promptTokens != null ? promptTokens : estimatedPrompt,
        completionTokens != null ? completionTokens : HistoryWindow.estimate(text));
  }
}
