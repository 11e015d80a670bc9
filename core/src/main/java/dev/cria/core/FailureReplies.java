package dev.cria.core;

import dev.cria.chat.Reply;
import dev.cria.core.PipelineMetrics.Outcome;
import jakarta.inject.Singleton;
import java.util.HexFormat;
import java.util.Locale;
import java.util.concurrent.ThreadLocalRandom;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The replies to an answer that failed: what the person is told, what the log and the metrics say,
 * and the short error id that ties the two together.
 */
@Singleton
class FailureReplies {

  // The pipeline's logger, as before this class was split out of it: operators filter on it.
  private static final Logger LOG = LoggerFactory.getLogger(ConversationPipeline.class);

  private final PipelineMetrics metrics;

  FailureReplies(PipelineMetrics metrics) {
    this.metrics = metrics;
  }

  /** The model server failed: the reply says how, in words for the person. */
  PipelineResult modelError(ModelException e, Reply reply, String modelAsked) {
    String errorId = newErrorId();
    metrics.error("model_" + e.kind().name().toLowerCase(Locale.ROOT));
    LOG.warn(
        "Model call failed: {} {} {} (error id {})",
        e.kind(),
        e.symptom(),
        e.getMessage(),
        errorId);
    reply.fail(ReplyTexts.forModelError(e, errorId, modelAsked));
    return new PipelineResult(Outcome.FAILED, errorId);
  }

  /** Anything unexpected: an apology with the error id the log has the stack trace under. */
  PipelineResult internal(RuntimeException e, Reply reply) {
    String errorId = newErrorId();
    LOG.error("Failed to answer (error id {})", errorId, e);
    metrics.error("internal");
    reply.fail(ReplyTexts.apology(errorId));
    return new PipelineResult(Outcome.FAILED, errorId);
  }

  static String newErrorId() {
    byte[] bytes = new byte[4];
    ThreadLocalRandom.current().nextBytes(bytes);
    return HexFormat.of().formatHex(bytes);
  }
}
