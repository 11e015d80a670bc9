package dev.cria.core;

/** One message sent to the model: a system prompt, a user turn or an earlier answer. */
public record ChatTurn(Role role, String content) {

  public enum Role {
    SYSTEM,
    USER,
    ASSISTANT
  }

  public static ChatTurn system(String content) {
    return new ChatTurn(Role.SYSTEM, content);
  }

  public static ChatTurn user(String content) {
    return new ChatTurn(Role.USER, content);
  }

  public static ChatTurn assistant(String content) {
    return new ChatTurn(Role.ASSISTANT, content);
  }
}
