package dev.cria.core;

import dev.cria.chat.ConversationKey;
import java.time.Instant;

/**
 * A side-effecting tool call the model asked for, waiting for the asker's Run or Cancel. It holds
 * what the model wrote (the arguments), nothing else: no result, no token.
 *
 * @param id the value of the Run and Cancel buttons
 * @param eventSeq the event whose answer asked for the confirmation
 * @param askerId the one person whose click counts
 * @param decidedAt null while no click decided it
 * @param decision {@value #RUN}, {@value #CANCEL} or {@value #EXPIRED}; null while undecided
 */
public record PendingToolCall(
    String id,
    ConversationKey conversation,
    long eventSeq,
    String askerId,
    String toolName,
    String argumentsJson,
    Instant createdAt,
    Instant decidedAt,
    String decision) {

  public static final String RUN = "run";
  public static final String CANCEL = "cancel";
  public static final String EXPIRED = "expired";
}
