package dev.cria.fakes;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

/**
 * Events API payloads for tests: the recorded fixtures under {@code fixtures/slack/}, and fresh
 * envelopes built like them (a mention, a thread reply, a DM) with the ids a test needs.
 */
public final class FakeSlackEvents {

  private FakeSlackEvents() {}

  /** A fixture's text, e.g. {@code fixture("app_mention.json")}. */
  public static String fixture(String name) {
    String path = "fixtures/slack/" + name;
    try (InputStream in = FakeSlackEvents.class.getClassLoader().getResourceAsStream(path)) {
      if (in == null) {
        throw new IllegalArgumentException("no fixture " + path);
      }
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** An {@code app_mention} of Cria; {@code threadTs} null for a new thread. */
  public static String mention(
      String eventId, String channel, String ts, String threadTs, String user, String text) {
    JsonObject event = event("app_mention", channel, ts, threadTs, user);
    event.addProperty("text", "<@" + FakeSlackApi.BOT_USER_ID + "> " + text);
    return envelope(eventId, event);
  }

  /**
   * An {@code app_mention} with files shared along, as Slack sends it: a {@code files} list with
   * each file's {@code url_private} (see {@link FakeSlackApi#file}).
   */
  public static String mentionWithFiles(
      String eventId,
      String channel,
      String ts,
      String threadTs,
      String user,
      String text,
      FileShare... files) {
    JsonObject envelope =
        JsonParser.parseString(mention(eventId, channel, ts, threadTs, user, text))
            .getAsJsonObject();
    JsonArray list = new JsonArray();
    for (FileShare file : files) {
      JsonObject item = new JsonObject();
      item.addProperty("id", file.id());
      item.addProperty("name", file.name());
      item.addProperty("mimetype", file.mimeType());
      item.addProperty("size", file.size());
      item.addProperty("url_private", file.urlPrivate());
      list.add(item);
    }
    envelope.getAsJsonObject("event").add("files", list);
    return envelope.toString();
  }

  /** One entry of an event's {@code files}. */
  public record FileShare(String id, String name, String mimeType, long size, String urlPrivate) {}

  /** A thread reply in a channel, without a mention. */
  public static String threadReply(
      String eventId, String channel, String ts, String threadTs, String user, String text) {
    JsonObject event = event("message", channel, ts, threadTs, user);
    event.addProperty("text", text);
    event.addProperty("channel_type", "channel");
    return envelope(eventId, event);
  }

  /** A direct message to Cria; {@code threadTs} null for a top-level DM. */
  public static String dm(
      String eventId, String channel, String ts, String threadTs, String user, String text) {
    JsonObject event = event("message", channel, ts, threadTs, user);
    event.addProperty("text", text);
    event.addProperty("channel_type", "im");
    return envelope(eventId, event);
  }

  /** A fixture with its {@code event_id} replaced, for a second, distinct delivery. */
  public static String withEventId(String json, String eventId) {
    JsonObject envelope = JsonParser.parseString(json).getAsJsonObject();
    envelope.addProperty("event_id", eventId);
    return envelope.toString();
  }

  private static JsonObject event(
      String type, String channel, String ts, String threadTs, String user) {
    JsonObject event = new JsonObject();
    event.addProperty("type", type);
    event.addProperty("user", user);
    event.addProperty("ts", ts);
    if (threadTs != null) {
      event.addProperty("thread_ts", threadTs);
    }
    event.addProperty("team", FakeSlackApi.TEAM_ID);
    event.addProperty("channel", channel);
    event.addProperty("event_ts", ts);
    return event;
  }

  private static String envelope(String eventId, JsonObject event) {
    JsonObject envelope = new JsonObject();
    envelope.addProperty("token", "unused-verification-token");
    envelope.addProperty("team_id", FakeSlackApi.TEAM_ID);
    envelope.addProperty("api_app_id", "A0CRIA");
    envelope.add("event", event);
    envelope.addProperty("type", "event_callback");
    envelope.addProperty("event_id", eventId);
    envelope.addProperty("event_time", (long) Double.parseDouble(event.get("ts").getAsString()));
    return envelope.toString();
  }
}
