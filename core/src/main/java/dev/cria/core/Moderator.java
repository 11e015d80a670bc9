package dev.cria.core;

import java.util.List;

/** Checks text against a safety policy (the Llama API's moderation endpoint). */
public interface Moderator {

  /**
   * Checks a conversation: the user's turn alone, or the user's turn followed by an answer.
   *
   * @throws ModelException when the check could not be made
   */
  ModerationResult check(List<ChatTurn> conversation);

  /** The outcome of one check. Categories are opaque strings, shown to users as they come. */
  record ModerationResult(boolean flagged, List<String> categories, String model) {

    public ModerationResult {
      categories = List.copyOf(categories);
    }
  }
}
