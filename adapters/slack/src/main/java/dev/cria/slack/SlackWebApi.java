package dev.cria.slack;

import com.slack.api.Slack;
import com.slack.api.app_backend.slash_commands.SlashCommandResponseSender;
import com.slack.api.app_backend.slash_commands.response.SlashCommandResponse;
import com.slack.api.methods.MethodsClient;
import com.slack.api.methods.SlackApiException;
import com.slack.api.methods.SlackApiTextResponse;
import com.slack.api.methods.response.chat.ChatPostMessageResponse;
import com.slack.api.methods.response.chat.ChatStartStreamResponse;
import com.slack.api.model.User;
import dev.failsafe.Failsafe;
import dev.failsafe.FailsafeExecutor;
import dev.failsafe.RetryPolicy;
import java.io.IOException;
import java.time.Duration;

/**
 * The Slack Web API calls Cria makes, each one retried when Slack says so: HTTP 429 waits for
 * {@code Retry-After}, transient errors back off exponentially. What cannot be delivered ends in a
 * {@link SlackCallException}. Progress calls ({@code quick}) are tried once: the next update
 * carries the same text anyway.
 */
public class SlackWebApi {

  /** Waits longer than this are not worth it for a chat answer. */
  static final Duration LONGEST_WAIT = Duration.ofSeconds(30);

  private final Slack slack;
  private final MethodsClient methods;
  private final FailsafeExecutor<Object> retrying;

  public SlackWebApi(Slack slack, String botToken, int maxRetries) {
    this.slack = slack;
    this.methods = slack.methods(botToken);
    RetryPolicy<Object> policy =
        RetryPolicy.builder()
            .handleIf(failure -> failure instanceof SlackCallException e && e.isTransient())
            .withBackoff(Duration.ofMillis(500), Duration.ofSeconds(8))
            .withDelayFn(SlackWebApi::retryAfter)
            .withMaxRetries(maxRetries)
            .withMaxDuration(Duration.ofMinutes(2))
            .build();
    this.retrying = Failsafe.with(policy);
  }

  /** Posts a message (mrkdwn), in the thread when {@code threadTs} is set; returns its ts. */
  public String postMessage(String channel, String threadTs, String text) {
    ChatPostMessageResponse response =
        call(
            "chat.postMessage",
            true,
            () ->
                methods.chatPostMessage(
                    r ->
                        r.channel(channel)
                            .threadTs(threadTs)
                            .text(text)
                            .unfurlLinks(false)
                            .unfurlMedia(false)));
    return response.getTs();
  }

  public void update(String channel, String ts, String text, boolean quick) {
    call(
        "chat.update", !quick, () -> methods.chatUpdate(r -> r.channel(channel).ts(ts).text(text)));
  }

  public void delete(String channel, String ts) {
    call("chat.delete", false, () -> methods.chatDelete(r -> r.channel(channel).ts(ts)));
  }

  public void setStatus(String channel, String threadTs, String status) {
    call(
        "assistant.threads.setStatus",
        false,
        () ->
            methods.assistantThreadsSetStatus(
                r -> r.channelId(channel).threadTs(threadTs).status(status)));
  }

  /** Starts a streamed message in a thread; returns its ts. */
  public String startStream(SlackReplyAddress to, String markdown) {
    ChatStartStreamResponse response =
        call(
            "chat.startStream",
            false,
            () ->
                methods.chatStartStream(
                    r ->
                        r.channel(to.channel())
                            .threadTs(to.threadTs())
                            .markdownText(markdown)
                            .recipientUserId(to.userId())
                            .recipientTeamId(to.teamId())));
    return response.getTs();
  }

  public void appendStream(String channel, String ts, String markdown) {
    call(
        "chat.appendStream",
        false,
        () -> methods.chatAppendStream(r -> r.channel(channel).ts(ts).markdownText(markdown)));
  }

  public void stopStream(String channel, String ts, String markdown) {
    call(
        "chat.stopStream",
        true,
        () ->
            methods.chatStopStream(
                r -> r.channel(channel).ts(ts).markdownText(markdown.isEmpty() ? null : markdown)));
  }

  /** The name people see for a user: display name, else real name, else user name. */
  public String userName(String userId) {
    User user = call("users.info", false, () -> methods.usersInfo(r -> r.user(userId))).getUser();
    User.Profile profile = user.getProfile();
    if (profile != null && notBlank(profile.getDisplayName())) {
      return profile.getDisplayName();
    }
    if (profile != null && notBlank(profile.getRealName())) {
      return profile.getRealName();
    }
    return notBlank(user.getRealName()) ? user.getRealName() : user.getName();
  }

  /** Answers a slash command through its response URL, visible to the person who typed it. */
  public void respond(String responseUrl, String text) {
    var sender = new SlashCommandResponseSender(slack);
    var body = SlashCommandResponse.builder().responseType("ephemeral").text(text).build();
    retrying.run(
        () -> {
          int code;
          try {
            code = sender.send(responseUrl, body).getCode();
          } catch (IOException e) {
            throw new SlackCallException("response_url", "io_error", null, e);
          }
          if (code != 200) {
            throw new SlackCallException("response_url", "http_" + code);
          }
        });
  }

  private <T extends SlackApiTextResponse> T call(String method, boolean retry, Call<T> call) {
    if (!retry) {
      return attempt(method, call);
    }
    try {
      return retrying.get(() -> attempt(method, call));
    } catch (dev.failsafe.FailsafeException e) {
      throw new SlackCallException(method, "interrupted", null, e);
    }
  }

  private static <T extends SlackApiTextResponse> T attempt(String method, Call<T> call) {
    T response;
    try {
      response = call.run();
    } catch (IOException e) {
      throw new SlackCallException(method, "io_error", null, e);
    } catch (SlackApiException e) {
      int status = e.getResponse().code();
      Duration wait =
          status == 429 ? retryAfterHeader(e.getResponse().header("Retry-After")) : null;
      throw new SlackCallException(method, "http_" + status, wait, null);
    }
    if (!response.isOk()) {
      throw new SlackCallException(method, String.valueOf(response.getError()));
    }
    return response;
  }

  private static Duration retryAfter(dev.failsafe.ExecutionContext<Object> context) {
    return context.getLastException() instanceof SlackCallException e && e.retryAfter() != null
        ? e.retryAfter()
        : Duration.ofMillis(-1);
  }

  static Duration retryAfterHeader(String value) {
    long seconds = 1;
    try {
      seconds = value == null ? 1 : Long.parseLong(value.strip());
    } catch (NumberFormatException e) {
      // Slack sends whole seconds; anything else gets the shortest wait.
    }
    Duration wait = Duration.ofSeconds(Math.max(1, seconds));
    return wait.compareTo(LONGEST_WAIT) > 0 ? LONGEST_WAIT : wait;
  }

  private static boolean notBlank(String value) {
    return value != null && !value.isBlank();
  }

  @FunctionalInterface
  private interface Call<T> {
    T run() throws IOException, SlackApiException;
  }
}
