package dev.cria.core;

import dev.failsafe.CircuitBreaker;
import dev.failsafe.CircuitBreaker.State;
import io.micronaut.context.annotation.ConfigurationProperties;
import io.micronaut.core.bind.annotation.Bindable;
import jakarta.inject.Singleton;
import java.time.Duration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A circuit breaker around the model API (Failsafe). After {@code failures} calls in a row fail
 * with the API unavailable or rate limiting, calls are refused at once for {@code open}, so users
 * get an immediate answer instead of waiting for timeouts; then one trial call decides whether it
 * closes again.
 *
 * <p>{@link #allows()} takes a permit (in the half-open state, the only trial permit), so it must
 * be followed by {@link #succeeded()} or {@link #failed}: the pipeline takes it right before the
 * model call and records a result on every way out. {@link #refusesNow()} only looks, for refusing
 * early.
 */
@Singleton
class ModelCircuit {

  private static final Logger LOG = LoggerFactory.getLogger(ModelCircuit.class);

  /** The breaker's settings ({@code CRIA_MODEL_BREAKER_*}). */
  @ConfigurationProperties("cria.model-breaker")
  record BreakerSettings(
      @Bindable(defaultValue = "5") int failures, @Bindable(defaultValue = "30s") Duration open) {}

  private final CircuitBreaker<Object> breaker;

  ModelCircuit(BreakerSettings settings) {
    this.breaker =
        CircuitBreaker.builder()
            .withFailureThreshold(settings.failures())
            .withSuccessThreshold(1)
            .withDelay(settings.open())
            .onOpen(
                event ->
                    LOG.warn("The model API keeps failing: refusing calls for {}", settings.open()))
            .onClose(event -> LOG.info("The model API answers again"))
            .build();
  }

  /** The breaker was open when the model was about to be called. */
  static final class Open extends RuntimeException {
    private final Duration retryIn;

    Open(Duration retryIn) {
      super("the model circuit breaker is open", null, false, false);
      this.retryIn = retryIn;
    }

    Duration retryIn() {
      return retryIn;
    }
  }

  /**
   * Takes a permit for one call; when none is given, {@link #retryIn()} says for how long. A permit
   * must be answered with {@link #succeeded()} or {@link #failed}.
   */
  boolean allows() {
    return breaker.tryAcquirePermit();
  }

  /** Whether the breaker is open and its wait not yet over; takes no permit. */
  boolean refusesNow() {
    return breaker.isOpen() && breaker.getRemainingDelay().isPositive();
  }

  Duration retryIn() {
    return breaker.getRemainingDelay();
  }

  void succeeded() {
    breaker.recordSuccess();
  }

  /** Counts the failures that mean the API is in trouble; the user's own errors do not count. */
  void failed(ModelException e) {
    switch (e.kind()) {
      case UNAVAILABLE, RATE_LIMITED -> breaker.recordFailure();
      default -> breaker.recordSuccess();
    }
  }

  boolean isOpen() {
    return breaker.getState() == State.OPEN;
  }

  /** The breaker's state as the admin console shows it: closed, open or half-open. */
  String describe() {
    return breaker.getState().name().toLowerCase(java.util.Locale.ROOT).replace('_', '-');
  }
}
