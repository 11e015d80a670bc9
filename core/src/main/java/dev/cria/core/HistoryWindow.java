package dev.cria.core;

import dev.cria.chat.ChatEvent;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * Builds the messages for the model from the stored turns, newest first, until the token budget is
 * spent; older turns are dropped and the caller is told so. Tokens are estimated at four characters
 * each, which errs on the safe side for English text with Llama's tokenizer; images cost what was
 * estimated when they were kept ({@link ImageTokens}), file texts like any text. A user turn
 * carries its images (dropped for a model that cannot see them) and the text of its files, each
 * under its file name.
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
    return build(systemPrompt, newestFirst, event, budget, true);
  }

  /**
   * The messages to send.
   *
   * @param seesImages whether the model takes images; when not, they are left out and not counted
   */
  public static Window build(
      String systemPrompt,
      List<StoredTurn> newestFirst,
      ChatEvent event,
      int budget,
      boolean seesImages) {
    List<ChatTurn> kept = new ArrayList<>();
    int used = estimate(systemPrompt);
    List<StoredTurn> turns =
        newestFirst.isEmpty()
            ? List.of(
                new StoredTurn(ChatTurn.Role.USER, event.author().displayName(), event.text()))
            : newestFirst;
    int current = cost(turns.getFirst(), seesImages);
    if (used + current > budget) {
      return new Window(List.of(), false, current, Math.max(0, budget - used));
    }
    for (StoredTurn turn : turns) {
      int cost = cost(turn, seesImages);
      if (used + cost > budget) {
        break;
      }
      used += cost;
      kept.add(new ChatTurn(turn.role(), content(turn), seesImages ? images(turn) : List.of()));
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

  /**
   * User turns name their author, so the model can tell the people in a thread apart, and carry the
   * text of their files. A turn with attachments and no text asks about them.
   */
  static String content(StoredTurn turn) {
    String text = turn.content();
    if (text.isBlank() && !turn.attachments().isEmpty()) {
      text = turn.attachments().getFirst().isImage() ? ABOUT_IMAGE : ABOUT_FILE;
    }
    StringBuilder content = new StringBuilder(text);
    for (StoredAttachment attachment : turn.attachments()) {
      if (!attachment.isImage()) {
        content
            .append("\n\n[File ")
            .append(attachment.name())
            .append("]\n")
            .append(attachment.content());
      }
    }
    if (turn.role() == ChatTurn.Role.USER
        && turn.authorName() != null
        && !turn.authorName().isBlank()) {
      return turn.authorName() + ": " + content;
    }
    return content.toString();
  }

  /** The question an image (or a file) posted without text asks. */
  static final String ABOUT_IMAGE = "What can you tell me about this image?";

  static final String ABOUT_FILE = "What can you tell me about this file?";

  private static List<ImagePart> images(StoredTurn turn) {
    return turn.attachments().stream()
        .filter(StoredAttachment::isImage)
        .map(image -> new ImagePart(image.name(), image.mimeType(), image.content()))
        .toList();
  }

  private static int cost(StoredTurn turn, boolean seesImages) {
    int cost = estimate(content(turn));
    if (seesImages) {
      for (StoredAttachment attachment : turn.attachments()) {
        cost += attachment.isImage() ? attachment.tokens() : 0;
      }
    }
    return cost;
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
