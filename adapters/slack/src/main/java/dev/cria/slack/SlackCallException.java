package dev.cria.slack;

import java.time.Duration;
import java.util.Set;

/**
 * A Slack Web API call that failed: the method, Slack's error code (or {@code http_<status>},
 * {@code io_error}) and whether trying again can help. Never carries a token.
 */
public class SlackCallException extends RuntimeException {

  private static final Set<String> TRANSIENT_ERRORS =
      Set.of(
          "ratelimited",
          "rate_limited",
          "internal_error",
          "fatal_error",
          "service_unavailable",
          "request_timeout",
          "io_error");

  private final String method;
  private final String error;
  private final Duration retryAfter;

  SlackCallException(String method, String error, Duration retryAfter, Throwable cause) {
    super(method + " failed: " + error, cause);
    this.method = method;
    this.error = error;
    this.retryAfter = retryAfter;
  }

  SlackCallException(String method, String error) {
    this(method, error, null, null);
  }

  public String method() {
    return method;
  }

  /** Slack's error code, e.g. {@code not_in_channel}, {@code http_429} or {@code io_error}. */
  public String error() {
    return error;
  }

  /** How long Slack asked us to wait (HTTP 429 {@code Retry-After}), or null. */
  public Duration retryAfter() {
    return retryAfter;
  }

  public boolean isTransient() {
    return retryAfter != null || TRANSIENT_ERRORS.contains(error) || error.startsWith("http_5");
  }
}
