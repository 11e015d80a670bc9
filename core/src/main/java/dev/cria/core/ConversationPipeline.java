package dev.cria.core;

import dev.cria.chat.ChatEvent;
import dev.cria.chat.Command;
import dev.cria.chat.Reply;
import dev.cria.chat.ReplyPort;
import dev.cria.core.PipelineMetrics.Outcome;
import jakarta.inject.Singleton;
import java.time.Duration;
import java.util.OptionalLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;

/**
 * Answers one event, start to finish, in the order docs/architecture.md describes. The steps before
 * this one (ignore bots, dedupe, store the user turn) happen on accept; the queue hands over one
 * event per conversation at a time. Every failure ends in a reply.
 */
@Singleton
public class ConversationPipeline {

  /** The stop reason stored with an answer the person stopped (Slack's Stop button). */
  static final String STOPPED = "stopped";

  private static final Logger LOG = LoggerFactory.getLogger(ConversationPipeline.class);

  private final ConversationStore store;
  private final EventQueue queue;
  private final ChatModel model;
  private final ModelCall modelCall;
  private final ModerationGate moderation;
  private final ReplyPorts replyPorts;
  private final CommandHandler commands;
  private final QuotaGate quota;
  private final ModelCircuit circuit;
  private final ModelDefaults modelDefaults;
  private final ConversationTurns turns;
  private final FailureReplies failures;
  private final PipelineMetrics metrics;
  private final AttachmentIntake attachments;
  private final Regeneration regeneration;
  private final Summarizer summarizer;
  private final ConversationTitles titles;
  private final ToolConfirmation confirmations;
  private final ConfirmedToolAnswer confirmed;

  ConversationPipeline(
      ConversationStore store,
      EventQueue queue,
      ChatModel model,
      ModelCall modelCall,
      ModerationGate moderation,
      ReplyPorts replyPorts,
      CommandHandler commands,
      QuotaGate quota,
      ModelCircuit circuit,
      ModelDefaults modelDefaults,
      ConversationTurns turns,
      FailureReplies failures,
      PipelineMetrics metrics,
      AttachmentIntake attachments,
      Regeneration regeneration,
      Summarizer summarizer,
      ConversationTitles titles,
      ToolConfirmation confirmations,
      ConfirmedToolAnswer confirmed) {
    this.store = store;
    this.queue = queue;
    this.model = model;
    this.modelCall = modelCall;
    this.moderation = moderation;
    this.replyPorts = replyPorts;
    this.commands = commands;
    this.quota = quota;
    this.circuit = circuit;
    this.modelDefaults = modelDefaults;
    this.turns = turns;
    this.failures = failures;
    this.metrics = metrics;
    this.attachments = attachments;
    this.regeneration = regeneration;
    this.summarizer = summarizer;
    this.titles = titles;
    this.confirmations = confirmations;
    this.confirmed = confirmed;
  }

  /** Handles one claimed event. Never throws: every failure is logged and told to the user. */
  public PipelineResult process(QueuedEvent queued, String owner) {
    ChatEvent event = queued.event();
    MDC.put("conversation", event.conversation().toString());
    MDC.put("event", event.eventId());
    Reply reply = null;
    try {
      ReplyPort port =
          replyPorts
              .forPlatform(event.platform())
              .orElseThrow(() -> new IllegalStateException("no adapter for " + event.platform()));
      reply = port.open(Regeneration.replyRequest(queued));
      PipelineResult result = answer(queued, owner, reply, port.updateInterval());
      metrics.answer(event.platform(), result.outcome());
      return result;
    } catch (StoreException e) {
      // Nothing is told: the event is taken up again and answered then (docs/operations.md).
      LOG.warn("A database step failed, the event will be taken up again: {}", e.getMessage());
      metrics.error(e.transientCause() ? "store_transient" : "store");
      metrics.answer(event.platform(), Outcome.DEFERRED);
      return PipelineResult.deferred(e, reply);
    } catch (RuntimeException e) {
      String errorId = FailureReplies.newErrorId();
      LOG.error("Could not deliver a reply (error id {})", errorId, e);
      metrics.error("delivery");
      metrics.answer(event.platform(), Outcome.FAILED);
      return new PipelineResult(Outcome.FAILED, errorId);
    } finally {
      MDC.remove("conversation");
      MDC.remove("event");
    }
  }

