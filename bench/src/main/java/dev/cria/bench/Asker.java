package dev.cria.bench;

/**
 * Asks one question: registers the event with the watcher, sends it signed, and counts it in flight
 * once Cria acknowledged it.
 */
final class Asker {

  private final AnswerWatcher watcher;
  private final SlackEventSender sender;
  private final InFlight inFlight;

  Asker(AnswerWatcher watcher, SlackEventSender sender, InFlight inFlight) {
    this.watcher = watcher;
    this.sender = sender;
    this.inFlight = inFlight;
  }

  /** Sends the event, due at {@code dueNanos}; false when it was never acknowledged. */
  boolean ask(BenchEvent event, long dueNanos) {
    watcher.expect(event);
    event.sentNanos = dueNanos;
    if (!sender.send(event, dueNanos)) {
      event.answered.complete(false);
      return false;
    }
    inFlight.track(event);
    return true;
  }

  SlackEventSender sender() {
    return sender;
  }
}
