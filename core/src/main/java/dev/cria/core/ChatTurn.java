package dev.cria.core;

import java.util.List;

/**
 * One message sent to the model: a system prompt, a user turn (with any images posted with it) or
 * an earlier answer.
 */
public record ChatTurn(Role role, String content, List<ImagePart> images) {

  public enum Role {
    SYSTEM,
    USER,
    ASSISTANT
  }

  public ChatTurn {
    images = images == null ? List.of() : List.copyOf(images);
  }

  public ChatTurn(Role role, String content) {
    this(role, content, List.of());
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

  /** The same turn without its images (for a model or guard that cannot see them). */
  public ChatTurn withoutImages() {
    return images.isEmpty() ? this : new ChatTurn(role, content);
  }
}
