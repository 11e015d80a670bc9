package dev.cria.llama;

import java.util.List;

/**
 * What one stream chunk adds to the answer; every part may be absent (null or empty).
 *
 * @param model the model the server says answered, or null
 * @param toolCalls fragments of tool calls, put together by {@link ToolCallAssembly}
 */
record StreamDelta(
    String text,
    String stopReason,
    Integer promptTokens,
    Integer completionTokens,
    String model,
    List<ToolCallDelta> toolCalls) {

  static final StreamDelta NOTHING = new StreamDelta("", null, null, null, null);

  StreamDelta {
    toolCalls = toolCalls == null ? List.of() : List.copyOf(toolCalls);
  }

  StreamDelta(
      String text,
      String stopReason,
      Integer promptTokens,
      Integer completionTokens,
      String model) {
    this(text, stopReason, promptTokens, completionTokens, model, List.of());
  }

  /**
   * A fragment of one tool call. The OpenAI-compatible dialect numbers calls ({@code index}); the
   * native one does not, and a new non-empty {@code id} starts the next call there.
   *
   * @param index the call's position, or null when the dialect gives none
   * @param id the call's id, or null on later fragments
   * @param name the tool's name, or null on later fragments
   * @param arguments a piece of the arguments' JSON text, or null
   */
  record ToolCallDelta(Integer index, String id, String name, String arguments) {}
}
