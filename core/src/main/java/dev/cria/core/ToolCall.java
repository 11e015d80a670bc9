package dev.cria.core;

/**
 * One call of a tool the model asked for.
 *
 * @param id the model's id for the call, echoed with its result ({@code tool_call_id})
 * @param argumentsJson the arguments as the model wrote them: JSON text, possibly invalid
 */
public record ToolCall(String id, String name, String argumentsJson) {

  public ToolCall {
    argumentsJson = argumentsJson == null || argumentsJson.isBlank() ? "{}" : argumentsJson;
  }
}
