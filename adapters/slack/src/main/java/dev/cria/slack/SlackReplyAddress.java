package dev.cria.slack;

import java.net.URLDecoder;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;
import java.util.StringJoiner;

/**
 * Where an answer goes, carried through the core as an opaque string ({@code
 * ChatEvent.replyAddress}): the channel, the thread (null for a top-level DM), the person asking
 * (streaming to a channel names its recipient), for slash commands the response URL, and the ts of
 * the message answered ({@code askedTs}): only Cria's messages after it can belong to the answer.
 */
record SlackReplyAddress(
    String channel,
    String threadTs,
    String userId,
    String teamId,
    String responseUrl,
    String askedTs) {

  SlackReplyAddress {
    Objects.requireNonNull(channel, "channel");
  }

  static SlackReplyAddress thread(String channel, String threadTs, String userId, String teamId) {
    return new SlackReplyAddress(channel, threadTs, userId, teamId, null, null);
  }

  /** The same address, answering the message {@code ts}. */
  SlackReplyAddress asked(String ts) {
    return new SlackReplyAddress(channel, threadTs, userId, teamId, responseUrl, ts);
  }

  static SlackReplyAddress command(String channel, String userId, String teamId, String url) {
    return new SlackReplyAddress(channel, null, userId, teamId, url, null);
  }

  boolean isCommand() {
    return responseUrl != null;
  }

  String encode() {
    StringJoiner out = new StringJoiner("&");
    put(out, "channel", channel);
    put(out, "thread", threadTs);
    put(out, "user", userId);
    put(out, "team", teamId);
    put(out, "response_url", responseUrl);
    put(out, "asked", askedTs);
    return out.toString();
  }

  static SlackReplyAddress decode(String text) {
    Map<String, String> fields = new HashMap<>();
    for (String pair : text.split("&")) {
      int eq = pair.indexOf('=');
      if (eq > 0) {
        fields.put(
            pair.substring(0, eq),
            URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
      }
    }
    if (!fields.containsKey("channel")) {
      throw new IllegalArgumentException("not a Slack reply address: " + text);
    }
    return new SlackReplyAddress(
        fields.get("channel"),
        fields.get("thread"),
        fields.get("user"),
        fields.get("team"),
        fields.get("response_url"),
        fields.get("asked"));
  }

  private static void put(StringJoiner out, String name, String value) {
    if (value != null) {
      out.add(name + "=" + URLEncoder.encode(value, StandardCharsets.UTF_8));
    }
  }
}
