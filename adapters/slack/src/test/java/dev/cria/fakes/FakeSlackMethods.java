package dev.cria.fakes;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicLong;

/**
 * What the fake Slack's Web API methods do: a message store for {@code chat.*}, a user directory
 * for {@code users.info}, the identity for {@code auth.test}, and the Socket Mode URL for {@code
 * apps.connections.open}.
 */
final class FakeSlackMethods {

  static final String TEAM_ID = "T0TEAM";
  static final String BOT_USER_ID = "U0CRIA";
  static final String BOT_ID = "B0CRIA";

  private final List<FakeSlackMessage> messages = new CopyOnWriteArrayList<>();
  private final Map<String, String> displayNames = new ConcurrentHashMap<>();
  private final java.util.Set<String> admins = ConcurrentHashMap.newKeySet();
  private final AtomicLong nextTs = new AtomicLong();
  private volatile String socketModeUrl;

  List<FakeSlackMessage> messages() {
    return messages;
  }

  void displayName(String userId, String name) {
    displayNames.put(userId, name);
  }

  void admin(String userId) {
    admins.add(userId);
  }

  void socketModeUrl(String url) {
    socketModeUrl = url;
  }

  /** The JSON answer to one method call, or null for an unknown method. */
  JsonObject answer(String method, Map<String, String> form) {
    JsonObject out = new JsonObject();
    out.addProperty("ok", true);
    switch (method) {
      case "auth.test" -> {
        out.addProperty("url", "https://cria-test.slack.com/");
        out.addProperty("team", "Cria Test");
        out.addProperty("user", "cria");
        out.addProperty("team_id", TEAM_ID);
        out.addProperty("user_id", BOT_USER_ID);
        out.addProperty("bot_id", BOT_ID);
      }
      case "chat.postMessage" -> post(out, form, form.get("text"), false);
      case "chat.startStream" -> post(out, form, form.get("markdown_text"), true);
      case "chat.appendStream", "chat.stopStream" -> {
        FakeSlackMessage message = find(form);
        if (message == null || !message.streaming()) {
          return error(message == null ? "message_not_found" : "message_not_in_streaming_state");
        }
        message.append(form.get("markdown_text"));
        if (method.equals("chat.stopStream")) {
          message.metadata(form.get("metadata"));
          message.stop();
        }
        out.addProperty("channel", message.channel());
        out.addProperty("ts", message.ts());
      }
      case "chat.update" -> {
        FakeSlackMessage message = find(form);
        if (message == null) {
          return error("message_not_found");
        }
        message.replace(form.get("text"));
        message.metadata(form.get("metadata"));
        out.addProperty("channel", message.channel());
        out.addProperty("ts", message.ts());
        out.addProperty("text", message.text());
      }
      case "chat.delete" -> {
        FakeSlackMessage message = find(form);
        if (message == null) {
          return error("message_not_found");
        }
        messages.remove(message);
      }
      case "conversations.replies" -> {
        out.add("messages", replies(form));
        out.addProperty("has_more", false);
      }
      case "users.info" -> out.add("user", user(form.get("user")));
      case "apps.connections.open" -> {
        if (socketModeUrl == null) {
          return error("no_socket_mode_server");
        }
        out.addProperty("url", socketModeUrl);
      }
      case "chat.postEphemeral" -> out.addProperty("message_ts", ts());
      case "assistant.threads.setStatus", "reactions.add", "bots.info" -> {}
      case "assistant.threads.setSuggestedPrompts" -> {
        String problem = promptsProblem(form);
        if (problem != null) {
          return error(problem);
        }
      }
      case "agents.sessions.rename" -> {
        if (form.get("channel_id") == null || form.get("thread_ts") == null) {
          return error("invalid_arguments");
        }
        if (form.get("title") == null || form.get("title").isBlank()) {
          return error("invalid_title");
        }
      }
      case "agents.sessions.setStatus" -> {
        if (form.get("channel_id") == null
            || !java.util.Set.of("active", "processing", "suspended", "closed")
                .contains(form.get("status"))) {
          return error("invalid_arguments");
        }
      }
      default -> {
        return null;
      }
    }
    return out;
  }

