package dev.cria.core;

import dev.cria.chat.ChatEvent;
import dev.cria.chat.Command;
import dev.cria.chat.Reply;
import dev.cria.core.PipelineMetrics.Outcome;
import dev.cria.core.ToolSource.ToolException;
import jakarta.inject.Singleton;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A click on Run or Cancel under a confirmation request. Run: the tool runs (through the {@link
 * Toolbox}, within {@code CRIA_TOOL_TIMEOUT}), then the model is asked again with the history up to
 * the question (the confirmation request left out), the call and its result, and its answer is
 * posted as a new reply and stored as the click's answer; it may ask for another confirmation.
 * Cancel: a short reply, no model call. Earlier tool steps of the answer that asked are not
 * replayed to the model.
 */
@Singleton
class ConfirmedToolAnswer {

  private static final Logger LOG = LoggerFactory.getLogger(ConfirmedToolAnswer.class);

  private final ToolConfirmation confirmations;
  private final Toolbox toolbox;
  private final ToolSettings toolSettings;
  private final ConversationStore store;
  private final EventQueue queue;
  private final CommandHandler commands;
  private final ConversationDefaults defaults;
  private final ModelCircuit circuit;
  private final ModelCall modelCall;
  private final ModerationGate moderation;
  private final ModelDefaults modelDefaults;

  ConfirmedToolAnswer(
      ToolConfirmation confirmations,
      Toolbox toolbox,
      ToolSettings toolSettings,
      ConversationStore store,
      EventQueue queue,
      CommandHandler commands,
      ConversationDefaults defaults,
      ModelCircuit circuit,
      ModelCall modelCall,
      ModerationGate moderation,
      ModelDefaults modelDefaults) {
    this.confirmations = confirmations;
    this.toolbox = toolbox;
    this.toolSettings = toolSettings;
    this.store = store;
    this.queue = queue;
    this.commands = commands;
    this.defaults = defaults;
    this.circuit = circuit;
    this.modelCall = modelCall;
    this.moderation = moderation;
    this.modelDefaults = modelDefaults;
  }

  PipelineResult answer(
      QueuedEvent queued,
      String owner,
      Reply reply,
      Duration interval,
      Command.ConfirmTool click,
      Consumer<String> tellPrivately) {
    PendingToolCall call;
    switch (confirmations.decide(queued, click)) {
      case ToolConfirmation.Refused refused -> {
        tellPrivately.accept(refused.notice());
        return new PipelineResult(Outcome.REFUSED, null);
      }
      case ToolConfirmation.Cancelled cancelled -> {
        reply.finish(ToolTexts.cancelled());
        return new PipelineResult(Outcome.COMMAND, null);
      }
      case ToolConfirmation.Run run -> call = run.call();
    }
    if (circuit.refusesNow()) {
      reply.fail(ReplyTexts.modelDown(circuit.retryIn()));
      return new PipelineResult(Outcome.FAILED, null);
    }
    String placeholder = reply.start();
    if (placeholder != null && !placeholder.equals(queued.replyMessageId())) {
      queue.recordReplyMessage(queued.seq(), owner, placeholder);
    }
    List<String> steps = new ArrayList<>();
    steps.add(ToolTexts.ran(call.toolName()));
    // The model's own id for the call is not kept; one made from the pending id pairs the turns.
    ToolCall toolCall = new ToolCall("call_" + call.id(), call.toolName(), call.argumentsJson());
    String result = run(toolCall, steps);
    reply.update(String.join("\n", steps));
    Settings settings = commands.effective(call.conversation());
    List<ChatTurn> messages = history(queued.event(), call, settings);
    messages.add(ChatTurn.toolCalls("", List.of(toolCall)));
    messages.add(ChatTurn.toolResult(toolCall.id(), result));
    String modelName =
        settings.model() == null || settings.model().isBlank()
            ? modelDefaults.model()
            : settings.model();
    long started = System.nanoTime();
    var ask = new ModelCall.Ask(queued, owner, placeholder, settings, modelName, messages);
    ToolLoop.Outcome outcome = modelCall.answer(ask, reply, interval);
    long latency = Duration.ofNanos(System.nanoTime() - started).toMillis();
    steps.addAll(outcome.steps());
    outcome = new ToolLoop.Outcome(outcome.completion(), steps, outcome.awaiting());
    if (outcome.awaiting() != null) {
      return confirmations.ask(queued, outcome, reply, settings, latency);
    }
    Completion completion = outcome.completion();
    if (completion.text().isBlank()) {
      reply.fail(outcome.stepsBlock() + ReplyTexts.emptyAnswer());
      return new PipelineResult(Outcome.FAILED, null);
    }
    var flagged = moderation.checkOutput(queued, completion.text());
    if (flagged.isPresent()) {
      reply.fail(flagged.get());
      return new PipelineResult(Outcome.REFUSED, null);
    }
    ChatEvent event = queued.event();
    store.saveAnswer(
        event,
        queued.seq(),
        new Answer(
            completion.text(),
            completion,
            latency,
            event.author().id(),
            PromptVersion.of(settings.systemPrompt())));
    String messageId = reply.answer(outcome.stepsBlock() + completion.text());
    if (messageId != null) {
      store.recordAnswerMessage(queued.seq(), messageId);
    }
    return new PipelineResult(Outcome.ANSWERED, null);
  }

  /** The tool's result for the model; a failure is told to the model and shown to the user. */
  private String run(ToolCall call, List<String> steps) {
    try {
      return toolbox.callConfirmed(call, toolSettings.callTimeout());
    } catch (ToolException e) {
      LOG.info("Confirmed tool {} gave no result: {}", call.name(), e.getMessage());
      steps.add(ToolTexts.failed(call.name(), e.getMessage()));
      return ToolTexts.errorForModel(e.getMessage());
    }
  }

  /** The history up to the question, without the confirmation request stored as its answer. */
  private List<ChatTurn> history(ChatEvent event, PendingToolCall call, Settings settings) {
    List<StoredTurn> turns =
        store.newestTurns(call.conversation(), call.eventSeq(), HistoryWindow.MAX_TURNS);
    if (!turns.isEmpty() && turns.getFirst().role() == ChatTurn.Role.ASSISTANT) {
      turns = turns.subList(1, turns.size());
    }
    return new ArrayList<>(
        HistoryWindow.build(settings.systemPrompt(), turns, event, defaults.contextTokens(), false)
            .messages());
  }
}
