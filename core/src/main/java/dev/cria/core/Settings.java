package dev.cria.core;

/**
 * The settings in force for a conversation: its own, else its channel's, else the configured
 * defaults. Null fields mean "not set at this level".
 */
public record Settings(
    String model, String systemPrompt, Double temperature, Integer maxCompletionTokens) {

  public static final Settings NONE = new Settings(null, null, null, null);

  /** These settings, with gaps filled from {@code fallback}. */
  public Settings orElse(Settings fallback) {
    return new Settings(
        model != null ? model : fallback.model,
        systemPrompt != null ? systemPrompt : fallback.systemPrompt,
        temperature != null ? temperature : fallback.temperature,
        maxCompletionTokens != null ? maxCompletionTokens : fallback.maxCompletionTokens);
  }
}
