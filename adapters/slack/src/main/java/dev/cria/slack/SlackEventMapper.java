package dev.cria.slack;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import dev.cria.chat.Addressing;
import dev.cria.chat.Attachment;
import dev.cria.chat.Author;
import dev.cria.chat.ChatEvent;
import dev.cria.chat.Command;
import dev.cria.chat.CommandParser;
import dev.cria.chat.ConversationKey;
import dev.cria.chat.Platform;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Reads one Events API envelope ({@code event_callback}) and says what the platform said: a new
 * message (its conversation, whether it mentions Cria, whether it is a DM or sits in a thread, its
 * author's bot flag, its text and files), an edit or a delete. Pure: no Slack calls, no database,
 * no question to the core; whether Cria answers is the core's decision ({@code AddressingRules}).
 *
 * <p>Conversations: an {@code app_mention} names the thread it is in, or a new thread on itself. A
 * DM names the DM thread, or else the DM channel. A channel message names its thread, or a new
 * thread on itself. A {@code message} that mentions Cria in a channel is skipped because its {@code
 * app_mention} twin is handed over; so are Slack's bookkeeping subtypes. Edits and deletes of bots'
 * messages (Cria's own streamed edits among them) are skipped here, as they never change a turn.
 *
 * <p>Public for the property tests in {@code dev.cria.slack.fuzz}, which feed it arbitrary and
 * mutated envelopes.
 */
public final class SlackEventMapper {

  /** Message subtypes a person produces; every other subtype is Slack's bookkeeping. */
  private static final Set<String> USER_SUBTYPES =
      Set.of("file_share", "thread_broadcast", "me_message");

  private SlackEventMapper() {}

  /**
   * What one envelope means for Cria.
   *
   * @throws IllegalArgumentException when the event names a channel, thread or time Cria cannot use
   *     (Slack never sends such; the receiver skips it); nothing else is thrown
   */
  public static SlackInbound map(JsonObject envelope, String botUserId) {
    String team = string(envelope, "team_id");
    String eventId = string(envelope, "event_id");
    JsonObject event = object(envelope, "event");
    if (team == null || eventId == null || event == null) {
      return new SlackInbound.Skip("not an event callback");
    }
    String type = string(event, "type");
    if ("app_mention".equals(type)) {
      return mention(team, eventId, event, botUserId);
    }
    if ("message".equals(type)) {
      return message(team, eventId, event, botUserId);
    }
    return new SlackInbound.Skip("event type " + type);
  }

  private static SlackInbound mention(
      String team, String eventId, JsonObject event, String botUserId) {
    String ts = string(event, "ts");
    if (ts == null || string(event, "user") == null) {
      return new SlackInbound.Skip("a mention without a ts or a user");
    }
    String threadTs = string(event, "thread_ts");
    String thread = orElse(threadTs, ts);
    var key = new ConversationKey(Platform.SLACK, team, string(event, "channel"), thread);
    Addressing addressing =
        threadTs != null ? Addressing.inThread(true) : Addressing.inChannel(true, null);
    return new SlackInbound.Message(
        chatEvent(team, eventId, event, key, thread, botUserId, addressing));
  }

  private static SlackInbound message(
      String team, String eventId, JsonObject event, String botUserId) {
    String subtype = string(event, "subtype");
    if ("message_changed".equals(subtype)) {
      return changed(team, event, botUserId);
    }
    if ("message_deleted".equals(subtype)) {
      return deleted(team, event, botUserId);
    }
    if (subtype != null && !USER_SUBTYPES.contains(subtype)) {
      return new SlackInbound.Skip("message subtype " + subtype);
    }
    String ts = string(event, "ts");
    if (ts == null || string(event, "user") == null) {
      // Only people (and bots posting as users) have a user; the rest is integrations' output.
      return new SlackInbound.Skip("a message without a ts or a user");
    }
    String channel = string(event, "channel");
    String thread = string(event, "thread_ts");
    if (isDm(event)) {
      var key = new ConversationKey(Platform.SLACK, team, channel, thread);
      return new SlackInbound.Message(
          chatEvent(team, eventId, event, key, thread, botUserId, Addressing.direct()));
    }
    if (SlackInboundText.mentions(string(event, "text"), botUserId)) {
      return new SlackInbound.Skip("mentions Cria: handed over as app_mention");
    }
    String named = orElse(thread, ts);
    var key = new ConversationKey(Platform.SLACK, team, channel, named);
    Addressing addressing =
        thread != null ? Addressing.inThread(false) : Addressing.inChannel(false, null);
    return new SlackInbound.Message(
        chatEvent(team, eventId, event, key, named, botUserId, addressing));
  }

  private static SlackInbound changed(String team, JsonObject event, String botUserId) {
    JsonObject message = object(event, "message");
    JsonObject previous = object(event, "previous_message");
    if (message == null || fromBot(message, botUserId)) {
      return new SlackInbound.Skip("an edit of a bot's message");
    }
    String text = string(message, "text");
    if (previous != null && text != null && text.equals(string(previous, "text"))) {
      return new SlackInbound.Skip("message_changed without a text change");
    }
    String ts = string(message, "ts");
    String threadTs = string(message, "thread_ts");
    var key = key(team, event, threadTs, ts);
    return new SlackInbound.Edit(
        key, addressing(event, threadTs), ts, SlackInboundText.plain(text, botUserId));
  }

  private static SlackInbound deleted(String team, JsonObject event, String botUserId) {
    JsonObject previous = object(event, "previous_message");
    if (previous != null && fromBot(previous, botUserId)) {
      return new SlackInbound.Skip("a bot's message was deleted");
    }
    String ts =
        orElse(string(event, "deleted_ts"), previous == null ? null : string(previous, "ts"));
    if (ts == null) {
      return new SlackInbound.Skip("message_deleted without a ts");
    }
    String thread = previous == null ? null : string(previous, "thread_ts");
    return new SlackInbound.Delete(key(team, event, thread, ts), ts);
  }

  /** The conversation of a user's message: DMs without a thread are the DM channel. */
  private static ConversationKey key(String team, JsonObject event, String threadTs, String ts) {
    String channel = string(event, "channel");
    String thread = isDm(event) ? threadTs : orElse(threadTs, ts);
    return new ConversationKey(Platform.SLACK, team, channel, thread);
  }

  /** Where an edited message sits, as far as addressing goes (Slack has no reply chains). */
  private static Addressing addressing(JsonObject event, String threadTs) {
    if (isDm(event)) {
      return Addressing.direct();
    }
    return threadTs != null ? Addressing.inThread(false) : Addressing.inChannel(false, null);
  }

  private static ChatEvent chatEvent(
      String team,
      String eventId,
      JsonObject event,
      ConversationKey key,
      String replyThread,
      String botUserId,
      Addressing addressing) {
    String user = string(event, "user");
    String text = SlackInboundText.plain(string(event, "text"), botUserId);
    Command command = CommandParser.parse(text).orElse(null);
    String recipientTeam = orElse(string(event, "user_team"), orElse(string(event, "team"), team));
    String ts = string(event, "ts");
    var reply = SlackReplyAddress.thread(key.channel(), replyThread, user, recipientTeam).asked(ts);
    return new ChatEvent(
        key,
        eventId,
        ts,
        new Author(user, displayName(event), fromBot(event, botUserId)),
        text,
        command,
        time(ts),
        reply.encode(),
        files(event),
        addressing);
  }

  /** The files shared with a message ({@code files}), downloaded later from {@code url_private}. */
  static List<Attachment> files(JsonObject event) {
    JsonElement files = event.get("files");
    if (files == null || !files.isJsonArray()) {
      return List.of();
    }
    List<Attachment> attachments = new ArrayList<>();
    for (JsonElement element : files.getAsJsonArray()) {
      if (!element.isJsonObject()) {
        continue;
      }
      JsonObject file = element.getAsJsonObject();
      // A file hidden by the workspace's plan ("mode": "hidden_by_limit") or one Slack wants
      // looked up ("file_access": "check_file_info") comes without url_private: kept with no
      // source, so the user is told it could not be read.
      String url = orElse(string(file, "url_private"), "");
      attachments.add(
          new Attachment(
              orElse(string(file, "name"), string(file, "id")),
              string(file, "mimetype"),
              size(file),
              url));
    }
    return List.copyOf(attachments);
  }

  private static long size(JsonObject file) {
    JsonElement size = file.get("size");
    try {
      return size != null && size.isJsonPrimitive() ? Math.max(0, size.getAsLong()) : 0;
    } catch (NumberFormatException e) {
      return 0;
    }
  }

  /** Whether a bot wrote the message, Cria included: the one bot check of the Slack adapter. */
  private static boolean fromBot(JsonObject message, String botUserId) {
    String user = string(message, "user");
    return user == null
        || user.equals(botUserId)
        || string(message, "bot_id") != null
        || "bot_message".equals(string(message, "subtype"));
  }

  private static boolean isDm(JsonObject event) {
    return "im".equals(string(event, "channel_type"));
  }

  /**
   * The name the event itself carries, if any; otherwise the worker looks it up ({@code
   * users.info}, through {@link SlackReplyPort#authorName}), after the ack.
   */
  private static String displayName(JsonObject event) {
    JsonObject profile = object(event, "user_profile");
    if (profile == null) {
      return null;
    }
    String display = string(profile, "display_name");
    return display != null && !display.isBlank() ? display : string(profile, "real_name");
  }

  /** Slack's timestamps: epoch seconds, a dot, microseconds ({@code 1700000000.000100}). */
  private static final Pattern TS = Pattern.compile("\\d{1,12}(\\.\\d{1,9})?");

  static Instant time(String ts) {
    if (ts == null) {
      return Instant.now();
    }
    if (!TS.matcher(ts).matches()) {
      // Checked before BigDecimal, which would take "1e999999999" and then never finish.
      throw new IllegalArgumentException("not a Slack ts: " + abbreviated(ts));
    }
    BigDecimal seconds = new BigDecimal(ts);
    return Instant.ofEpochSecond(
        seconds.longValue(), seconds.remainder(BigDecimal.ONE).movePointRight(9).longValue());
  }

  static String string(JsonObject object, String name) {
    JsonElement element = object.get(name);
    return element == null || !element.isJsonPrimitive() ? null : element.getAsString();
  }

  static JsonObject object(JsonObject object, String name) {
    JsonElement element = object.get(name);
    return element != null && element.isJsonObject() ? element.getAsJsonObject() : null;
  }

  private static String abbreviated(String text) {
    return text.length() <= 40 ? text : text.substring(0, 40) + "…";
  }

  private static String orElse(String value, String fallback) {
    return value != null ? value : fallback;
  }
}
