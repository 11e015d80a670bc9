package dev.cria.core;

import dev.cria.chat.ConversationService.Acceptance;
import dev.cria.chat.Platform;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import jakarta.inject.Singleton;
import java.time.Duration;
import java.util.Locale;

/** The pipeline's meters; docs/metrics.md lists their Prometheus names. */
@Singleton
public class PipelineMetrics {

  /** How an event ended. */
  public enum Outcome {
    ANSWERED,
    REFUSED,
    FAILED,
    COMMAND,
    /** Not answered yet: a database step failed and the event is taken up again. */
    DEFERRED
  }

  private final MeterRegistry registry;
  private final Timer modelLatency;
  private final Timer firstToken;
  private final Counter promptTokens;
  private final Counter completionTokens;

  public PipelineMetrics(MeterRegistry registry) {
    this.registry = registry;
    this.modelLatency =
        Timer.builder("cria.model.latency")
            .description("Time from the model request to the end of its answer")
            .publishPercentileHistogram()
            .register(registry);
    this.firstToken =
        Timer.builder("cria.model.first_token")
            .description("Time from the model request to its first text")
            .publishPercentileHistogram()
            .register(registry);
    this.promptTokens = tokens("prompt");
    this.completionTokens = tokens("completion");
  }

  /**
   * Registers {@code cria.queue.open}: events accepted and not yet finished, across replicas,
   * counted in the database at most every {@link #QUEUE_COUNT_EVERY} however often {@code
   * /prometheus} is scraped (by several scrapers, or a dashboard refreshing fast).
   */
  void queueGauge(EventQueue queue) {
    OpenEventsCount open = new OpenEventsCount(queue);
    Gauge.builder("cria.queue.open", open, OpenEventsCount::get)
        .description("Events accepted and not yet answered, in the shared database")
        .register(registry);
  }

  static final Duration QUEUE_COUNT_EVERY = Duration.ofSeconds(5);

  private static final class OpenEventsCount {
    private final EventQueue queue;
    private double last = Double.NaN;
    private long countedAt;

    OpenEventsCount(EventQueue queue) {
      this.queue = queue;
    }

    synchronized double get() {
      long now = System.nanoTime();
      if (Double.isNaN(last) || now - countedAt >= QUEUE_COUNT_EVERY.toNanos()) {
        try {
          last = queue.openEvents();
        } catch (RuntimeException e) {
          last = Double.NaN;
        }
        countedAt = now;
      }
      return last;
    }
  }

  void event(Platform platform, Acceptance acceptance) {
    registry
        .counter("cria.events", "platform", platform.id(), "outcome", lower(acceptance))
        .increment();
  }

  /** An event refused by the {@code CRIA_ALLOW_*} lists: {@code cria_access_refused_total}. */
  void accessRefused(Platform platform, String reason) {
    registry
        .counter("cria.access.refused", "platform", platform.id(), "reason", reason)
        .increment();
  }

  /** A vote on an answer: {@code cria_feedback_total{platform,model,rating="up|down"}}. */
  void feedback(Platform platform, String model, int rating) {
    registry
        .counter(
            "cria.feedback",
            "platform",
            platform.id(),
            "model",
            model,
            "rating",
            rating > 0 ? "up" : "down")
        .increment();
  }

  void answer(Platform platform, Outcome outcome) {
    registry
        .counter("cria.answers", "platform", platform.id(), "outcome", lower(outcome))
        .increment();
  }

  void modelLatency(Duration latency) {
    modelLatency.record(latency);
  }

  void firstToken(Duration latency) {
    firstToken.record(latency);
  }

  void tokens(Integer prompt, Integer completion) {
    if (prompt != null) {
      promptTokens.increment(prompt);
    }
    if (completion != null) {
      completionTokens.increment(completion);
    }
  }

  void moderation(String direction, boolean flagged) {
    registry
        .counter(
            "cria.moderation.checks", "direction", direction, "flagged", String.valueOf(flagged))
        .increment();
  }

  /** One tool call's end: {@code ok}, {@code failed} or {@code timeout}. */
  void toolCall(String tool, String outcome) {
    registry.counter("cria.tool.calls", "tool", tool, "outcome", outcome).increment();
  }

  void error(String kind) {
    registry.counter("cria.errors", "kind", kind).increment();
  }

  private Counter tokens(String type) {
    return Counter.builder("cria.model.tokens")
        .description("Tokens the model read (prompt) and wrote (completion)")
        .tag("type", type)
        .register(registry);
  }

  private static String lower(Enum<?> value) {
    return value.name().toLowerCase(Locale.ROOT);
  }
}
