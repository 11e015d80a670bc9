package dev.cria.llama;

import dev.failsafe.RetryPolicy;
import dev.failsafe.event.EventListener;
import dev.failsafe.event.ExecutionAttemptedEvent;
import java.io.IOException;
import java.net.http.HttpHeaders;
import java.time.Duration;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Optional;
import java.util.concurrent.ThreadLocalRandom;

/**
 * When and how long to wait before trying a request again, as the official Llama SDKs do:
 * connection errors, timeouts, 408, 409, 429 and 5xx are retried, or anything the server marks
 * {@code x-should-retry: true}; {@code x-should-retry: false} forbids it. The server's {@code
 * retry-after-ms} or {@code retry-after} is honoured when under a minute, otherwise the wait is
 * {@code min(0.5 s * 2^n, 8 s)} less up to 25 % jitter.
 */
final class RetryPolicies {

  /** The exponential backoff; tests shrink it, production uses {@link #SDK}. */
  record Backoff(Duration initial, Duration max) {
    static final Backoff SDK = new Backoff(Duration.ofMillis(500), Duration.ofSeconds(8));
  }

  private static final Duration LONGEST_HONOURED_HINT = Duration.ofSeconds(60);

  private RetryPolicies() {}

  /** A policy for one request; {@code onRetry} hears of each retry before it is made. */
  static <R> RetryPolicy<R> forRequests(
      int maxRetries, Backoff backoff, EventListener<ExecutionAttemptedEvent<R>> onRetry) {
    return RetryPolicy.<R>builder()
        .handleIf((result, failure) -> failure != null && retryable(failure))
        .withMaxRetries(maxRetries)
        .withDelayFn(
            context -> {
              Throwable last = context.getLastException();
              HttpHeaders headers = last instanceof HttpFailure failure ? failure.headers() : null;
              return delay(
                  context.getAttemptCount() - 1,
                  headers,
                  backoff,
                  ThreadLocalRandom.current().nextDouble());
            })
        .onRetry(onRetry)
        .build();
  }

  static boolean retryable(Throwable failure) {
    if (failure instanceof IOException) {
      return true;
    }
    if (!(failure instanceof HttpFailure response)) {
      return false;
    }
    Optional<String> shouldRetry = response.headers().firstValue("x-should-retry");
    if (shouldRetry.isPresent()) {
      return shouldRetry.get().equalsIgnoreCase("true");
    }
    int status = response.status();
    return status == 408 || status == 409 || status == 429 || status >= 500;
  }

  /**
   * The wait before retry number {@code retryIndex} (0 for the first).
   *
   * @param headers the failed response's headers, or null when there was no response
   * @param random a number in [0, 1) for the jitter
   */
  static Duration delay(int retryIndex, HttpHeaders headers, Backoff backoff, double random) {
    Optional<Duration> hint =
        headers == null ? Optional.empty() : retryAfter(headers, Instant.now());
    if (hint.isPresent()
        && !hint.get().isNegative()
        && hint.get().compareTo(LONGEST_HONOURED_HINT) < 0) {
      return hint.get();
    }
    double exponential = backoff.initial().toNanos() * Math.pow(2, retryIndex);
    double capped = Math.min(exponential, (double) backoff.max().toNanos());
    return Duration.ofNanos(Math.round(capped * (1 - 0.25 * random)));
  }

  /** What the server asked us to wait, whatever its length: {@code retry-after-ms} first. */
  static Optional<Duration> retryAfter(HttpHeaders headers, Instant now) {
    Optional<String> millis = headers.firstValue("retry-after-ms");
    if (millis.isPresent()) {
      Optional<Double> value = number(millis.get());
      if (value.isPresent()) {
        return Optional.of(Duration.ofNanos(Math.round(value.get() * 1_000_000)));
      }
    }
    Optional<String> after = headers.firstValue("retry-after");
    if (after.isEmpty()) {
      return Optional.empty();
    }
    Optional<Double> seconds = number(after.get());
    if (seconds.isPresent()) {
      return Optional.of(Duration.ofNanos(Math.round(seconds.get() * 1_000_000_000)));
    }
    try {
      ZonedDateTime date =
          ZonedDateTime.parse(after.get().strip(), DateTimeFormatter.RFC_1123_DATE_TIME);
      return Optional.of(Duration.between(now, date.toInstant()));
    } catch (DateTimeParseException e) {
      return Optional.empty();
    }
  }

  private static Optional<Double> number(String text) {
    try {
      double value = Double.parseDouble(text.strip());
      return Double.isFinite(value) ? Optional.of(value) : Optional.empty();
    } catch (NumberFormatException e) {
      return Optional.empty();
    }
  }
}