  private PipelineResult answer(QueuedEvent queued, String owner, Reply reply, Duration interval) {
    ChatEvent event = queued.event();
    boolean regenerates = event.command() instanceof Command.Regenerate;
    boolean summarize = event.command() instanceof Command.Summarize;
    boolean confirms = event.command() instanceof Command.ConfirmTool;
    if (event.command() != null && !regenerates && !summarize && !confirms) {
      reply.finish(commands.handle(queued));
      return new PipelineResult(Outcome.COMMAND, null);
    }
    var stored = store.storedAnswer(queued.seq());
    if (stored.isPresent()) {
      LOG.info("Delivering the answer an earlier attempt stored");
      turns.deliver(queued, reply, stored.get());
      return new PipelineResult(Outcome.ANSWERED, null);
    }
    OptionalLong replaces = OptionalLong.empty();
    if (event.command() instanceof Command.Regenerate regenerate) {
      switch (regeneration.decide(queued, regenerate)) {
        case Regeneration.Refused refused -> {
          tellPrivately(event, refused.notice());
          return new PipelineResult(Outcome.REFUSED, null);
        }
        case Regeneration.Again again -> {
          queued = again.question();
          replaces = OptionalLong.of(again.replacedId());
          reply =
              new RegenerateReply(reply, again.oldAnswer(), notice -> tellPrivately(event, notice));
        }
      }
    }
    try {
      if (event.command() instanceof Command.ConfirmTool click) {
        return confirmed.answer(
            queued, owner, reply, interval, click, notice -> tellPrivately(event, notice));
      }
      return summarize
          ? summarizer.summarize(queued, reply)
          : answerWithModel(queued, owner, reply, interval, replaces);
    } catch (ModerationGate.ModerationUnavailable e) {
      reply.fail(
          e.unreadable() ? ReplyTexts.moderationUnreadable() : ReplyTexts.moderationUnavailable());
      return new PipelineResult(Outcome.REFUSED, null);
    } catch (ModelCircuit.Open e) {
      reply.fail(ReplyTexts.modelDown(e.retryIn()));
      return new PipelineResult(Outcome.FAILED, null);
    } catch (ModelException e) {
      return failures.modelError(e, reply, modelAsked(event));
    } catch (StoreException e) {
      throw e;
    } catch (RuntimeException e) {
      return failures.internal(e, reply);
    }
  }

  private void tellPrivately(ChatEvent event, String notice) {
    replyPorts.forPlatform(event.platform()).ifPresent(port -> port.tellPrivately(event, notice));
  }

