package dev.cria.llama;

import dev.cria.core.ModelException;
import jakarta.inject.Singleton;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Asks the model server which models it serves ({@code GET /models}) and whether those Cria needs
 * are among them: {@code LLAMA_MODEL}, and {@code LLAMA_MODERATION_MODEL} when Llama Guard is
 * called as a chat model. Ollama lists {@code llama3.2:latest} for {@code llama3.2}, so a name
 * without a tag matches its {@code :latest}. Keeps the last result for {@code /health}.
 */
@Singleton
public final class ModelServerCheck {

  private final LlamaChatClient client;
  private final LlamaSettings settings;
  private final AtomicBoolean refreshing = new AtomicBoolean();
  private volatile ModelServerStatus last;

  ModelServerCheck(LlamaChatClient client, LlamaSettings settings) {
    this.client = client;
    this.settings = settings;
  }

  /** Asks the server now. */
  public ModelServerStatus check() {
    ModelServerStatus status;
    try {
      List<String> served = ids(settings.effectiveBaseUrl());
      Map<String, String> missing = new LinkedHashMap<>();
      if (!serves(served, settings.model())) {
        missing.put("LLAMA_MODEL", settings.model());
      }
      if (settings.guardModeration()) {
        String guardUrl = settings.effectiveModerationBaseUrl();
        List<String> guards = guardUrl.equals(settings.effectiveBaseUrl()) ? served : ids(guardUrl);
        if (!serves(guards, settings.moderationModel())) {
          missing.put("LLAMA_MODERATION_MODEL", settings.moderationModel());
        }
      }
      status = new ModelServerStatus(url(), null, served, missing, Instant.now());
    } catch (ModelException e) {
      status = new ModelServerStatus(url(), e.getMessage(), List.of(), Map.of(), Instant.now());
    }
    last = status;
    return status;
  }

  /**
   * The last result, or null before the first; asks again in the background when it is older than
   * {@code maxAge}.
   */
  public ModelServerStatus last(Duration maxAge) {
    ModelServerStatus status = last;
    boolean stale = status == null || status.checkedAt().plus(maxAge).isBefore(Instant.now());
    if (stale && refreshing.compareAndSet(false, true)) {
      Thread.ofVirtual()
          .name("cria-model-server-check")
          .start(
              () -> {
                try {
                  check();
                } finally {
                  refreshing.set(false);
                }
              });
    }
    return status;
  }

  private List<String> ids(String baseUrl) {
    return client.fetchModels(baseUrl).stream().map(LlamaModel::id).toList();
  }

  static boolean serves(List<String> served, String model) {
    return served.contains(model) || (!model.contains(":") && served.contains(model + ":latest"));
  }

  private String url() {
    return settings.effectiveBaseUrl();
  }
}
