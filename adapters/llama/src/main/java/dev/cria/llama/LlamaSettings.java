package dev.cria.llama;

import io.micronaut.context.annotation.ConfigurationProperties;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.core.bind.annotation.Bindable;
import java.time.Duration;
import java.util.Arrays;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * How to reach the model server ({@code LLAMA_*} variables). The defaults fit a local Ollama: its
 * OpenAI-compatible {@code /v1}, no key, {@code llama3.2} answering and {@code llama-guard3:1b}
 * checking.
 *
 * @param apiKey sent as a bearer token only when set
 * @param baseUrl null for {@link #DEFAULT_BASE_URL}
 * @param apiStyle {@code openai} for OpenAI-compatible servers (Ollama, vLLM, llama.cpp, hosted
 *     providers), {@code llama} for servers that speak the native Llama API
 * @param moderation {@code guard} (Llama Guard as a chat model), <code>moderations</code> ({@code
 *     POST /moderations}) or {@code off}
 * @param moderationBaseUrl where the moderation model is served, null for the base URL (vLLM serves
 *     one model per server, so Llama Guard may live at another address)
 * @param moderationAllow comma-separated categories let through ({@code CRIA_MODERATION_ALLOW})
 * @param visionModels comma-separated model names that see images, {@code *} matching any run of
 *     characters, compared without case ({@code LLAMA_VISION_MODELS})
 * @param moderationImages whether images go to moderation too: {@code on}, {@code off}, or {@code
 *     auto}, which sends them when the moderation model is a Llama Guard 4 (Llama Guard 3 takes
 *     text only)
 */
@ConfigurationProperties("cria.llama")
public record LlamaSettings(
    @Nullable String apiKey,
    @Nullable String baseUrl,
    @Bindable(defaultValue = "llama3.2") String model,
    @Bindable(defaultValue = "openai") String apiStyle,
    @Bindable(defaultValue = "guard") String moderation,
    @Bindable(defaultValue = "llama-guard3:1b") String moderationModel,
    @Nullable String moderationBaseUrl,
    @Bindable(defaultValue = "") String moderationAllow,
    @Bindable(defaultValue = "5s") Duration connectTimeout,
    @Bindable(defaultValue = "60s") Duration readTimeout,
    @Bindable(defaultValue = "2") int maxRetries,
    @Bindable(defaultValue = DEFAULT_VISION_MODELS) String visionModels,
    @Bindable(defaultValue = "auto") String moderationImages) {

  /** Model families that take images: Llama 4, Llama 3.2 Vision, LLaVA, Gemma 3, Qwen-VL. */
  public static final String DEFAULT_VISION_MODELS =
      "*llama-4*,*llama4*,*vision*,*llava*,*gemma3*,*-vl*";

  /** Ollama's OpenAI-compatible endpoint on this machine. */
  public static final String DEFAULT_BASE_URL = "http://localhost:11434/v1";

  public static final String GUARD = "guard";
  public static final String MODERATIONS = "moderations";
  public static final String OFF = "off";

  public boolean openAiStyle() {
    return !"llama".equals(apiStyle);
  }

  public boolean hasApiKey() {
    return apiKey != null && !apiKey.isBlank();
  }

  /** Whether messages are checked at all. */
  public boolean moderates() {
    return !OFF.equals(moderation);
  }

  /** Whether Llama Guard is called as a chat model (rather than {@code POST /moderations}). */
  public boolean guardModeration() {
    return GUARD.equals(moderation);
  }

  /** The categories an operator lets through, upper case. */
  public Set<String> allowedCategories() {
    return Arrays.stream(moderationAllow.split(","))
        .map(category -> category.strip().toUpperCase(Locale.ROOT))
        .filter(category -> !category.isEmpty())
        .collect(Collectors.toUnmodifiableSet());
  }

  /** Whether a model is one of {@code LLAMA_VISION_MODELS}. */
  public boolean seesImages(String modelName) {
    return ModelPatterns.matches(visionModels, modelName);
  }

  /** Whether moderation is sent the images of a turn, not only its text. */
  public boolean moderationSeesImages() {
    return switch (moderationImages) {
      case "on" -> true;
      case "off" -> false;
      default -> ModelPatterns.matches("*guard-4*,*guard4*,*guard 4*", moderationModel);
    };
  }

  /** The base URL without a trailing slash. */
  public String effectiveBaseUrl() {
    String url = baseUrl != null && !baseUrl.isBlank() ? baseUrl : DEFAULT_BASE_URL;
    return url.endsWith("/") ? url.substring(0, url.length() - 1) : url;
  }

  /** Where moderation goes, without a trailing slash. */
  public String effectiveModerationBaseUrl() {
    if (moderationBaseUrl == null || moderationBaseUrl.isBlank()) {
      return effectiveBaseUrl();
    }
    String url = moderationBaseUrl;
    return url.endsWith("/") ? url.substring(0, url.length() - 1) : url;
  }

  @Override
  public String toString() {
    return "LlamaSettings[baseUrl=%s, model=%s, apiStyle=%s, moderation=%s, apiKey=%s]"
        .formatted(effectiveBaseUrl(), model, apiStyle, moderation, hasApiKey() ? "***" : "unset");
  }
}