  /**
   * Why a {@code setSuggestedPrompts} call would be refused, or null: it names a channel and sends
   * {@code prompts} as a JSON array of one to four objects, each with a title and a message.
   */
  private static String promptsProblem(Map<String, String> form) {
    if (form.get("channel_id") == null || form.get("prompts") == null) {
      return "invalid_arguments";
    }
    JsonArray prompts;
    try {
      prompts = JsonParser.parseString(form.get("prompts")).getAsJsonArray();
    } catch (RuntimeException e) {
      return "invalid_prompts";
    }
    if (prompts.isEmpty() || prompts.size() > 4) {
      return "invalid_prompts";
    }
    for (var prompt : prompts) {
      JsonObject object = prompt.isJsonObject() ? prompt.getAsJsonObject() : null;
      if (object == null || !object.has("title") || !object.has("message")) {
        return "invalid_prompts";
      }
    }
    return null;
  }

  void responseUrl(Map<String, String> body) {
    messages.add(new FakeSlackMessage("response_url", ts(), null, body.get("text"), false));
  }

  private void post(JsonObject out, Map<String, String> form, String text, boolean streamed) {
    String channel = form.get("channel");
    var message = new FakeSlackMessage(channel, ts(), form.get("thread_ts"), text, streamed);
    if (!streamed) {
      // chat.startStream takes no metadata.
      message.metadata(form.get("metadata"));
    }
    messages.add(message);
    out.addProperty("channel", channel);
    out.addProperty("ts", message.ts());
  }

  /** The message a call names by channel and ts, or null. */
  FakeSlackMessage find(Map<String, String> form) {
    for (FakeSlackMessage message : messages) {
      if (message.channel().equals(form.get("channel")) && message.ts().equals(form.get("ts"))) {
        return message;
      }
    }
    return null;
  }

  private JsonArray replies(Map<String, String> form) {
    JsonArray out = new JsonArray();
    for (FakeSlackMessage message : messages) {
      if (message.channel().equals(form.get("channel"))
          && form.get("ts") != null
          && (form.get("ts").equals(message.threadTs()) || form.get("ts").equals(message.ts()))) {
        JsonObject item = new JsonObject();
        item.addProperty("type", "message");
        item.addProperty("user", BOT_USER_ID);
        item.addProperty("bot_id", BOT_ID);
        item.addProperty("ts", message.ts());
        item.addProperty("thread_ts", message.threadTs());
        item.addProperty("text", message.text());
        // Slack returns metadata only when asked with include_all_metadata.
        String withMetadata = form.getOrDefault("include_all_metadata", "false");
        if (message.metadata() != null
            && (withMetadata.equals("1") || withMetadata.equals("true"))) {
          item.add("metadata", JsonParser.parseString(message.metadata()));
        }
        out.add(item);
      }
    }
    return out;
  }

  private JsonObject user(String id) {
    String display = displayNames.getOrDefault(id, "");
    JsonObject profile = new JsonObject();
    profile.addProperty("display_name", display);
    profile.addProperty("real_name", "User " + id);
    JsonObject user = new JsonObject();
    user.addProperty("id", id);
    user.addProperty("name", id.toLowerCase(Locale.ROOT));
    user.addProperty("real_name", "User " + id);
    user.addProperty("is_admin", admins.contains(id));
    user.addProperty("is_owner", false);
    user.add("profile", profile);
    return user;
  }

  /** Like Slack's: the time in seconds and microseconds, rising with every message. */
  private String ts() {
    long micros =
        nextTs.updateAndGet(last -> Math.max(last + 1, System.currentTimeMillis() * 1000));
    return "%d.%06d".formatted(micros / 1_000_000, micros % 1_000_000);
  }

  static JsonObject error(String error) {
    JsonObject out = new JsonObject();
    out.addProperty("ok", false);
    out.addProperty("error", error);
    return out;
  }
}
