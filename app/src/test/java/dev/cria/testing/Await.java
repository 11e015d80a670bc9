package dev.cria.testing;

import java.time.Duration;
import java.time.Instant;
import java.util.function.BooleanSupplier;
import java.util.function.Supplier;

/**
 * Waits for a condition instead of sleeping a fixed time: checks it every 20 ms and fails, saying
 * what it waited for and what it saw last, when it does not hold within the time given.
 */
public final class Await {

  private static final Duration POLL = Duration.ofMillis(20);

  private Await() {}

  public static void until(Duration within, String what, BooleanSupplier condition) {
    until(within, what, condition, () -> "");
  }

  /**
   * Waits like {@link #until(Duration, String, BooleanSupplier)}, adding what was last seen to the
   * failure.
   *
   * @param lastSeen what to add to the failure, e.g. the calls a fake received
   */
  public static void until(
      Duration within, String what, BooleanSupplier condition, Supplier<String> lastSeen) {
    Instant deadline = Instant.now().plus(within);
    while (!condition.getAsBoolean()) {
      if (Instant.now().isAfter(deadline)) {
        String seen = lastSeen.get();
        throw new AssertionError(
            "timed out after "
                + within
                + " waiting for "
                + what
                + (seen.isEmpty() ? "" : "; saw: " + seen));
      }
      try {
        Thread.sleep(POLL.toMillis());
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new AssertionError("interrupted waiting for " + what, e);
      }
    }
  }
}
