package dev.cria.store;

import dev.cria.chat.ChatEvent;
import dev.cria.core.Answer;
import dev.cria.persistence.ChatMessageRow;
import java.time.Instant;

/** An answer as the row that stores it, with the model's metrics and the prompt's version. */
final class AnswerRows {

  private AnswerRows() {}

  static ChatMessageRow of(ChatEvent event, long seq, Answer answer) {
    var completion = answer.completion();
    return new ChatMessageRow(
        null,
        event.conversation().toString(),
        seq,
        ChatMessageRow.ASSISTANT,
        StoredLimits.text(answer.text()),
        null,
        null,
        answer.requestedBy(),
        event.conversation().channelKey().toString(),
        null,
        completion.model(),
        completion.stopReason(),
        completion.promptTokens(),
        completion.completionTokens(),
        answer.latencyMs(),
        Instant.now(),
        answer.systemPromptVersion());
  }
}
