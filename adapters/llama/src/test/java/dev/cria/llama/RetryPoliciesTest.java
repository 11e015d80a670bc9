package dev.cria.llama;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.cria.llama.RetryPolicies.Backoff;
import java.io.IOException;
import java.net.ConnectException;
import java.net.http.HttpHeaders;
import java.net.http.HttpTimeoutException;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** The retry rules of the official SDKs, as pure functions. */
class RetryPoliciesTest {

  private static final HttpHeaders NONE = headers(Map.of());

  @ParameterizedTest
  @ValueSource(ints = {408, 409, 429, 500, 502, 503, 504, 529})
  void retriesTimeoutsConflictsRateLimitsAndServerErrors(int status) {
    assertTrue(RetryPolicies.retryable(new HttpFailure(status, NONE, "")));
  }

  @ParameterizedTest
  @ValueSource(ints = {400, 401, 403, 404, 422})
  void neverRetriesOtherClientErrors(int status) {
    assertFalse(RetryPolicies.retryable(new HttpFailure(status, NONE, "")));
  }

  @Test
  void theServerHasTheLastWordAndConnectionErrorsAreRetried() {
    assertTrue(RetryPolicies.retryable(new HttpFailure(400, shouldRetry("true"), "")));
    assertFalse(RetryPolicies.retryable(new HttpFailure(503, shouldRetry("false"), "")));
    assertTrue(RetryPolicies.retryable(new ConnectException()));
    assertTrue(RetryPolicies.retryable(new HttpTimeoutException("slow")));
    assertTrue(RetryPolicies.retryable(new IOException("reset")));
    assertFalse(RetryPolicies.retryable(new IllegalStateException()));
  }

  @ParameterizedTest
  @CsvSource({"0, 500", "1, 1000", "2, 2000", "3, 4000", "4, 8000", "7, 8000"})
  void backsOffExponentiallyUpToEightSeconds(int retry, long millis) {
    assertEquals(Duration.ofMillis(millis), RetryPolicies.delay(retry, NONE, Backoff.SDK, 0));
  }

  @Test
  void jitterTakesOffAtMostAQuarter() {
    assertEquals(Duration.ofMillis(375), RetryPolicies.delay(0, NONE, Backoff.SDK, 1.0));
    assertEquals(Duration.ofMillis(7500), RetryPolicies.delay(9, NONE, Backoff.SDK, 0.25));
  }

  @Test
  void honoursRetryAfterMsThenRetryAfterSecondsOrDateUnderAMinute() {
    assertEquals(
        Duration.ofMillis(1500),
        RetryPolicies.delay(
            0, headers(Map.of("retry-after-ms", "1500.0", "retry-after", "9")), Backoff.SDK, 0));
    assertEquals(
        Duration.ofSeconds(3),
        RetryPolicies.delay(0, headers(Map.of("retry-after", "3")), Backoff.SDK, 0));
    String inTwentySeconds =
        DateTimeFormatter.RFC_1123_DATE_TIME.format(
            Instant.now().plusSeconds(20).atOffset(ZoneOffset.UTC));
    Duration fromDate =
        RetryPolicies.delay(0, headers(Map.of("retry-after", inTwentySeconds)), Backoff.SDK, 0);
    assertTrue(fromDate.toSeconds() > 10 && fromDate.toSeconds() <= 20, fromDate.toString());
  }

  @Test
  void ignoresHintsOfAMinuteOrMoreAndNonsense() {
    for (String hint : List.of("60", "3600", "-1", "soon")) {
      assertEquals(
          Duration.ofSeconds(1),
          RetryPolicies.delay(1, headers(Map.of("retry-after", hint)), Backoff.SDK, 0),
          hint);
    }
  }

  @Test
  void retryAfterItselfIsReportedWhateverItsLength() {
    assertEquals(
        Duration.ofHours(1),
        RetryPolicies.retryAfter(headers(Map.of("retry-after", "3600")), Instant.now())
            .orElseThrow());
    assertTrue(RetryPolicies.retryAfter(NONE, Instant.now()).isEmpty());
  }

  private static HttpHeaders shouldRetry(String value) {
    return headers(Map.of("x-should-retry", value));
  }

  private static HttpHeaders headers(Map<String, String> values) {
    Map<String, List<String>> multi = new java.util.HashMap<>();
    values.forEach((name, value) -> multi.put(name, List.of(value)));
    return HttpHeaders.of(multi, (name, value) -> true);
  }
}
