package dev.cria.core;

import dev.cria.chat.ChatEvent;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * Builds the messages for the model from the stored turns, newest first, until the token budget is
 * spent; older turns are dropped and the caller is told so. Tokens are estimated at four characters
 * each, which errs on the safe side for English text with Llama's tokenizer.
 */
public final class HistoryWindow {

  /** At most this many turns are read; a longer conversation counts as cut. */
  static final int MAX_TURNS = 400;

  private static final int TOKENS_PER_MESSAGE = 4;

  private HistoryWindow() {}

  /**
   * The messages to send.
   *
   * @param newestFirst stored turns, newest first; the first is the event's own user turn
   * @param budget tokens for the system prompt and the turns together
   */
  public static Window build(
      String systemPrompt, List<StoredTurn> newestFirst, ChatEvent event, int budget) {
    List<ChatTurn> kept = new ArrayList<>();
    int used = estimate(systemPrompt);
    List<StoredTurn> turns =
        newestFirst.isEmpty()
            ? List.of(
                new StoredTurn(ChatTurn.Role.USER, event.author().displayName(), event.text()))
            : newestFirst;
    int current = estimate(content(turns.getFirst()));
    if (used + current > budget) {
      return new Window(List.of(), false, current, Math.max(0, budget - used));
    }
    for (StoredTurn turn : turns) {
      String content = content(turn);
      int cost = estimate(content);
      if (used + cost > budget) {
        break;
      }
      used += cost;
      kept.add(new ChatTurn(turn.role(), content));
    }
    Collections.reverse(kept);
    boolean cut = kept.size() < turns.size() || turns.size() >= MAX_TURNS;
    List<ChatTurn> messages = new ArrayList<>(kept.size() + 1);
    if (systemPrompt != null && !systemPrompt.isBlank()) {
      messages.add(ChatTurn.system(systemPrompt));
    }
    messages.addAll(kept);
    return new Window(messages, cut, current, budget);
  }

  /** User turns name their author, so the model can tell the people in a thread apart. */
  static String content(StoredTurn turn) {
    if (turn.role() == ChatTurn.Role.USER
        && turn.authorName() != null
        && !turn.authorName().isBlank()) {
      return turn.authorName() + ": " + turn.content();
    }
    return turn.content();
  }

  static int estimate(String text) {
    return text == null ? 0 : TOKENS_PER_MESSAGE + (text.length() + 3) / 4;
  }

  /**
   * The outcome: the messages (empty when the new turn alone is over budget), whether older turns
   * were dropped, and the size of the new turn against the room left for it.
   */
  public record Window(List<ChatTurn> messages, boolean cut, int currentTokens, int limit) {

    public boolean tooLong() {
      return messages.isEmpty();
    }
  }
}
