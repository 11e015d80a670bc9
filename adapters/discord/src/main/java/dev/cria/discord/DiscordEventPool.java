package dev.cria.discord;

import java.util.List;
import java.util.concurrent.AbstractExecutorService;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;

/**
 * The pool JDA runs Cria's listeners on: virtual threads, at most {@link #MAX_IN_FLIGHT} at once in
 * front of the connection pool. When that many events are being handled, the gateway's reader waits
 * for room (Discord keeps the rest of the stream in the socket meanwhile), so a burst never queues
 * without bound and every event is still handled.
 */
final class DiscordEventPool extends AbstractExecutorService {

  /** Events handled at once: each stores an event, a few database calls. */
  static final int MAX_IN_FLIGHT = 64;

  private final ExecutorService threads = Executors.newVirtualThreadPerTaskExecutor();
  private final int maxInFlight;
  private final Semaphore room;

  DiscordEventPool() {
    this(MAX_IN_FLIGHT);
  }

  DiscordEventPool(int maxInFlight) {
    this.maxInFlight = maxInFlight;
    this.room = new Semaphore(maxInFlight, true);
  }

  /** Waits while {@link #MAX_IN_FLIGHT} events are being handled, then hands this one over. */
  @Override
  public void execute(Runnable event) {
    try {
      room.acquire();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new RejectedExecutionException("interrupted while waiting for room", e);
    }
    try {
      threads.execute(
          () -> {
            try {
              event.run();
            } finally {
              room.release();
            }
          });
    } catch (RejectedExecutionException e) {
      room.release();
      throw e;
    }
  }

  /** Events being handled right now. */
  int inFlight() {
    return maxInFlight - room.availablePermits();
  }

  @Override
  public void shutdown() {
    threads.shutdown();
  }

  @Override
  public List<Runnable> shutdownNow() {
    return threads.shutdownNow();
  }

  @Override
  public boolean isShutdown() {
    return threads.isShutdown();
  }

  @Override
  public boolean isTerminated() {
    return threads.isTerminated();
  }

  @Override
  public boolean awaitTermination(long timeout, TimeUnit unit) throws InterruptedException {
    return threads.awaitTermination(timeout, unit);
  }
}
