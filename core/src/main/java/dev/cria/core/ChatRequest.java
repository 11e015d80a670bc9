package dev.cria.core;

import java.util.List;

/**
 * What the pipeline asks the model.
 *
 * @param temperature null for the API's default
 * @param maxCompletionTokens null for the API's default
 * @param user an opaque end-user id for the provider's abuse monitoring, or null
 */
public record ChatRequest(
    String model,
    List<ChatTurn> messages,
    Double temperature,
    Integer maxCompletionTokens,
    String user) {

  public ChatRequest {
    messages = List.copyOf(messages);
  }
}
