package dev.cria.testing;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.function.BooleanSupplier;
import java.util.function.Supplier;

/**
 * The one way tests wait: for a condition, never for a fixed time. Checks it every 20 ms and fails,
 * saying what it waited for and what it saw last, when it does not hold within the time given.
 * Shared through cria-core's test-jar with every module's tests.
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
    value(
        within,
        what,
        () -> condition.getAsBoolean() ? Optional.of(Boolean.TRUE) : Optional.empty(),
        lastSeen);
  }

  /**
   * Waits until {@code probe} finds a value and returns it.
   *
   * @param lastSeen what to add to the failure, e.g. the rows a table held
   */
  public static <T> T value(
      Duration within, String what, Supplier<Optional<T>> probe, Supplier<String> lastSeen) {
    Instant deadline = Instant.now().plus(within);
    while (true) {
      Optional<T> found = probe.get();
      if (found.isPresent()) {
        return found.get();
      }
      if (Instant.now().isAfter(deadline)) {
        String seen = lastSeen.get();
        throw new AssertionError(
            "timed out after "
                + within
                + " waiting for "
                + what
                + (seen.isEmpty() ? "" : "; saw: " + seen));
      }
      pause(what);
    }
  }

  private static void pause(String what) {
    try {
      Thread.sleep(POLL.toMillis());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new AssertionError("interrupted waiting for " + what, e);
    }
  }
}
