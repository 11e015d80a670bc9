package dev.cria.core;

import java.time.Duration;

/** The model API gave no answer. {@link #kind} says what the user should be told. */
public class ModelException extends RuntimeException {

  public enum Kind {
    /** No API key, or no base URL: an operator has to configure Cria. */
    NOT_CONFIGURED,
    /** The API refused the key. */
    UNAUTHORIZED,
    /** The API is rate limiting us; {@link #retryAfter} says for how long, when known. */
    RATE_LIMITED,
    /** The model or path does not exist. */
    NOT_FOUND,
    /** The API refused the request as malformed (e.g. a bad parameter). */
    BAD_REQUEST,
    /** Timeouts, connection failures, 5xx, broken streams. */
    UNAVAILABLE
  }

  private final Kind kind;
  private final int status;
  private final Duration retryAfter;

  public ModelException(
      Kind kind, String message, int status, Duration retryAfter, Throwable cause) {
    super(message, cause);
    this.kind = kind;
    this.status = status;
    this.retryAfter = retryAfter;
  }

  public ModelException(Kind kind, String message) {
    this(kind, message, 0, null, null);
  }

  public Kind kind() {
    return kind;
  }

  /** The HTTP status, or 0 when there was no response. */
  public int status() {
    return status;
  }

  /** How long the API asked us to wait, or null. */
  public Duration retryAfter() {
    return retryAfter;
  }
}
