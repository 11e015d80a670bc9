package dev.cria.store;

import dev.cria.core.StoreException;
import java.time.Duration;
import java.util.List;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs one database step, trying it again in place after a short pause while the failure is
 * transient ({@link TransientSqlFailure}). What still fails comes out as a {@link StoreException}
 * saying whether the cause was transient, so that the core can leave the event for later instead of
 * answering it with an error.
 */
final class TransientSqlRetry {

  /** For the worker's steps: about two seconds, enough for a quick restart or failover. */
  static final TransientSqlRetry WORK =
      new TransientSqlRetry(
          List.of(
              Duration.ofMillis(100),
              Duration.ofMillis(300),
              Duration.ofMillis(600),
              Duration.ofMillis(1000)));

  /** For the ack path: Slack waits three seconds for the ack, so retries must stay short. */
  static final TransientSqlRetry ACK =
      new TransientSqlRetry(List.of(Duration.ofMillis(100), Duration.ofMillis(400)));

  private static final Logger LOG = LoggerFactory.getLogger(TransientSqlRetry.class);

  private final List<Duration> pauses;

  TransientSqlRetry(List<Duration> pauses) {
    this.pauses = List.copyOf(pauses);
  }

  /** Runs {@code step}; {@code what} names it in the log and in the exception. */
  <T> T run(String what, Supplier<T> step) {
    for (int attempt = 0; ; attempt++) {
      try {
        return step.get();
      } catch (StoreException e) {
        throw e;
      } catch (RuntimeException e) {
        boolean transientCause = TransientSqlFailure.isTransient(e);
        if (!transientCause || attempt >= pauses.size()) {
          throw new StoreException(
              what + " failed" + (transientCause ? " (transient)" : "") + ": " + e,
              e,
              transientCause);
        }
        LOG.debug("{} failed ({}), trying again: {}", what, attempt + 1, e.toString());
        pause(pauses.get(attempt));
      }
    }
  }

  void run(String what, Runnable step) {
    run(
        what,
        () -> {
          step.run();
          return null;
        });
  }

  private static void pause(Duration pause) {
    try {
      Thread.sleep(pause);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new StoreException("interrupted while waiting to retry", e, true);
    }
  }
}
