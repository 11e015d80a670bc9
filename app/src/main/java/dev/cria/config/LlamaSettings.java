package dev.cria.config;

import io.micronaut.context.annotation.ConfigurationProperties;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.core.bind.annotation.Bindable;
import java.time.Duration;

/**
 * How to reach the model API ({@code LLAMA_*} variables).
 *
 * @param apiStyle {@code llama} for the native Llama API, {@code openai} for OpenAI-compatible
 *     servers (Llama API {@code /compat/v1}, Ollama, vLLM, llama.cpp)
 * @param baseUrl null for the style's default
 */
@ConfigurationProperties("cria.llama")
public record LlamaSettings(
    @Nullable String apiKey,
    @Nullable String baseUrl,
    @Bindable(defaultValue = "Llama-4-Maverick-17B-128E-Instruct-FP8") String model,
    @Bindable(defaultValue = "llama") String apiStyle,
    @Bindable(defaultValue = "true") boolean moderation,
    @Bindable(defaultValue = "Llama-Guard") String moderationModel,
    @Bindable(defaultValue = "5s") Duration connectTimeout,
    @Bindable(defaultValue = "60s") Duration readTimeout,
    @Bindable(defaultValue = "2") int maxRetries) {

  public static final String LLAMA_BASE_URL = "https://api.llama.com/v1";
  public static final String OPENAI_COMPAT_BASE_URL = "https://api.llama.com/compat/v1";

  public boolean openAiStyle() {
    return "openai".equals(apiStyle);
  }

  public boolean configured() {
    return apiKey != null && !apiKey.isBlank();
  }

  /** The base URL without a trailing slash. */
  public String effectiveBaseUrl() {
    String url =
        baseUrl != null ? baseUrl : openAiStyle() ? OPENAI_COMPAT_BASE_URL : LLAMA_BASE_URL;
    return url.endsWith("/") ? url.substring(0, url.length() - 1) : url;
  }

  @Override
  public String toString() {
    return "LlamaSettings[baseUrl=%s, model=%s, apiStyle=%s, moderation=%s, apiKey=%s]"
        .formatted(effectiveBaseUrl(), model, apiStyle, moderation, configured() ? "***" : "unset");
  }
}
