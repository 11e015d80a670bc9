package dev.cria.llama;

import dev.cria.core.ModelException;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.Locale;
import java.util.function.Supplier;

/**
 * Counts calls to the model API: {@code cria.llama.requests} by endpoint ({@code chat}, {@code
 * moderation}, {@code models}) and outcome ({@code ok}, or the failure kind in lower case, e.g.
 * {@code rate_limited}, {@code unavailable}), and {@code cria.llama.retries} by endpoint.
 */
final class LlamaMetrics {

  static final String REQUESTS = "cria.llama.requests";
  static final String RETRIES = "cria.llama.retries";

  private final MeterRegistry registry;

  LlamaMetrics(MeterRegistry registry) {
    this.registry = registry;
  }

  /** Runs one call and counts its outcome; a retried call counts once. */
  <T> T measured(String endpoint, Supplier<T> call) {
    try {
      T result = call.get();
      count(endpoint, "ok");
      return result;
    } catch (ModelException e) {
      count(endpoint, e.kind().name().toLowerCase(Locale.ROOT));
      throw e;
    } catch (RuntimeException e) {
      count(endpoint, "error");
      throw e;
    }
  }

  void retried(String endpoint) {
    Counter.builder(RETRIES)
        .description("Model API requests tried again")
        .tag("endpoint", endpoint)
        .register(registry)
        .increment();
  }

  private void count(String endpoint, String outcome) {
    Counter.builder(REQUESTS)
        .description("Calls to the model API by outcome")
        .tag("endpoint", endpoint)
        .tag("outcome", outcome)
        .register(registry)
        .increment();
  }
}
