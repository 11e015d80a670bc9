package dev.cria.core;

import java.time.Duration;

/**
 * The model server gave no answer. {@link #kind} says what went wrong in general (and whether the
 * circuit breaker counts it), {@link #symptom} what the user should be told in particular.
 */
public class ModelException extends RuntimeException {

  public enum Kind {
    /** The server refused the key, or wants one and none is set. */
    UNAUTHORIZED,
    /** The server is rate limiting us; {@link #retryAfter} says for how long, when known. */
    RATE_LIMITED,
    /** The model or path does not exist. */
    NOT_FOUND,
    /** The server refused the request as malformed (e.g. a bad parameter). */
    BAD_REQUEST,
    /** Timeouts, connection failures, 5xx, broken or unreadable streams. */
    UNAVAILABLE
  }

  /** What the server did, when it is worth telling the user more than the kind says. */
  public enum Symptom {
    NONE,
    /** The server does not serve the model asked for (e.g. Ollama: not pulled). */
    MODEL_NOT_SERVED,
    /** A 404 for the path itself: the base URL is wrong. */
    NO_SUCH_ENDPOINT,
    /** A web page (HTML) where JSON or a stream was expected: the base URL is wrong. */
    NOT_AN_API,
    /** A stream or document that could not be read. */
    MALFORMED,
    /** The stream stopped before the answer was complete. */
    BROKE_OFF
  }

  private final Kind kind;
  private final Symptom symptom;
  private final int status;
  private final Duration retryAfter;

  public ModelException(
      Kind kind,
      Symptom symptom,
      String message,
      int status,
      Duration retryAfter,
      Throwable cause) {
    super(message, cause);
    this.kind = kind;
    this.symptom = symptom;
    this.status = status;
    this.retryAfter = retryAfter;
  }

  public ModelException(
      Kind kind, String message, int status, Duration retryAfter, Throwable cause) {
    this(kind, Symptom.NONE, message, status, retryAfter, cause);
  }

  public ModelException(Kind kind, String message) {
    this(kind, Symptom.NONE, message, 0, null, null);
  }

  public ModelException(Kind kind, Symptom symptom, String message) {
    this(kind, symptom, message, 0, null, null);
  }

  public Kind kind() {
    return kind;
  }

  public Symptom symptom() {
    return symptom;
  }

  /** The HTTP status, or 0 when there was no response. */
  public int status() {
    return status;
  }

  /** How long the server asked us to wait, or null. */
  public Duration retryAfter() {
    return retryAfter;
  }
}
