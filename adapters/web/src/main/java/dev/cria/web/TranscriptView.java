package dev.cria.web;

import dev.cria.chat.ConsoleStore.TranscriptTurn;
import java.util.List;

/** A stored turn as a page shows it: its Markdown rendered to safe HTML. */
public record TranscriptView(TranscriptTurn turn, String html) {

  static List<TranscriptView> of(List<TranscriptTurn> turns) {
    return turns.stream()
        .map(turn -> new TranscriptView(turn, MarkdownHtml.render(turn.content())))
        .toList();
  }
}
