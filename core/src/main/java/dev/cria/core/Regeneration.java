package dev.cria.core;

import dev.cria.chat.ChatEvent;
import dev.cria.chat.Command;
import dev.cria.chat.ConversationKey;
import dev.cria.chat.ReplyRequest;
import jakarta.inject.Singleton;
import java.util.List;

/**
 * The Regenerate button: which answer it replaces and who may press it. Only the conversation's
 * latest answer can be regenerated (a newer question, or an older answer, gets a short private
 * notice), and only by someone who wrote in the conversation: the person who asked or, in a thread,
 * anyone taking part. The question is then answered again like a new one (quotas, moderation, the
 * model, output moderation), with the history up to it, and the new answer takes the old one's
 * place in the history and in its message.
 */
@Singleton
class Regeneration {

  static final String ONLY_LATEST = "Only the latest answer can be regenerated.";
  static final String NOT_YOURS =
      "Only the person who asked, or someone taking part in the thread, can regenerate this"
          + " answer.";

  /** What a press leads to. */
  sealed interface Decision {}

  /**
   * Answer again.
   *
   * @param question the event as a question: the asked text, by the person who pressed
   * @param replacedId the stored answer that the new one replaces
   * @param oldAnswer that answer's text, shown again when no new one comes
   */
  record Again(QueuedEvent question, long replacedId, String oldAnswer) implements Decision {}

  /** Not regenerated; the presser is told why, privately. */
  record Refused(String notice) implements Decision {}

  private final ConversationStore store;

  Regeneration(ConversationStore store) {
    this.store = store;
  }

  /**
   * The reply of a Regenerate writes into the message of the answer it replaces (a later attempt
   * into the message its predecessor recorded, which is the same one).
   */
  static ReplyRequest replyRequest(QueuedEvent queued) {
    ReplyRequest request = queued.replyRequest();
    if (queued.event().command() instanceof Command.Regenerate regenerate
        && request.messageId() == null) {
      return new ReplyRequest(
          request.address(), request.eventId(), request.attempt(), regenerate.answerMessageId());
    }
    return request;
  }

  Decision decide(QueuedEvent queued, Command.Regenerate regenerate) {
    ChatEvent event = queued.event();
    ConversationKey conversation = event.conversation();
    if (!store.tookPart(conversation, event.author().id())) {
      return new Refused(NOT_YOURS);
    }
    var newest = store.newestTurn(conversation, queued.seq());
    if (newest.isEmpty()
        || !newest.get().answer()
        || !regenerate.answerMessageId().equals(newest.get().platformMessageId())) {
      return new Refused(ONLY_LATEST);
    }
    List<StoredTurn> turns = store.newestTurns(conversation, newest.get().seq(), 2);
    if (turns.size() < 2 || turns.get(1).role() != ChatTurn.Role.USER) {
      return new Refused(ONLY_LATEST);
    }
    ChatEvent asked =
        new ChatEvent(
            conversation,
            event.eventId(),
            event.messageId(),
            event.author(),
            turns.get(1).content(),
            null,
            event.time(),
            event.replyAddress());
    return new Again(
        new QueuedEvent(queued.seq(), asked, queued.attempts(), queued.replyMessageId()),
        newest.get().id(),
        turns.getFirst().content());
  }
}
