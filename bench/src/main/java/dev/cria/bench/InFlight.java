package dev.cria.bench;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicInteger;

/** Events acknowledged by Cria and not yet answered: now, and the most at any time. */
final class InFlight {

  private final AtomicInteger now = new AtomicInteger();
  private final AtomicInteger peak = new AtomicInteger();

  /** Counts the event until its answer (or failure) arrives. */
  void track(BenchEvent event) {
    peak.accumulateAndGet(now.incrementAndGet(), Math::max);
    CompletableFuture<?> unused =
        event.answered.whenComplete((answered, error) -> now.decrementAndGet());
  }

  int peak() {
    return peak.get();
  }
}
