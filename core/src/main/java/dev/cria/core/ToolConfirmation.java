package dev.cria.core;

import dev.cria.chat.ChatEvent;
import dev.cria.chat.Command;
import dev.cria.chat.Reply;
import dev.cria.core.PipelineMetrics.Outcome;
import jakarta.inject.Singleton;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

/**
 * Side-effecting tools wait for the asker's click. When the model calls one, the answer ends with a
 * confirmation request and Run and Cancel buttons, and the call is kept as a {@link
 * PendingToolCall}. A click decides it once: only the asker's counts (bots never reach the core),
 * and not after {@link #LIFETIME}; everyone else is told why, privately.
 */
@Singleton
class ToolConfirmation {

  /** How long a confirmation request can be answered. */
  static final Duration LIFETIME = Duration.ofMinutes(10);

  private final PendingToolCalls pending;
  private final ConversationStore store;
  private final ModerationGate moderation;

  ToolConfirmation(PendingToolCalls pending, ConversationStore store, ModerationGate moderation) {
    this.pending = pending;
    this.store = store;
    this.moderation = moderation;
  }

  /** What a click leads to. */
  sealed interface Decision {}

  /** Run the call: the asker confirmed it, and it is now recorded as decided. */
  record Run(PendingToolCall call) implements Decision {}

  /** The asker cancelled it. */
  record Cancelled() implements Decision {}

  /** Nothing happens; the clicker is told why, privately. */
  record Refused(String notice) implements Decision {}

  /**
   * Keeps the model's call as pending and delivers the answer that asks to confirm it: the model's
   * text, if it wrote any, then the request, with the buttons. Stored as the event's answer, so the
   * history shows what was asked.
   */
  PipelineResult ask(
      QueuedEvent queued, ToolLoop.Outcome outcome, Reply reply, Settings settings, long latency) {
    ToolCall call = outcome.awaiting();
    Completion completion = outcome.completion();
    String request = ToolTexts.confirmRequest(call.name(), call.argumentsJson());
    String text =
        completion.text().isBlank() ? request : completion.text().strip() + "\n\n" + request;
    Optional<String> flagged = moderation.checkOutput(queued, text);
    if (flagged.isPresent()) {
      reply.fail(flagged.get());
      return new PipelineResult(Outcome.REFUSED, null);
    }
    ChatEvent event = queued.event();
    var held =
        new PendingToolCall(
            UUID.randomUUID().toString(),
            event.conversation(),
            queued.seq(),
            event.author().id(),
            call.name(),
            call.argumentsJson(),
            Instant.now(),
            null,
            null);
    pending.save(held);
    store.saveAnswer(
        event,
        queued.seq(),
        new Answer(
            text,
            completion,
            latency,
            event.author().id(),
            PromptVersion.of(settings.systemPrompt())));
    String messageId = reply.confirm(outcome.stepsBlock() + text, held.id());
    if (messageId != null) {
      store.recordAnswerMessage(queued.seq(), messageId);
    }
    return new PipelineResult(Outcome.ANSWERED, null);
  }

  /** Decides a click; a Run or Cancel is recorded before anything runs, so it counts once. */
  Decision decide(QueuedEvent queued, Command.ConfirmTool click) {
    ChatEvent event = queued.event();
    Optional<PendingToolCall> found =
        pending
            .find(click.pendingId())
            .filter(call -> call.conversation().equals(event.conversation()));
    if (found.isEmpty()) {
      return new Refused(ToolTexts.noSuchConfirmation());
    }
    PendingToolCall call = found.get();
    if (!call.askerId().equals(event.author().id())) {
      return new Refused(ToolTexts.onlyAsker(askerName(call)));
    }
    if (call.decision() != null) {
      return new Refused(ToolTexts.decided(call.decision()));
    }
    Instant now = Instant.now();
    if (call.createdAt().plus(LIFETIME).isBefore(now)) {
      pending.decide(call.id(), PendingToolCall.EXPIRED, now);
      return new Refused(ToolTexts.expired());
    }
    String decision = click.run() ? PendingToolCall.RUN : PendingToolCall.CANCEL;
    if (!pending.decide(call.id(), decision, now)) {
      // Another click decided it in between.
      return new Refused(
          ToolTexts.decided(pending.find(call.id()).map(PendingToolCall::decision).orElse("")));
    }
    return click.run() ? new Run(call) : new Cancelled();
  }

  /** The asker's name from the question they asked, else "the person who asked". */
  private String askerName(PendingToolCall call) {
    return store.newestTurns(call.conversation(), call.eventSeq(), 2).stream()
        .filter(turn -> turn.role() == ChatTurn.Role.USER)
        .map(StoredTurn::authorName)
        .filter(name -> name != null && !name.isBlank())
        .findFirst()
        .orElse("the person who asked");
  }
}
