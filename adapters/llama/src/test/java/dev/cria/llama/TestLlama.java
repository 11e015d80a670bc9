package dev.cria.llama;

import dev.cria.core.ChatRequest;
import dev.cria.core.ChatTurn;
import dev.cria.llama.RetryPolicies.Backoff;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Duration;
import java.util.List;

/** Builds clients pointed at a {@link dev.cria.fakes.FakeLlamaApi}, with a tiny backoff. */
final class TestLlama {

  static final String API_KEY = "LLM|607358788850350|test-secret-do-not-leak";
  static final String MODEL = "Llama-4-Scout-17B-16E-Instruct-FP8";
  static final Backoff FAST = new Backoff(Duration.ofMillis(1), Duration.ofMillis(5));

  final LlamaSettings settings;
  final MeterRegistry registry = new SimpleMeterRegistry();
  final LlamaTransport transport;

  private TestLlama(LlamaSettings settings) {
    this.settings = settings;
    this.transport = new LlamaTransport(settings, registry, FAST);
  }

  static TestLlama nativeApi(String baseUrl) {
    return with(API_KEY, baseUrl, "llama", Duration.ofSeconds(10));
  }

  static TestLlama openAi(String baseUrl) {
    return with(API_KEY, baseUrl, "openai", Duration.ofSeconds(10));
  }

  static TestLlama with(String apiKey, String baseUrl, String style, Duration readTimeout) {
    return with(apiKey, baseUrl, style, readTimeout, "moderations", "Llama-Guard", "");
  }

  /** A client as Cria's defaults make it for Ollama: no key, OpenAI style, Llama Guard. */
  static TestLlama ollama(String baseUrl) {
    return with(null, baseUrl, "openai", Duration.ofSeconds(10), "guard", "llama-guard3:1b", "");
  }

  static TestLlama with(
      String apiKey,
      String baseUrl,
      String style,
      Duration readTimeout,
      String moderation,
      String moderationModel,
      String allow) {
    return new TestLlama(
        new LlamaSettings(
            apiKey,
            baseUrl,
            MODEL,
            style,
            moderation,
            moderationModel,
            null,
            allow,
            Duration.ofSeconds(2),
            readTimeout,
            2,
            LlamaSettings.DEFAULT_VISION_MODELS,
            "auto"));
  }

  LlamaChatClient client() {
    return new LlamaChatClient(transport);
  }

  LlamaModerator moderator() {
    return new LlamaModerator(transport);
  }

  /** How many calls ended with this outcome. */
  double requests(String endpoint, String outcome) {
    var counter =
        registry
            .find(LlamaMetrics.REQUESTS)
            .tag("endpoint", endpoint)
            .tag("outcome", outcome)
            .counter();
    return counter == null ? 0 : counter.count();
  }

  double retries(String endpoint) {
    var counter = registry.find(LlamaMetrics.RETRIES).tag("endpoint", endpoint).counter();
    return counter == null ? 0 : counter.count();
  }

  static ChatRequest ask(String userMessage) {
    return new ChatRequest(
        MODEL, List.of(ChatTurn.system("Be brief."), ChatTurn.user(userMessage)), null, null, null);
  }
}
