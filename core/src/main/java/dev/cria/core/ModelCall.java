package dev.cria.core;

import dev.cria.chat.Reply;
import jakarta.inject.Singleton;
import java.time.Duration;

/**
 * Step 8 of the pipeline, the model call: streamed, with progressive updates to the reply at the
 * platform's interval, behind the circuit breaker. A Stop (Slack's button, on this replica or
 * recorded in the queue by another, {@link SharedStop}) throws out of the stream between chunks,
 * which closes the model's response; the text so far is the answer, with stop reason {@value
 * ConversationPipeline#STOPPED}.
 */
@Singleton
class ModelCall {

  private final ChatModel model;
  private final ModelCircuit circuit;
  private final PipelineMetrics metrics;
  private final ConversationDefaults defaults;
  private final EventQueue queue;

  ModelCall(
      ChatModel model,
      ModelCircuit circuit,
      PipelineMetrics metrics,
      ConversationDefaults defaults,
      EventQueue queue) {
    this.model = model;
    this.circuit = circuit;
    this.metrics = metrics;
    this.defaults = defaults;
    this.queue = queue;
  }

  /**
   * @param placeholder the message the reply shows while Cria works, or null
   * @param modelName the model asked ({@code settings.model()} or the configured default)
   */
  Completion stream(
      QueuedEvent queued,
      String owner,
      String placeholder,
      Settings settings,
      String modelName,
      HistoryWindow.Window window,
      Reply reply,
      Duration interval) {
    var request =
        new ChatRequest(
            settings.model(),
            window.messages(),
            settings.temperature(),
            settings.maxCompletionTokens(),
            queued.event().author().id());
    ThrottledReply updates =
        new ThrottledReply(
            reply, interval, placeholder, id -> queue.recordReplyMessage(queued.seq(), owner, id));
    StringBuilder soFar = new StringBuilder();
    SharedStop sharedStop = new SharedStop(() -> queue.stopRequested(queued.seq()), interval);
    long started = System.nanoTime();
    // The breaker's permit is taken here, right before the call, and every way out of the call
    // records a result: a half-open breaker's trial permit is never kept by a failure elsewhere.
    if (!circuit.allows()) {
      throw new ModelCircuit.Open(circuit.retryIn());
    }
    Completion completion;
    try {
      completion =
          model.stream(
              request,
              text -> {
                if (reply.stopped() || sharedStop.requested()) {
                  throw new StoppedByUser();
                }
                if (soFar.isEmpty()) {
                  metrics.firstToken(Duration.ofNanos(System.nanoTime() - started));
                }
                soFar.append(text);
                if (!defaults.holdsOutputUntilChecked()) {
                  updates.offer(soFar);
                }
              });
      circuit.succeeded();
    } catch (StoppedByUser e) {
      // Thrown out of the model's stream, which closes it: the model server stops generating.
      circuit.succeeded();
      completion =
          new Completion(soFar.toString(), modelName, ConversationPipeline.STOPPED, null, null);
    } catch (ModelException e) {
      circuit.failed(e);
      throw e;
    } catch (RuntimeException e) {
      circuit.succeeded(); // the model answered; delivering its text failed
      throw e;
    }
    metrics.modelLatency(Duration.ofNanos(System.nanoTime() - started));
    metrics.tokens(completion.promptTokens(), completion.completionTokens());
    return completion.withEstimatedUsage(window.messages());
  }

  /** Out of the model's stream when the person stopped the answer; no stack trace needed. */
  private static final class StoppedByUser extends RuntimeException {
    private static final long serialVersionUID = 1L;

    StoppedByUser() {
      super("stopped by the user", null, false, false);
    }
  }
}
