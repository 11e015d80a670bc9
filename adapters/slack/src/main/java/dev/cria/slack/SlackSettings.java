package dev.cria.slack;

import io.micronaut.context.annotation.ConfigurationProperties;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.core.bind.annotation.Bindable;

/**
 * How Cria reaches Slack ({@code SLACK_*} variables, bound as {@code cria.slack.*}).
 *
 * @param botToken the bot token ({@code xoxb-}); setting it switches the adapter on
 * @param signingSecret verifies HTTP Events API requests; needed unless Socket Mode is used
 * @param appToken the app-level token ({@code xapp-}) that switches Socket Mode on
 * @param apiUrl the Web API prefix, e.g. {@code https://slack.com/api/}; tests and GovSlack change
 *     it
 * @param replyInThreads answer follow-ups in threads Cria is part of without a new mention
 * @param suggestedPrompts {@code CRIA_SLACK_SUGGESTED_PROMPTS}, {@code title=message|...}: the
 *     prompts shown when someone opens Cria's messages tab; none when unset
 */
@ConfigurationProperties("cria.slack")
public record SlackSettings(
    String botToken,
    @Nullable String signingSecret,
    @Nullable String appToken,
    @Bindable(defaultValue = DEFAULT_API_URL) String apiUrl,
    @Bindable(defaultValue = "true") boolean replyInThreads,
    @Nullable String suggestedPrompts) {

  public static final String DEFAULT_API_URL = "https://slack.com/api/";

  public SlackSettings {
    if (blank(appToken) && blank(signingSecret)) {
      throw new IllegalStateException(
          "SLACK_BOT_TOKEN is set but neither SLACK_APP_TOKEN (Socket Mode) nor"
              + " SLACK_SIGNING_SECRET (HTTP Events API) is: set one of them");
    }
    apiUrl = apiUrl.endsWith("/") ? apiUrl : apiUrl + "/";
    SlackSuggestedPrompt.parse(suggestedPrompts);
  }

  /** The suggested prompts, read from {@link #suggestedPrompts}. */
  public java.util.List<SlackSuggestedPrompt> prompts() {
    return SlackSuggestedPrompt.parse(suggestedPrompts);
  }

  /** Socket Mode (an outbound WebSocket, no public URL) rather than the HTTP Events API. */
  public boolean socketMode() {
    return !blank(appToken);
  }

  private static boolean blank(String value) {
    return value == null || value.isBlank();
  }

  @Override
  public String toString() {
    return "SlackSettings[apiUrl=%s, socketMode=%s, replyInThreads=%s, suggestedPrompts=%d, tokens=***]"
        .formatted(apiUrl, socketMode(), replyInThreads, prompts().size());
  }
}
