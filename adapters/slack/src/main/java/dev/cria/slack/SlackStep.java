package dev.cria.slack;

import com.slack.api.methods.SlackApiException;
import dev.cria.chat.ConnectionProblems;
import java.io.IOException;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The steps of connecting to Slack, and what to tell the operator when one fails: which variable to
 * check for a refused token, where Slack was looked for when it is unreachable, and that the jar is
 * broken when a class is missing. Never includes a token.
 */
enum SlackStep {
  CHECK_BOT_TOKEN("checking SLACK_BOT_TOKEN with auth.test", "SLACK_BOT_TOKEN"),
  OPEN_SOCKET_MODE("opening Socket Mode with SLACK_APP_TOKEN", "SLACK_APP_TOKEN");

  /** Slack's errors for a token it does not take, as Bolt puts them into exception messages. */
  private static final Pattern TOKEN_REFUSED =
      Pattern.compile(
          "\\b(invalid_auth|not_authed|token_revoked|token_expired|account_inactive"
              + "|not_allowed_token_type|missing_scope)\\b");

  private final String doing;
  private final String variable;

  SlackStep(String doing, String variable) {
    this.doing = doing;
    this.variable = variable;
  }

  String doing() {
    return doing;
  }

  /** One line saying what failed and what to check. */
  String advice(Throwable failure, SlackSettings settings) {
    String missing = ConnectionProblems.missingClass(failure);
    if (missing != null) {
      return doing + " failed: " + ConnectionProblems.missingClassAdvice(missing);
    }
    String slackError = slackError(failure);
    if (slackError != null) {
      return doing
          + " failed: Slack answered "
          + slackError
          + "; check "
          + variable
          + (this == OPEN_SOCKET_MODE
              ? " (an app-level token, xapp-, with the connections:write scope)"
              : " (the Bot User OAuth Token, xoxb-, of an installed app)");
    }
    Throwable cause = rootCause(failure);
    if (cause instanceof IOException) {
      return doing
          + " failed: Slack is unreachable at "
          + settings.apiUrl()
          + " ("
          + cause.getClass().getSimpleName()
          + "); check the network, a proxy, or SLACK_API_URL";
    }
    return doing + " failed: " + cause.getClass().getSimpleName();
  }

  private static String slackError(Throwable failure) {
    for (Throwable t = failure; t != null; t = t.getCause()) {
      if (t instanceof SlackCallException call) {
        return call.error();
      }
      if (t instanceof SlackApiException api && api.getError() != null) {
        return api.getError().getError();
      }
      Matcher refused = TOKEN_REFUSED.matcher(String.valueOf(t.getMessage()));
      if (refused.find()) {
        return refused.group(1);
      }
    }
    return null;
  }

  private static Throwable rootCause(Throwable failure) {
    Throwable cause = failure;
    while (cause.getCause() != null && cause.getCause() != cause) {
      cause = cause.getCause();
    }
    return cause;
  }
}
