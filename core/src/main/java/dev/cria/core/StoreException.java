package dev.cria.core;

/**
 * A database step failed, after the store retried it in place when the cause looked transient. The
 * pipeline never answers such an event with an error: it leaves it to be taken up again.
 */
public class StoreException extends RuntimeException {

  private final boolean transientCause;

  /**
   * @param transientCause whether the cause (a restart, a failover, a pool timeout, a deadlock)
   *     should pass by itself
   */
  public StoreException(String message, Throwable cause, boolean transientCause) {
    super(message, cause);
    this.transientCause = transientCause;
  }

  /** Whether taking the event up again later should succeed without anyone doing anything. */
  public boolean transientCause() {
    return transientCause;
  }
}
