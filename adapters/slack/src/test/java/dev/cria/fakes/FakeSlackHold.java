package dev.cria.fakes;

import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Holds the first call of one Web API method in one thread until the test releases it: {@link
 * When#BEFORE} the fake applies it (it then never takes effect and is answered 503), or {@link
 * When#AFTER} (the message changed, but the caller has no answer yet). A fault test kills the
 * caller while it waits, at an exact point of its answer.
 */
public final class FakeSlackHold {

  /** Whether the held call has taken effect. */
  public enum When {
    BEFORE,
    AFTER
  }

  private static final Duration LONGEST_HOLD = Duration.ofMinutes(2);

  private final String method;
  private final String threadTs;
  private final When when;
  private final AtomicBoolean taken = new AtomicBoolean();
  private final CountDownLatch reached = new CountDownLatch(1);
  private final CountDownLatch released = new CountDownLatch(1);

  FakeSlackHold(String method, String threadTs, When when) {
    this.method = method;
    this.threadTs = threadTs;
    this.when = when;
  }

  When when() {
    return when;
  }

  /** Claims this hold for a call, once. */
  boolean takes(String calledMethod, String calledThread) {
    return method.equals(calledMethod)
        && threadTs.equals(calledThread)
        && taken.compareAndSet(false, true);
  }

  /** Called on the thread serving the held call: waits for the release. */
  void block() {
    reached.countDown();
    try {
      released.await(LONGEST_HOLD.toMillis(), TimeUnit.MILLISECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  /** Waits until the call arrived; false when it did not within {@code timeout}. */
  public boolean awaitReached(Duration timeout) {
    try {
      return reached.await(timeout.toMillis(), TimeUnit.MILLISECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return false;
    }
  }

  /** Lets the held call go on (its caller may be gone by then). */
  public void release() {
    released.countDown();
  }

  @Override
  public String toString() {
    return "hold " + when + " " + method + " in thread " + threadTs;
  }
}
