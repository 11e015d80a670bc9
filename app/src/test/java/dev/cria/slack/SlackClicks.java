package dev.cria.slack;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Locale;

/** {@code block_actions} requests as Slack sends them when someone clicks a button of a message. */
final class SlackClicks {

  private SlackClicks() {}

  /** A click on the Regenerate button of message {@code messageTs}, form-encoded. */
  static String regenerate(
      String channel, String messageTs, String threadTs, String user, String triggerId) {
    return click(channel, messageTs, threadTs, user, "button", "cria_regenerate", "", triggerId);
  }

  /** A click on Run ({@code run}) or Cancel under a confirmation request, form-encoded. */
  static String confirmTool(
      String channel,
      String messageTs,
      String threadTs,
      String user,
      boolean run,
      String pendingId,
      String triggerId) {
    String action = run ? "cria_tool_run" : "cria_tool_cancel";
    return click(channel, messageTs, threadTs, user, "button", action, pendingId, triggerId);
  }

  static String click(
      String channelId,
      String messageTs,
      String threadTs,
      String user,
      String type,
      String actionId,
      String value,
      String triggerId) {
    JsonObject container = new JsonObject();
    container.addProperty("type", "message");
    container.addProperty("message_ts", messageTs);
    container.addProperty("channel_id", channelId);
    container.addProperty("is_ephemeral", false);
    container.addProperty("thread_ts", threadTs);
    JsonObject action = new JsonObject();
    action.addProperty("type", type);
    action.addProperty("action_id", actionId);
    action.addProperty("block_id", "b1");
    action.addProperty("value", value);
    action.addProperty("action_ts", "1700003001.000001");
    JsonArray actions = new JsonArray();
    actions.add(action);
    JsonObject team = new JsonObject();
    team.addProperty("id", "T0TEAM");
    team.addProperty("domain", "cria-test");
    JsonObject who = new JsonObject();
    who.addProperty("id", user);
    who.addProperty("username", user.toLowerCase(Locale.ROOT));
    who.addProperty("name", user.toLowerCase(Locale.ROOT));
    who.addProperty("team_id", "T0TEAM");
    JsonObject channel = new JsonObject();
    channel.addProperty("id", channelId);
    channel.addProperty("name", "clicks");
    JsonObject payload = new JsonObject();
    payload.addProperty("type", "block_actions");
    payload.add("team", team);
    payload.add("user", who);
    payload.addProperty("api_app_id", "A0CRIA");
    payload.addProperty("token", "unused-verification-token");
    payload.add("container", container);
    payload.addProperty("trigger_id", triggerId);
    payload.add("channel", channel);
    payload.add("actions", actions);
    return "payload=" + URLEncoder.encode(payload.toString(), StandardCharsets.UTF_8);
  }
}
