package dev.cria.core;

import dev.cria.chat.ChatEvent;
import dev.cria.chat.Command;
import dev.cria.chat.ConversationKey;
import dev.cria.chat.Reply;
import dev.cria.chat.Summary;
import dev.cria.core.PipelineMetrics.Outcome;
import jakarta.inject.Singleton;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * The {@code summarize} command: the conversation's stored history goes to the model, which answers
 * with the {@link SummarySchema} ({@code json_schema}); the adapter renders the {@link Summary}
 * natively. When the server offers no structured output the same request is made for plain
 * Markdown. Either answer is moderated like any answer before it is shown. Summaries are not stored
 * as turns: they are about the conversation, not part of it.
 */
@Singleton
class Summarizer {

  static final String STRUCTURED_PROMPT =
      """
      You summarize a chat conversation for the people in it. Answer with one JSON object as the \
      schema describes: a title of at most 80 characters, a summary of a few sentences, the \
      decisions taken, the action items (each a task and its owner: the person's name or user id \
      exactly as the conversation writes it, or an empty string when nobody was named) and the \
      open questions. Use empty lists where there is nothing of a kind. Write in the \
      conversation's language.""";

  static final String PLAIN_PROMPT =
      """
      You summarize a chat conversation for the people in it, in Markdown: a bold title line, a \
      summary of a few sentences, then bullet lists headed Decisions, Action items (each with its \
      owner, as the conversation names them) and Open questions; leave out a list with nothing in \
      it. Write in the conversation's language.""";

  private final ConversationStore store;
  private final ChatModel model;
  private final ModerationGate moderation;
  private final ModelCircuit circuit;
  private final QuotaGate quota;
  private final CommandHandler commands;
  private final ModelDefaults modelDefaults;
  private final ConversationDefaults defaults;

  Summarizer(
      ConversationStore store,
      ChatModel model,
      ModerationGate moderation,
      ModelCircuit circuit,
      QuotaGate quota,
      CommandHandler commands,
      ModelDefaults modelDefaults,
      ConversationDefaults defaults) {
    this.store = store;
    this.model = model;
    this.moderation = moderation;
    this.circuit = circuit;
    this.quota = quota;
    this.commands = commands;
    this.modelDefaults = modelDefaults;
    this.defaults = defaults;
  }

  /**
   * Summarizes and delivers. Model failures, an open breaker and moderation outages are thrown, for
   * the pipeline to tell as it tells them for any answer.
   */
  PipelineResult summarize(QueuedEvent queued, Reply reply) {
    ChatEvent event = queued.event();
    Optional<String> overQuota = quota.check(queued);
    if (overQuota.isPresent()) {
      reply.fail(overQuota.get());
      return new PipelineResult(Outcome.REFUSED, null);
    }
    ConversationKey key = conversationOf(event);
    List<StoredTurn> turns = store.newestTurns(key, queued.seq(), HistoryWindow.MAX_TURNS);
    boolean wholeChannel = turns.isEmpty() && !key.isThread() && !key.isDirect();
    if (wholeChannel) {
      // Asked in the channel itself (a slash command): the channel's conversations with Cria.
      turns = store.newestTurnsInChannel(key, queued.seq(), HistoryWindow.MAX_TURNS);
    }
    var transcript = SummaryTranscript.of(turns, defaults.contextTokens());
    if (transcript.isEmpty()) {
      reply.finish(nothingYet(key));
      return new PipelineResult(Outcome.COMMAND, null);
    }
    String scope = scope(key, wholeChannel, transcript);
    String modelName = modelOf(key);
    Optional<SummarySchema.Fields> fields =
        guarded(
            () ->
                model.structured(
                    request(modelName, STRUCTURED_PROMPT, transcript, event),
                    SummarySchema.SCHEMA));
    if (fields.isPresent()) {
      Summary summary = fields.get().toSummary(scope);
      Optional<String> flagged = moderation.checkOutput(queued, summary.markdown());
      if (flagged.isPresent()) {
        reply.fail(flagged.get());
        return new PipelineResult(Outcome.REFUSED, null);
      }
      reply.summary(summary);
      return new PipelineResult(Outcome.COMMAND, null);
    }
    String text =
        guarded(
                () ->
                    model.stream(request(modelName, PLAIN_PROMPT, transcript, event), chunk -> {}))
            .text();
    Optional<String> flagged = moderation.checkOutput(queued, text);
    if (flagged.isPresent()) {
      reply.fail(flagged.get());
      return new PipelineResult(Outcome.REFUSED, null);
    }
    reply.finish("_Summary of " + scope + "_\n\n" + text);
    return new PipelineResult(Outcome.COMMAND, null);
  }

  /**
   * The conversation the message it was asked on belongs to (one of Cria's answers, or the message
   * that started a conversation), else the one it was asked in.
   */
  private ConversationKey conversationOf(ChatEvent event) {
    if (event.command() instanceof Command.Summarize(String aboutMessageId)
        && aboutMessageId != null) {
      return store
          .conversationOfMessage(event.platform(), aboutMessageId)
          .orElse(event.conversation());
    }
    return event.conversation();
  }

  private static ChatRequest request(
      String modelName, String prompt, SummaryTranscript transcript, ChatEvent event) {
    return new ChatRequest(
        modelName,
        List.of(ChatTurn.system(prompt), ChatTurn.user(transcript.text())),
        0.2,
        null,
        event.author().id());
  }

  /**
   * Takes the breaker's permit right before the call and records every way out of it, as the
   * pipeline does for answers.
   */
  private <T> T guarded(Supplier<T> call) {
    if (!circuit.allows()) {
      throw new ModelCircuit.Open(circuit.retryIn());
    }
    try {
      T result = call.get();
      circuit.succeeded();
      return result;
    } catch (ModelException e) {
      circuit.failed(e);
      throw e;
    } catch (RuntimeException e) {
      circuit.succeeded(); // the model answered; reading its answer failed
      throw e;
    }
  }

  private String modelOf(ConversationKey key) {
    String configured = commands.effective(key).model();
    return configured == null || configured.isBlank() ? modelDefaults.model() : configured;
  }

  /**
   * What was summarized, e.g. "this thread (12 messages)", "the conversations with Cria in this
   * channel (30 messages)" or "the last 400 messages of this thread".
   */
  static String scope(ConversationKey key, boolean wholeChannel, SummaryTranscript transcript) {
    String where =
        wholeChannel
            ? "the conversations with Cria in this channel"
            : key.isThread()
                ? "this thread"
                : key.isDirect() ? "this conversation" : "this channel";
    String count = transcript.turns() + (transcript.turns() == 1 ? " message" : " messages");
    return transcript.cut() ? "the last " + count + " of " + where : where + " (" + count + ")";
  }

  private static String nothingYet(ConversationKey key) {
    return key.isThread()
        ? "There is nothing to summarize in this thread yet: I summarize the conversations I take"
            + " part in."
        : "There is nothing to summarize here yet: I summarize the conversations I take part in."
            + " Mention me with a question first.";
  }
}
