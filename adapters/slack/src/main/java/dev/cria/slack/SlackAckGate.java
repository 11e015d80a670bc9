package dev.cria.slack;

import java.time.Duration;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

/**
 * Bounds the {@code /slack/events} requests handled at once, in front of the connection pool: a few
 * run (each stores one event), a bounded number wait their turn, and one that finds the queue full
 * or waits too long gets a 503 at once, which Slack answers by delivering the event again. Slack
 * waits three seconds for an ack, so waiting longer would only make it retry anyway.
 */
final class SlackAckGate {

  /** Requests handled at once: each holds at most one database connection. */
  static final int RUNNING = 8;

  /** Requests waiting for their turn; beyond that Slack is asked to deliver again. */
  static final int WAITING = 500;

  /** How long a request waits for its turn, well inside Slack's three seconds. */
  static final Duration MAX_WAIT = Duration.ofMillis(1500);

  private final int capacity;
  private final Semaphore admitted;
  private final Semaphore running;
  private final Duration maxWait;

  SlackAckGate() {
    this(RUNNING, WAITING, MAX_WAIT);
  }

  SlackAckGate(int running, int waiting, Duration maxWait) {
    this.capacity = running + waiting;
    this.admitted = new Semaphore(capacity);
    this.running = new Semaphore(running, true);
    this.maxWait = maxWait;
  }

  /** Requests running or waiting right now. */
  int admitted() {
    return capacity - admitted.availablePermits();
  }

  /** Runs {@code request} when its turn comes, or returns {@code busy} if none comes in time. */
  <T> T handle(Supplier<T> request, Supplier<T> busy) {
    if (!admitted.tryAcquire()) {
      return busy.get();
    }
    try {
      if (!running.tryAcquire(maxWait.toMillis(), TimeUnit.MILLISECONDS)) {
        return busy.get();
      }
      try {
        return request.get();
      } finally {
        running.release();
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return busy.get();
    } finally {
      admitted.release();
    }
  }
}
