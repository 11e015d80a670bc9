package dev.cria.slack;

import com.slack.api.model.Message;
import java.util.Map;

/**
 * The Slack message metadata every message of an answer carries ({@code event_type} {@value
 * #EVENT_TYPE}, {@code event_payload} naming the event it answers), so that a replica taking over
 * an event can find what its predecessor posted with {@code conversations.replies}. {@code
 * chat.startStream} takes no metadata: a stream is tagged when it is stopped, and its ts is
 * recorded before any text goes into it.
 */
final class SlackReplyTag {

  static final String EVENT_TYPE = "cria_reply";
  static final String EVENT_ID = "event_id";

  private SlackReplyTag() {}

  /** The metadata for the messages answering {@code eventId}, or null without an event id. */
  static Message.Metadata of(String eventId) {
    if (eventId == null) {
      return null;
    }
    return Message.Metadata.builder()
        .eventType(EVENT_TYPE)
        .eventPayload(Map.of(EVENT_ID, eventId))
        .build();
  }

  /** The event a message answers, from its metadata, or null when it carries none of Cria's. */
  static String eventOf(Message message) {
    Message.Metadata metadata = message.getMetadata();
    if (metadata == null || !EVENT_TYPE.equals(metadata.getEventType())) {
      return null;
    }
    Object id =
        metadata.getEventPayload() == null ? null : metadata.getEventPayload().get(EVENT_ID);
    return id == null ? null : id.toString();
  }
}
