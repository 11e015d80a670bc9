package dev.cria.core;

import java.util.List;

/**
 * What the pipeline asks the model.
 *
 * @param temperature null for the API's default
 * @param maxCompletionTokens null for the API's default
 * @param user an opaque end-user id for the provider's abuse monitoring, or null
 * @param tools the tools the model may call; empty for none
 */
public record ChatRequest(
    String model,
    List<ChatTurn> messages,
    Double temperature,
    Integer maxCompletionTokens,
    String user,
    List<ToolSpec> tools) {

  public ChatRequest {
    messages = List.copyOf(messages);
    tools = tools == null ? List.of() : List.copyOf(tools);
  }

  public ChatRequest(
      String model,
      List<ChatTurn> messages,
      Double temperature,
      Integer maxCompletionTokens,
      String user) {
    this(model, messages, temperature, maxCompletionTokens, user, List.of());
  }

  /** The same request with these messages (the next step of a tool-call loop). */
  public ChatRequest withMessages(List<ChatTurn> next) {
    return new ChatRequest(model, next, temperature, maxCompletionTokens, user, tools);
  }

  /** The same request offering no tools (the loop's last step, once its bound is reached). */
  public ChatRequest withoutTools() {
    return new ChatRequest(model, messages, temperature, maxCompletionTokens, user, List.of());
  }
}
