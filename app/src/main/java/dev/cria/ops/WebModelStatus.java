package dev.cria.ops;

import dev.cria.core.ChatModel;
import dev.cria.core.ConversationDefaults;
import dev.cria.core.ModelBreaker;
import dev.cria.core.ModelException;
import dev.cria.llama.LlamaSettings;
import dev.cria.web.ModelStatus;
import io.micronaut.context.annotation.Requires;
import jakarta.inject.Singleton;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * The model server as the web pages see it: {@code GET /models}, asked at most every {@link
 * #CACHE}, else the configured model alone; the guard model and the circuit breaker.
 */
@Singleton
@Requires(property = "cria.web.enabled", notEquals = "false")
class WebModelStatus implements ModelStatus {

  static final Duration CACHE = Duration.ofSeconds(30);

  private record Probe(boolean reachable, List<String> models, String problem, Instant at) {}

  private final ChatModel model;
  private final LlamaSettings llama;
  private final ConversationDefaults defaults;
  private final ModelBreaker breaker;
  private volatile Probe last;

  WebModelStatus(
      ChatModel model, LlamaSettings llama, ConversationDefaults defaults, ModelBreaker breaker) {
    this.model = model;
    this.llama = llama;
    this.defaults = defaults;
    this.breaker = breaker;
  }

  @Override
  public State state() {
    Probe probe = probe();
    return new State(
        withoutCredentials(llama.effectiveBaseUrl()),
        llama.model(),
        probe.reachable(),
        probe.models(),
        llama.moderates() ? llama.moderationModel() + " (" + llama.moderation() + ")" : "off",
        defaults.outputModeration(),
        breaker.state(),
        probe.problem());
  }

  private Probe probe() {
    Probe probe = last;
    if (probe != null && probe.at().isAfter(Instant.now().minus(CACHE))) {
      return probe;
    }
    try {
      List<String> models = model.models();
      probe =
          new Probe(true, models.isEmpty() ? List.of(llama.model()) : models, null, Instant.now());
    } catch (ModelException | IllegalStateException e) {
      probe = new Probe(false, List.of(llama.model()), e.getMessage(), Instant.now());
    }
    last = probe;
    return probe;
  }

  private static String withoutCredentials(String url) {
    try {
      URI uri = URI.create(url);
      return uri.getUserInfo() == null ? url : url.replace(uri.getRawUserInfo() + "@", "");
    } catch (IllegalArgumentException e) {
      return url;
    }
  }
}
