package dev.cria.core;

import java.time.Instant;
import java.util.Optional;

/** Where pending tool calls are kept ({@code pending_tool_call}); the persistence module's. */
public interface PendingToolCalls {

  void save(PendingToolCall pending);

  Optional<PendingToolCall> find(String id);

  /**
   * Records a decision, unless one is recorded already: of two clicks at once, one decides.
   *
   * @return whether this call recorded it
   */
  boolean decide(String id, String decision, Instant at);
}
