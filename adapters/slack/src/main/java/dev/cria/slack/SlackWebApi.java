package dev.cria.slack;

import com.slack.api.Slack;
import com.slack.api.app_backend.slash_commands.SlashCommandResponseSender;
import com.slack.api.app_backend.slash_commands.response.SlashCommandResponse;
import com.slack.api.methods.MethodsClient;
import com.slack.api.methods.SlackApiTextResponse;
import com.slack.api.methods.response.chat.ChatPostMessageResponse;
import com.slack.api.methods.response.chat.ChatStartStreamResponse;
import com.slack.api.model.User;
import com.slack.api.model.assistant.SuggestedPrompt;
import java.io.IOException;
import java.util.List;

/**
 * The Slack Web API calls Cria makes, each one retried when Slack says so ({@link SlackCalls}).
 * What cannot be delivered ends in a {@link SlackCallException}. Progress calls ({@code quick}) are
 * tried once: the next update carries the same text anyway.
 */
public class SlackWebApi {

  private final Slack slack;
  private final MethodsClient methods;
  private final SlackCalls calls;
  private final SlackLeftMessages leftMessages;

  public SlackWebApi(Slack slack, String botToken, int maxRetries) {
    this.slack = slack;
    this.methods = slack.methods(botToken);
    this.calls = new SlackCalls(maxRetries);
    this.leftMessages = new SlackLeftMessages(methods, calls);
  }

  /**
   * Posts a message (mrkdwn), in the thread when {@code threadTs} is set, tagged with the event it
   * answers (see {@link SlackReplyTag}); returns its ts.
   */
  public String postMessage(String channel, String threadTs, String text, String eventId) {
    return postMessage(channel, threadTs, text, null, eventId);
  }

  /** Posts a message with blocks ({@code blocks} JSON, null for none) and its text as fallback. */
  public String postMessage(
      String channel, String threadTs, String text, String blocks, String eventId) {
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
                            .blocksAsString(blocks)
                            .metadata(SlackReplyTag.of(eventId))
                            .unfurlLinks(false)
                            .unfurlMedia(false)));
    return response.getTs();
  }

  /** Replaces a message's text, keeping it tagged with the event it answers. */
  public void update(String channel, String ts, String text, String eventId, boolean quick) {
    update(channel, ts, text, null, eventId, quick);
  }

  /** Replaces a message's text and blocks ({@code blocks} JSON, null for none). */
  public void update(
      String channel, String ts, String text, String blocks, String eventId, boolean quick) {
    call(
        "chat.update",
        !quick,
        () ->
            methods.chatUpdate(
                r ->
                    r.channel(channel)
                        .ts(ts)
                        .text(text)
                        .blocksAsString(blocks)
                        .metadata(SlackReplyTag.of(eventId))));
  }

  /**
   * The ts of the messages this bot left in a thread that answer {@code eventId} (see {@link
   * SlackLeftMessages}), oldest first.
   */
  public List<String> leftFor(String channel, String threadTs, String askedTs, String eventId) {
    return leftMessages.find(channel, threadTs, askedTs, eventId);
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

  /** Clears a thread's status, retrying transient failures: a status must not stick. */
  public void clearStatus(String channel, String threadTs) {
    call(
        "assistant.threads.setStatus",
        true,
        () ->
            methods.assistantThreadsSetStatus(
                r -> r.channelId(channel).threadTs(threadTs).status("")));
  }

  /**
   * Sets the suggested prompts of Cria's pane ({@code assistant.threads.setSuggestedPrompts}): of
   * one thread, or with {@code threadTs} null of the DM's messages tab (agent messaging).
   */
  public void setSuggestedPrompts(
      String channel, String threadTs, List<SlackSuggestedPrompt> prompts) {
    List<SuggestedPrompt> slackPrompts =
        prompts.stream().map(p -> new SuggestedPrompt(p.title(), p.message())).toList();
    call(
        "assistant.threads.setSuggestedPrompts",
        true,
        () ->
            methods.assistantThreadsSetSuggestedPrompts(
                r -> r.channelId(channel).threadTs(threadTs).prompts(slackPrompts)));
  }

  /**
   * Names an agent thread in Slack's history of Cria's threads ({@code agents.sessions.rename}).
   */
  public void setTitle(String channel, String threadTs, String title) {
    call(
        "agents.sessions.rename",
        true,
        () ->
            methods.agentsSessionsRename(
                r -> r.channelId(channel).threadTs(threadTs).title(title)));
  }

  /**
   * Starts a streamed message in a thread, empty: its ts is returned to be recorded before any text
   * goes into it ({@code chat.startStream} takes no metadata, so an unrecorded stream could only be
   * found as an untagged message).
   */
  public String startStream(SlackReplyAddress to) {
    ChatStartStreamResponse response =
        call(
            "chat.startStream",
            false,
            () ->
                methods.chatStartStream(
                    r ->
                        r.channel(to.channel())
                            .threadTs(to.threadTs())
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

  /** Stops a stream, appending {@code markdown} (may be empty) and tagging the message. */
  public void stopStream(String channel, String ts, String markdown, String eventId) {
    stopStream(channel, ts, markdown, null, eventId);
  }

  /** Stops a stream, adding blocks ({@code blocks} JSON, null for none) under its text. */
  public void stopStream(
      String channel, String ts, String markdown, String blocks, String eventId) {
    call(
        "chat.stopStream",
        true,
        () ->
            methods.chatStopStream(
                r ->
                    r.channel(channel)
                        .ts(ts)
                        .markdownText(markdown.isEmpty() ? null : markdown)
                        .blocksAsString(blocks)
                        .metadata(SlackReplyTag.of(eventId))));
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

  /** Whether the user is an admin or owner of the workspace ({@code users.info}). */
  public boolean isWorkspaceAdmin(String userId) {
    User user = call("users.info", true, () -> methods.usersInfo(r -> r.user(userId))).getUser();
    return user.isAdmin() || user.isOwner() || user.isPrimaryOwner();
  }

  /** A message in the channel (and thread) that only {@code userId} sees. */
  public void postEphemeral(String channel, String threadTs, String userId, String text) {
    call(
        "chat.postEphemeral",
        true,
        () ->
            methods.chatPostEphemeral(
                r -> r.channel(channel).threadTs(threadTs).user(userId).text(text)));
  }

  /** Answers a slash command through its response URL, visible to the person who typed it. */
  public void respond(String responseUrl, String text) {
    var sender = new SlashCommandResponseSender(slack);
    var body = SlashCommandResponse.builder().responseType("ephemeral").text(text).build();
    calls.retrying(
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

  private <T extends SlackApiTextResponse> T call(
      String method, boolean retry, SlackCalls.Call<T> call) {
    return calls.call(method, retry, call);
  }

  private static boolean notBlank(String value) {
    return value != null && !value.isBlank();
  }
}
