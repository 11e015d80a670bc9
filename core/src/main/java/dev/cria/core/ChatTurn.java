package dev.cria.core;

import java.util.List;

/**
 * One message sent to the model: a system prompt, a user turn (with any images posted with it), an
 * earlier answer (which may be the model's request to call tools), or a tool's result.
 *
 * @param toolCalls on an assistant turn, the tools the model asked to call
 * @param toolCallId on a tool turn, the call this is the result of
 */
public record ChatTurn(
    Role role,
    String content,
    List<ImagePart> images,
    List<ToolCall> toolCalls,
    String toolCallId) {

  public enum Role {
    SYSTEM,
    USER,
    ASSISTANT,
    TOOL
  }

  public ChatTurn {
    images = images == null ? List.of() : List.copyOf(images);
    toolCalls = toolCalls == null ? List.of() : List.copyOf(toolCalls);
  }

  public ChatTurn(Role role, String content, List<ImagePart> images) {
    this(role, content, images, List.of(), null);
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

  /** The model's turn asking for tools, replayed to it with their results. */
  public static ChatTurn toolCalls(String content, List<ToolCall> calls) {
    return new ChatTurn(Role.ASSISTANT, content, List.of(), calls, null);
  }

  /** A tool's result (or why there is none) for the call {@code callId}. */
  public static ChatTurn toolResult(String callId, String content) {
    return new ChatTurn(Role.TOOL, content, List.of(), List.of(), callId);
  }

  /** The same turn without its images (for a model or guard that cannot see them). */
  public ChatTurn withoutImages() {
    return images.isEmpty() ? this : new ChatTurn(role, content, List.of(), toolCalls, toolCallId);
  }
}
