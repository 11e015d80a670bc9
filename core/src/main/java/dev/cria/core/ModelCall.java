package dev.cria.core;

import dev.cria.chat.Reply;
import jakarta.inject.Singleton;
import java.time.Duration;
import java.util.List;

/**
 * The pipeline's model step: the request streamed through the {@link ToolLoop}, each model call
 * behind the circuit breaker, progressive text and the loop's step lines shown through the reply
 * (paced by {@link ThrottledReply}), a stop by the person honoured between chunks: Slack's button,
 * on this replica or recorded in the queue by another ({@link SharedStop}).
 */
@Singleton
class ModelCall {

  private final ChatModel model;
  private final ModelCircuit circuit;
  private final PipelineMetrics metrics;
  private final ConversationDefaults defaults;
  private final EventQueue queue;
  private final ToolLoop tools;

  ModelCall(
      ChatModel model,
      ModelCircuit circuit,
      PipelineMetrics metrics,
      ConversationDefaults defaults,
      EventQueue queue,
      ToolLoop tools) {
    this.model = model;
    this.circuit = circuit;
    this.metrics = metrics;
    this.defaults = defaults;
    this.queue = queue;
    this.tools = tools;
  }

  /** What one answer's model step needs to know. */
  record Ask(
      QueuedEvent queued,
      String owner,
      String placeholder,
      Settings settings,
      String modelAsked,
      List<ChatTurn> messages) {}

  /**
   * Streams the answer.
   *
   * @throws ModelCircuit.Open when the breaker refuses a call
   * @throws ModelException when a model call failed
   */
  ToolLoop.Outcome answer(Ask ask, Reply reply, Duration interval) {
    var request =
        new ChatRequest(
            ask.settings().model(),
            ask.messages(),
            ask.settings().temperature(),
            ask.settings().maxCompletionTokens(),
            ask.queued().event().author().id());
    ThrottledReply updates =
        new ThrottledReply(
            reply,
            interval,
            ask.placeholder(),
            id -> queue.recordReplyMessage(ask.queued().seq(), ask.owner(), id));
    SharedStop stop = new SharedStop(() -> queue.stopRequested(ask.queued().seq()), interval);
    Progress progress = new Progress(reply, updates, stop);
    long started = System.nanoTime();
    ToolLoop.Outcome outcome;
    try {
      outcome = tools.run(request, asked -> stream(asked, progress, started), progress::steps);
    } catch (StoppedByUser e) {
      Completion stopped =
          new Completion(
              progress.text.toString(), ask.modelAsked(), ConversationPipeline.STOPPED, null, null);
      outcome = new ToolLoop.Outcome(stopped, progress.stepLines);
    }
    metrics.modelLatency(Duration.ofNanos(System.nanoTime() - started));
    Completion completion = outcome.completion();
    metrics.tokens(completion.promptTokens(), completion.completionTokens());
    return new ToolLoop.Outcome(
        completion.withEstimatedUsage(ask.messages()), outcome.steps(), outcome.awaiting());
  }

  /** One model call of the loop. */
  private Completion stream(ChatRequest asked, Progress progress, long started) {
    progress.nextStep();
    // The breaker's permit is taken here, right before the call, and every way out of the call
    // records a result: a half-open breaker's trial permit is never kept by a failure elsewhere.
    if (!circuit.allows()) {
      throw new ModelCircuit.Open(circuit.retryIn());
    }
    try {
      Completion completion =
          model.stream(
              asked,
              text -> {
                if (progress.reply.stopped() || progress.sharedStop.requested()) {
                  throw new StoppedByUser();
                }
                if (!progress.sawText) {
                  progress.sawText = true;
                  metrics.firstToken(Duration.ofNanos(System.nanoTime() - started));
                }
                progress.add(text);
                if (!defaults.holdsOutputUntilChecked()) {
                  progress.updates.offer(progress.shown);
                }
              });
      circuit.succeeded();
      return completion;
    } catch (StoppedByUser e) {
      // Thrown out of the model's stream, which closes it: the model server stops generating.
      circuit.succeeded();
      throw e;
    } catch (ModelException e) {
      circuit.failed(e);
      throw e;
    } catch (RuntimeException e) {
      circuit.succeeded(); // the model answered; delivering its text failed
      throw e;
    }
  }

  /**
   * What the person sees while the answer is written: the step lines, then the text so far. Both
   * are kept as builders and appended to, so that a long answer is not copied once per token.
   */
  private static final class Progress {
    private final Reply reply;
    private final ThrottledReply updates;
    private final SharedStop sharedStop;
    private final StringBuilder text = new StringBuilder();
    private final StringBuilder shown = new StringBuilder();
    private List<String> stepLines = List.of();
    private boolean sawText;

    Progress(Reply reply, ThrottledReply updates, SharedStop sharedStop) {
      this.reply = reply;
      this.updates = updates;
      this.sharedStop = sharedStop;
    }

    void add(String fragment) {
      text.append(fragment);
      shown.append(fragment);
    }

    /** A new model call: its text starts afresh under the step lines. */
    void nextStep() {
      text.setLength(0);
      resetShown();
    }

    void steps(List<String> lines) {
      stepLines = List.copyOf(lines);
      resetShown();
      updates.now(shown.toString());
    }

    private void resetShown() {
      shown.setLength(0);
      if (!stepLines.isEmpty()) {
        shown.append(String.join("\n", stepLines)).append("\n\n");
      }
      shown.append(text);
    }
  }

  /** Out of the model's stream when the person stopped the answer; no stack trace needed. */
  private static final class StoppedByUser extends RuntimeException {
    private static final long serialVersionUID = 1L;

    StoppedByUser() {
      super("stopped by the user", null, false, false);
    }
  }
}
