package dev.cria.core;

import dev.cria.chat.ChatEvent;
import dev.cria.core.PipelineMetrics.Outcome;
import jakarta.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;

/**
 * Tells the person who asked that their event is given up: it was claimed more often than {@code
 * cria.worker.max-attempts} without finishing (the replicas answering it kept dying). The reply
 * goes into the message an earlier attempt left, if there is one. Every failure ends in a reply.
 */
@Singleton
class GiveUpReply {

  private static final Logger LOG = LoggerFactory.getLogger(GiveUpReply.class);

  private final ReplyPorts replyPorts;
  private final PipelineMetrics metrics;

  GiveUpReply(ReplyPorts replyPorts, PipelineMetrics metrics) {
    this.replyPorts = replyPorts;
    this.metrics = metrics;
  }

  /** Replies and returns the error id shown. Never throws. */
  String send(QueuedEvent queued) {
    ChatEvent event = queued.event();
    MDC.put("conversation", event.conversation().toString());
    MDC.put("event", event.eventId());
    String errorId = FailureReplies.newErrorId();
    try {
      LOG.error("Giving up after {} attempts (error id {})", queued.attempts() - 1, errorId);
      replyPorts
          .forPlatform(event.platform())
          .orElseThrow(() -> new IllegalStateException("no adapter for " + event.platform()))
          .open(queued.replyRequest())
          .fail(ReplyTexts.gaveUp(errorId));
    } catch (RuntimeException e) {
      LOG.error("Could not tell that event {} is given up", event.eventId(), e);
    } finally {
      MDC.remove("conversation");
      MDC.remove("event");
    }
    metrics.error("attempts");
    metrics.answer(event.platform(), Outcome.FAILED);
    return errorId;
  }
}
