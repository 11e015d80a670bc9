package dev.cria.slack;

import com.slack.api.methods.SlackApiException;
import com.slack.api.methods.SlackApiTextResponse;
import dev.failsafe.Failsafe;
import dev.failsafe.FailsafeExecutor;
import dev.failsafe.RetryPolicy;
import java.io.IOException;
import java.time.Duration;

/**
 * How {@link SlackWebApi} makes one call: Slack's answer checked ({@code ok}, else the error it
 * names), HTTP 429 waited out for {@code Retry-After}, transient errors backed off exponentially
 * (Failsafe), everything that still fails turned into a {@link SlackCallException}.
 */
final class SlackCalls {

  /** Waits longer than this are not worth it for a chat answer. */
  static final Duration LONGEST_WAIT = Duration.ofSeconds(30);

  private final FailsafeExecutor<Object> retrying;

  SlackCalls(int maxRetries) {
    RetryPolicy<Object> policy =
        RetryPolicy.builder()
            .handleIf(failure -> failure instanceof SlackCallException e && e.isTransient())
            .withBackoff(Duration.ofMillis(500), Duration.ofSeconds(8))
            .withDelayFn(SlackCalls::retryAfter)
            .withMaxRetries(maxRetries)
            .withMaxDuration(Duration.ofMinutes(2))
            .build();
    this.retrying = Failsafe.with(policy);
  }

  /** Runs a call that is not a Web API method (a response URL) under the same retries. */
  void retrying(dev.failsafe.function.CheckedRunnable call) {
    retrying.run(call);
  }

  /** One call: tried once, or with {@code retry} as often as the policy allows. */
  <T extends SlackApiTextResponse> T call(String method, boolean retry, Call<T> call) {
    if (!retry) {
      return attempt(method, call);
    }
    try {
      return retrying.get(() -> attempt(method, call));
    } catch (dev.failsafe.FailsafeException e) {
      throw new SlackCallException(method, "interrupted", null, e);
    }
  }

  private static <T extends SlackApiTextResponse> T attempt(String method, Call<T> call) {
    T response;
    try {
      response = call.run();
    } catch (IOException e) {
      throw new SlackCallException(method, "io_error", null, e);
    } catch (SlackApiException e) {
      int status = e.getResponse().code();
      Duration wait =
          status == 429 ? retryAfterHeader(e.getResponse().header("Retry-After")) : null;
      throw new SlackCallException(method, "http_" + status, wait, null);
    }
    if (!response.isOk()) {
      throw new SlackCallException(method, String.valueOf(response.getError()));
    }
    return response;
  }

  private static Duration retryAfter(dev.failsafe.ExecutionContext<Object> context) {
    return context.getLastException() instanceof SlackCallException e && e.retryAfter() != null
        ? e.retryAfter()
        : Duration.ofMillis(-1);
  }

  static Duration retryAfterHeader(String value) {
    long seconds = 1;
    try {
      seconds = value == null ? 1 : Long.parseLong(value.strip());
    } catch (NumberFormatException e) {
      // Slack sends whole seconds; anything else gets the shortest wait.
    }
    Duration wait = Duration.ofSeconds(Math.max(1, seconds));
    return wait.compareTo(LONGEST_WAIT) > 0 ? LONGEST_WAIT : wait;
  }

  /** One Web API method call, as the SDK makes it. */
  @FunctionalInterface
  interface Call<T> {
    T run() throws IOException, SlackApiException;
  }
}
