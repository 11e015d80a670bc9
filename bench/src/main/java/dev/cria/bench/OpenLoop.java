package dev.cria.bench;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.locks.LockSupport;
import org.HdrHistogram.ConcurrentHistogram;
import org.HdrHistogram.Histogram;

/**
 * New conversations at a fixed rate, whatever Cria does: event {@code i} is due at {@code start + i
 * / rate}, and its ack latency counts from then. How late the driver itself sent is kept apart
 * ({@link #sendLagMicros}) so that a lagging driver is visible.
 */
final class OpenLoop {

  private final Asker asker;
  private final EventFactory events;
  final Histogram sendLagMicros = new ConcurrentHistogram(600_000_000L, 3);

  OpenLoop(Asker asker, EventFactory events) {
    this.asker = asker;
    this.events = events;
  }

  /** Sends {@code count} events at {@code rate} per second, then waits for their answers. */
  void run(int count, int rate, Duration drainTimeout) throws InterruptedException {
    List<CompletableFuture<Boolean>> answers = new ArrayList<>(count);
    try (ExecutorService senders = Executors.newVirtualThreadPerTaskExecutor()) {
      long start = System.nanoTime();
      for (int i = 0; i < count; i++) {
        long due = start + TimeUnit.SECONDS.toNanos(i) / rate;
        long wait = due - System.nanoTime();
        if (wait > 0) {
          LockSupport.parkNanos(wait);
        }
        BenchEvent event = events.newConversation();
        answers.add(event.answered);
        senders.execute(
            () -> {
              Histograms.record(sendLagMicros, (System.nanoTime() - due) / 1000);
              asker.ask(event, due);
            });
      }
    }
    try {
      CompletableFuture.allOf(answers.toArray(CompletableFuture[]::new))
          .get(drainTimeout.toMillis(), TimeUnit.MILLISECONDS);
    } catch (TimeoutException | java.util.concurrent.ExecutionException e) {
      // The tally counts what did not arrive.
    }
  }
}
