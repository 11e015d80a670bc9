package dev.cria.core;

import io.micronaut.context.annotation.ConfigurationProperties;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.core.bind.annotation.Bindable;

/**
 * Defaults for every conversation ({@code CRIA_*} variables); channels and threads override the
 * first three with the {@code model} and {@code system} commands.
 *
 * @param contextTokens the history budget: older turns are dropped to stay within it
 * @param outputModeration {@code on}: answers stream as they are written and are checked when
 *     complete (a flagged answer is replaced by a notice); {@code strict}: nothing is shown until
 *     the answer passed the check; {@code off}: answers are not checked
 * @param retentionDays stored turns older than this are purged; 0 keeps them forever
 */
@ConfigurationProperties("cria.conversation")
public record ConversationDefaults(
    @Bindable(defaultValue = DEFAULT_SYSTEM_PROMPT) String systemPrompt,
    @Nullable Double temperature,
    @Nullable Integer maxCompletionTokens,
    @Bindable(defaultValue = "16000") int contextTokens,
    @Bindable(defaultValue = "on") String outputModeration,
    @Bindable(defaultValue = "0") int retentionDays) {

  public static final String DEFAULT_SYSTEM_PROMPT =
      "You are Cria, a helpful assistant in a team chat. Answer clearly and concisely. Use"
          + " Markdown for structure and code. Several people may take part; each user turn starts"
          + " with the author's name.";

  public boolean checksOutput() {
    return !"off".equals(outputModeration);
  }

  public boolean holdsOutputUntilChecked() {
    return "strict".equals(outputModeration);
  }
}
