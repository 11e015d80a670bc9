package dev.cria.fakes;

import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Predicate;

/**
 * Holds the first REST call that matches until the test releases it: {@link When#BEFORE} the fake
 * applies it (it then never takes effect and is answered 503), or {@link When#AFTER} (the message
 * changed, but the caller has no answer yet). A fault test kills the caller while it waits.
 */
public final class FakeDiscordHold {

  /** Whether the held call has taken effect. */
  public enum When {
    BEFORE,
    AFTER
  }

  private static final Duration LONGEST_HOLD = Duration.ofMinutes(2);

  private final Predicate<FakeDiscordCall> matching;
  private final When when;
  private final AtomicBoolean taken = new AtomicBoolean();
  private final CountDownLatch reached = new CountDownLatch(1);
  private final CountDownLatch released = new CountDownLatch(1);

  FakeDiscordHold(Predicate<FakeDiscordCall> matching, When when) {
    this.matching = matching;
    this.when = when;
  }

  When when() {
    return when;
  }

  /** Claims this hold for a call, once. */
  boolean takes(FakeDiscordCall call) {
    return !taken.get() && matching.test(call) && taken.compareAndSet(false, true);
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
}
