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

  /** Whether a call may go out now; when not, {@link #retryIn()} says for how long. */
  boolean allows() {
    return breaker.tryAcquirePermit();
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
