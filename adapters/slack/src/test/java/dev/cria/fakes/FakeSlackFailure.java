package dev.cria.fakes;

/**
 * A failure the fake Slack returns instead of an answer: an HTTP status (429 with {@code
 * Retry-After}, 5xx) or a Slack error in a 200 response ({@code {"ok":false,"error":...}}).
 */
public record FakeSlackFailure(int status, String error, int retryAfterSeconds) {

  public static FakeSlackFailure rateLimited(int retryAfterSeconds) {
    return new FakeSlackFailure(429, "ratelimited", retryAfterSeconds);
  }

  public static FakeSlackFailure error(String error) {
    return new FakeSlackFailure(200, error, 0);
  }

  public static FakeSlackFailure httpStatus(int status) {
    return new FakeSlackFailure(status, "http_" + status, 0);
  }
}