  /**
   * Answers a question with the model; {@code replaces} names the stored answer a Regenerate
   * replaces: the history leaves it out and the new answer takes its place.
   */
  private PipelineResult answerWithModel(
      QueuedEvent queued, String owner, Reply reply, Duration interval, OptionalLong replaces) {
    ChatEvent event = queued.event();
    var overQuota = quota.check(queued);
    if (overQuota.isPresent()) {
      store.dropUserTurn(queued.seq());
      reply.fail(overQuota.get());
      return new PipelineResult(Outcome.REFUSED, null);
    }
    if (circuit.refusesNow()) {
      reply.fail(ReplyTexts.modelDown(circuit.retryIn()));
      return new PipelineResult(Outcome.FAILED, null);
    }
    String placeholder = startReply(queued, owner, reply);
    Settings settings = commands.effective(event.conversation());
    String modelName = modelAsked(settings);
    boolean seesImages = seesImages(event, modelName);
    AttachmentIntake.Intake intake = attachments.take(queued, modelName, seesImages);
    if (event.text().isBlank() && intake.kept().isEmpty() && !intake.notices().isEmpty()) {
      // Only attachments, and none of them usable: nothing to ask the model.
      store.dropUserTurn(queued.seq());
      reply.fail(String.join("\n\n", intake.notices()));
      return new PipelineResult(Outcome.REFUSED, null);
    }
    HistoryWindow.Window window = turns.history(queued, settings, seesImages, replaces);
    if (window.tooLong()) {
      store.dropUserTurn(queued.seq());
      reply.fail(ReplyTexts.tooLong(window.currentTokens(), window.limit()));
      return new PipelineResult(Outcome.REFUSED, null);
    }
    var inputRefusal = moderation.checkInput(queued, intake.kept());
    if (inputRefusal.isPresent()) {
      reply.fail(inputRefusal.get());
      return new PipelineResult(Outcome.REFUSED, null);
    }
    long started = System.nanoTime();
    var ask = new ModelCall.Ask(queued, owner, placeholder, settings, modelName, window.messages());
    ToolLoop.Outcome outcome = modelCall.answer(ask, reply, interval);
    Completion completion = outcome.completion();
    long latencyMs = Duration.ofNanos(System.nanoTime() - started).toMillis();
    if (outcome.awaiting() != null && !stopped(completion)) {
      return confirmations.ask(queued, outcome, reply, settings, latencyMs);
    }
    if (completion.text().isBlank() && stopped(completion)) {
      reply.finish(ReplyTexts.stopped());
      return new PipelineResult(Outcome.ANSWERED, null);
    }
    if (completion.text().isBlank()) {
      boolean toolCall = "tool_calls".equals(completion.stopReason());
      reply.fail(toolCall ? ReplyTexts.toolCall() : ReplyTexts.emptyAnswer());
      return new PipelineResult(Outcome.FAILED, null);
    }
    var outputNotice = moderation.checkOutput(queued, completion.text());
    if (outputNotice.isPresent()) {
      reply.fail(outputNotice.get());
      return new PipelineResult(Outcome.REFUSED, null);
    }
    turns.storeAnswer(queued, completion, latencyMs, settings, replaces);
    turns.deliver(
        queued,
        reply,
        outcome.stepsBlock() + ConversationTurns.decorate(completion, window, intake.notices()));
    titles.afterFirstAnswer(event, reply, completion.text(), modelName);
    return new PipelineResult(Outcome.ANSWERED, null);
  }

  /**
   * Whether the model sees images (configured or, on Ollama, probed: see {@link
   * ChatModel#seesImages}), asked only when images are at stake: the message brings files or the
   * conversation holds images.
   */
  private boolean seesImages(ChatEvent event, String modelName) {
    boolean imagesAtStake =
        !event.attachments().isEmpty() || store.imageCount(event.conversation(), -1) > 0;
    return imagesAtStake && model.seesImages(modelName);
  }

  /** Shows that Cria is working; returns the message that shows it, recorded, or null. */
  private String startReply(QueuedEvent queued, String owner, Reply reply) {
    String placeholder = reply.start();
    if (placeholder != null && !placeholder.equals(queued.replyMessageId())) {
      queue.recordReplyMessage(queued.seq(), owner, placeholder);
    }
    return placeholder != null ? placeholder : queued.replyMessageId();
  }

  /** The model this conversation asks: its own setting, or {@code LLAMA_MODEL}. */
  private String modelAsked(ChatEvent event) {
    return modelAsked(commands.effective(event.conversation()));
  }

  private String modelAsked(Settings settings) {
    String model = settings.model();
    return model == null || model.isBlank() ? modelDefaults.model() : model;
  }

  private static boolean stopped(Completion completion) {
    return STOPPED.equals(completion.stopReason());
  }
}
