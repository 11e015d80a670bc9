package dev.cria.faults;

import java.util.ArrayList;
import java.util.List;

/**
 * Events API bodies that are valid JSON but broken as events, for {@link SlackBadInputTest}: a part
 * missing, of the wrong type, or longer than anything Slack sends.
 */
final class BadSlackPayloads {

  private BadSlackPayloads() {}

  /** Envelopes shaped like events with a part missing, of the wrong type, or out of bounds. */
  static List<String> brokenEnvelopes() {
    String event = "{\"type\":\"app_mention\",\"user\":\"U0ADA\",\"text\":\"<@U0CRIA> hi\"";
    List<String> events =
        List.of(
            event + "}",
            event + ",\"channel\":\"C0BAD\"}",
            event + ",\"ts\":\"1700000000.000100\"}",
            event + ",\"channel\":\"C0BAD\",\"ts\":\"not a number\"}",
            event + ",\"channel\":\"C0BAD\",\"ts\":\"1e999999999\"}",
            event + ",\"channel\":\"C0BAD\",\"ts\":\"-99999999999999999999.5\"}",
            event + ",\"channel\":\"C:0:BAD\",\"ts\":\"1700000000.000100\"}",
            event + ",\"channel\":\"  \",\"ts\":\"1700000000.000100\"}",
            event + ",\"channel\":{\"id\":\"C0BAD\"},\"ts\":\"1700000000.000100\"}",
            event + ",\"channel\":\"C0BAD\",\"ts\":[1700000000]}",
            event + ",\"channel\":\"" + "C".repeat(300) + "\",\"ts\":\"1700000000.000100\"}",
            event + ",\"channel\":\"C0BAD\",\"ts\":\"1700000000." + "1".repeat(300) + "\"}",
            "{\"type\":\"app_mention\",\"user\":\""
                + "U".repeat(400)
                + "\",\"channel\":\"C0BAD\",\"ts\":\"1700000000.000100\",\"text\":\"hi\"}",
            "{\"type\":\"message\",\"channel_type\":\"im\",\"user\":\"U0ADA\",\"text\":\"hi\"}",
            "{\"type\":\"message\",\"subtype\":\"message_changed\",\"channel\":\"C0BAD\"}",
            "{\"type\":\"message\",\"subtype\":\"message_changed\",\"channel\":\"C0BAD\","
                + "\"message\":{\"user\":\"U0ADA\",\"text\":\"x\"}}",
            "{\"type\":\"message\",\"subtype\":\"message_deleted\",\"channel\":\"C0BAD\","
                + "\"deleted_ts\":\"1700000000.000100\"}",
            "{\"type\":\"message\",\"subtype\":\"message_deleted\"}",
            "\"app_mention\"",
            "[]",
            "null");
    List<String> envelopes = new ArrayList<>();
    int n = 0;
    for (String e : events) {
      envelopes.add(envelope("EvBroken" + n++, "\"T0TEAM\"", e));
    }
    envelopes.add(envelope("EvNoTeam", "null", events.get(3)));
    envelopes.add(envelope("E".repeat(300), "\"T0TEAM\"", events.get(3)));
    envelopes.add(envelope("EvTeam", "\"T:1\"", events.get(3)));
    envelopes.add(envelope("EvTeamObj", "{\"id\":1}", events.get(3)));
    envelopes.add("{\"type\":\"event_callback\",\"team_id\":\"T0TEAM\",\"event\":{}}");
    envelopes.add("{\"type\":\"event_callback\",\"event_id\":\"EvNoEvent\"}");
    envelopes.add("{\"type\":\"url_verification\"}");
    envelopes.add("{\"type\":\"url_verification\",\"challenge\":{\"a\":1}}");
    return envelopes;
  }

  private static String envelope(String eventId, String team, String event) {
    return "{\"type\":\"event_callback\",\"team_id\":"
        + team
        + ",\"event_id\":\""
        + eventId
        + "\",\"event\":"
        + event
        + "}";
  }
}
