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
 */
@ConfigurationProperties("cria.slack")
public record SlackSettings(
    String botToken,
    @Nullable String signingSecret,
    @Nullable String appToken,
    @Bindable(defaultValue = DEFAULT_API_URL) String apiUrl,
    @Bindable(defaultValue = "true") boolean replyInThreads) {

  public static final String DEFAULT_API_URL = "https://slack.com/api/";

  public SlackSettings {
    if (blank(appToken) && blank(signingSecret)) {
      throw new IllegalStateException(
          "SLACK_BOT_TOKEN is set but neither SLACK_APP_TOKEN (Socket Mode) nor"
              + " SLACK_SIGNING_SECRET (HTTP Events API) is: set one of them");
    }
    apiUrl = apiUrl.endsWith("/") ? apiUrl : apiUrl + "/";
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
    return "SlackSettings[apiUrl=%s, socketMode=%s, replyInThreads=%s, tokens=***]"
        .formatted(apiUrl, socketMode(), replyInThreads);
  }
}
