package dev.cria.core;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Messages an attempt posted but could not record in the queue (the database was away), by event,
 * so that this process's next attempt edits them rather than post a second answer. Only this
 * process knows them; another replica taking the event over posts anew.
 */
final class LeftMessages {

  private static final int MAX_ENTRIES = 10_000;

  private final Map<Long, String> bySeq = new ConcurrentHashMap<>();

  void remember(long seq, String messageId) {
    if (messageId == null) {
      return;
    }
    if (bySeq.size() >= MAX_ENTRIES) {
      bySeq.clear();
    }
    bySeq.put(seq, messageId);
  }

  void forget(long seq) {
    bySeq.remove(seq);
  }

  /** The event as claimed, with the message left for it here if the queue has none recorded. */
  QueuedEvent resume(QueuedEvent queued) {
    String left = bySeq.get(queued.seq());
    if (left == null || queued.replyMessageId() != null) {
      return queued;
    }
    return new QueuedEvent(queued.seq(), queued.event(), queued.attempts(), left);
  }
}
