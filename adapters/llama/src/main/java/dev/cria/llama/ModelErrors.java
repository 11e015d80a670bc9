package dev.cria.llama;

import dev.cria.core.ModelException;
import dev.cria.core.ModelException.Kind;
import dev.cria.core.ModelException.Symptom;
import java.io.IOException;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpTimeoutException;
import java.time.Duration;
import java.time.Instant;
import java.util.function.UnaryOperator;
import java.util.regex.Pattern;

/**
 * Turns what went wrong on the wire into a {@link ModelException} whose kind tells the pipeline
 * what to say to the user. Messages name the API and what it said, passed through a redactor so
 * that an API key echoed by a server never leaves this package.
 */
final class ModelErrors {

  private static final Pattern MODEL_MISSING =
      Pattern.compile(
          "(?i)model\\b.*(not found|does not exist)|model_not_found|no such model|try pulling");

  private ModelErrors() {}

  static ModelException fromResponse(
      String what, HttpFailure failure, UnaryOperator<String> redact) {
    int status = failure.status();
    Kind kind = kind(status);
    Duration retryAfter =
        kind == Kind.RATE_LIMITED
            ? RetryPolicies.retryAfter(failure.headers(), Instant.now()).orElse(null)
            : null;
    String said = ProblemBody.parse(failure.body()).describe();
    String message = what + " failed with HTTP " + status + ": " + redact.apply(said);
    return new ModelException(kind, symptom(status, said), message, status, retryAfter, null);
  }

  /**
   * A 404 names either the model (Ollama: {@code model "x" not found, try pulling it first}; vLLM:
   * {@code The model `x` does not exist.}; hosted: {@code model_not_found}) or nothing: then the
   * path itself is missing, as with a plain-text {@code 404 page not found}.
   */
  static Symptom symptom(int status, String said) {
    if (status != 404) {
      return Symptom.NONE;
    }
    return MODEL_MISSING.matcher(said).find() ? Symptom.MODEL_NOT_SERVED : Symptom.NO_SUCH_ENDPOINT;
  }

  /** A 2xx whose body is a web page. */
  static ModelException webPage(String what, String url) {
    return new ModelException(
        Kind.UNAVAILABLE,
        Symptom.NOT_AN_API,
        what + " got an HTML page from " + url + " instead of an API answer");
  }

  static Kind kind(int status) {
    return switch (status) {
      case 401, 403 -> Kind.UNAUTHORIZED;
      case 404 -> Kind.NOT_FOUND;
      case 429 -> Kind.RATE_LIMITED;
      case 408, 409 -> Kind.UNAVAILABLE;
      default -> status >= 400 && status < 500 ? Kind.BAD_REQUEST : Kind.UNAVAILABLE;
    };
  }

  /** No response: the connection failed or the headers did not come in time. */
  static ModelException unreachable(String what, IOException e, Duration timeout) {
    String reason =
        e instanceof HttpConnectTimeoutException
            ? "could not connect in time"
            : e instanceof HttpTimeoutException
                ? "no response within " + timeout.toMillis() + " ms"
                : "could not reach the API (" + describe(e) + ")";
    return new ModelException(Kind.UNAVAILABLE, what + " failed: " + reason, 0, null, e);
  }

  /** The response started but its body broke off, stalled or could not be read. */
  static ModelException broken(String what, IOException e) {
    return new ModelException(
        Kind.UNAVAILABLE, Symptom.BROKE_OFF, what + " broke off: " + describe(e), 0, null, e);
  }

  /** The server reported an error in the middle of a stream. */
  static ModelException midStream(String what, ProblemBody problem, UnaryOperator<String> redact) {
    return new ModelException(
        Kind.UNAVAILABLE,
        what + " failed mid-stream: " + redact.apply(problem.describe()),
        problem.status(),
        null,
        null);
  }

  static ModelException interrupted(String what, InterruptedException e) {
    Thread.currentThread().interrupt();
    return new ModelException(Kind.UNAVAILABLE, what + " was interrupted", 0, null, e);
  }

  private static String describe(IOException e) {
    String message = e.getMessage();
    String type = e.getClass().getSimpleName();
    return message == null || message.isBlank() ? type : message + " (" + type + ")";
  }
}
