package dev.cria.core;

import dev.cria.chat.ChatEvent;
import dev.cria.chat.Reply;
import jakarta.inject.Singleton;
import java.util.List;
import java.util.OptionalLong;

/**
 * What the pipeline reads and writes of a conversation around the model call: the history window it
 * asks with, the answer it stores (a regenerated one in place of the answer it replaces), the
 * notices added to the text shown, and the message the answer was delivered in.
 */
@Singleton
class ConversationTurns {

  private final ConversationStore store;
  private final ConversationDefaults defaults;

  ConversationTurns(ConversationStore store, ConversationDefaults defaults) {
    this.store = store;
    this.defaults = defaults;
  }

  HistoryWindow.Window history(
      QueuedEvent queued, Settings settings, boolean seesImages, OptionalLong replaces) {
    ChatEvent event = queued.event();
    // A Regenerate's history ends with the answer it replaces (Regeneration checked): left out.
    int skip = replaces.isPresent() ? 1 : 0;
    var newest =
        store.newestTurns(event.conversation(), queued.seq(), HistoryWindow.MAX_TURNS + skip);
    var turns = newest.subList(Math.min(skip, newest.size()), newest.size());
    return HistoryWindow.build(
        settings.systemPrompt(), turns, event, defaults.contextTokens(), seesImages);
  }

  void storeAnswer(
      QueuedEvent queued,
      Completion completion,
      long latencyMs,
      Settings settings,
      OptionalLong replaces) {
    ChatEvent event = queued.event();
    Answer answer =
        new Answer(
            completion.text(),
            completion,
            latencyMs,
            event.author().id(),
            PromptVersion.of(settings.systemPrompt()));
    if (replaces.isPresent()) {
      store.saveRegeneratedAnswer(event, queued.seq(), answer, replaces.getAsLong());
    } else {
      store.saveAnswer(event, queued.seq(), answer);
    }
  }

  static String decorate(Completion completion, HistoryWindow.Window window, List<String> notices) {
    String text = completion.text();
    for (String notice : notices) {
      text = text + "\n\n" + notice;
    }
    if (ConversationPipeline.STOPPED.equals(completion.stopReason())) {
      return text + "\n\n" + ReplyTexts.stopped();
    }
    if ("length".equals(completion.stopReason())) {
      text = text + "\n\n" + ReplyTexts.lengthCut();
    }
    if (window.cut()) {
      text = text + "\n\n" + ReplyTexts.contextCut();
    }
    return text;
  }

  void deliver(QueuedEvent queued, Reply reply, String text) {
    String messageId = reply.answer(text);
    if (messageId != null) {
      store.recordAnswerMessage(queued.seq(), messageId);
    }
  }
}
