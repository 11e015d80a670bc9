package dev.cria.core;

import dev.cria.chat.Reply;
import dev.cria.core.PipelineMetrics.Outcome;

/**
 * How processing an event ended; a failed one carries the error id the user was shown. A {@link
 * Outcome#DEFERRED} one was told nothing: a database step failed, the event is to be taken up
 * again, and {@code replyMessageId} is the message this attempt left (for the next to edit).
 */
public record PipelineResult(
    Outcome outcome, String errorId, String replyMessageId, boolean transientCause) {

  PipelineResult(Outcome outcome, String errorId) {
    this(outcome, errorId, null, false);
  }

  static PipelineResult deferred(StoreException e, Reply reply) {
    return new PipelineResult(
        Outcome.DEFERRED, null, reply != null ? reply.messageId() : null, e.transientCause());
  }
}
