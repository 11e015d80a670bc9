package dev.cria.core;

import java.util.List;

/**
 * The model's finished answer.
 *
 * @param stopReason {@code stop}, {@code length}, {@code tool_calls}, or null when not reported
 * @param promptTokens null when the API reported no usage
 * @param completionTokens null when the API reported no usage
 * @param toolCalls the tools the model asks to call before it answers; empty for a plain answer
 */
public record Completion(
    String text,
    String model,
    String stopReason,
    Integer promptTokens,
    Integer completionTokens,
    List<ToolCall> toolCalls) {

  public Completion {
    toolCalls = toolCalls == null ? List.of() : List.copyOf(toolCalls);
  }

  public Completion(
      String text,
      String model,
      String stopReason,
      Integer promptTokens,
      Integer completionTokens) {
    this(text, model, stopReason, promptTokens, completionTokens, List.of());
  }

  /** Whether the model asks for tools instead of (or before) answering. */
  public boolean callsTools() {
    return !toolCalls.isEmpty();
  }

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
        completionTokens != null ? completionTokens : HistoryWindow.estimate(text),
        toolCalls);
  }

  /** The same answer with these token counts (all the steps of a tool loop together). */
  Completion withUsage(Integer prompt, Integer completion) {
    return new Completion(text, model, stopReason, prompt, completion, toolCalls);
  }
}
