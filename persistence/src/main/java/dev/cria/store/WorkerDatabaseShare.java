package dev.cria.store;

import dev.cria.core.StoreException;
import io.micronaut.context.annotation.Value;
import jakarta.inject.Singleton;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

/**
 * The part of the connection pool the event worker may use at once. The rest stays free for the ack
 * path (storing an event before the platform is acked), so that a burst of answers never makes an
 * ack wait for a connection: under overload the ack stays quick and the answers wait here. Each
 * step is retried in place while its failure is transient ({@link TransientSqlRetry#WORK}).
 */
@Singleton
final class WorkerDatabaseShare {

  /** How long a step waits for its share before it counts as a (transient) failure. */
  private static final long WAIT_SECONDS = 30;

  private final Semaphore permits;
  private final int size;

  WorkerDatabaseShare(@Value("${datasources.default.maximum-pool-size:10}") int poolSize) {
    this.size = share(poolSize);
    this.permits = new Semaphore(size, true);
  }

  /** The worker's share of a pool: all but a quarter of it (at least one each way). */
  static int share(int poolSize) {
    if (poolSize <= 1) {
      return 1;
    }
    return Math.max(1, poolSize - Math.max(1, poolSize / 4));
  }

  int size() {
    return size;
  }

  <T> T run(String what, Supplier<T> step) {
    return TransientSqlRetry.WORK.run(what, () -> withPermit(what, step));
  }

  void run(String what, Runnable step) {
    run(
        what,
        () -> {
          step.run();
          return null;
        });
  }

  private <T> T withPermit(String what, Supplier<T> step) {
    try {
      if (!permits.tryAcquire(WAIT_SECONDS, TimeUnit.SECONDS)) {
        throw new StoreException(what + ": no database connection free for the worker", null, true);
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new StoreException(what + ": interrupted", e, true);
    }
    try {
      return step.get();
    } finally {
      permits.release();
    }
  }
}
