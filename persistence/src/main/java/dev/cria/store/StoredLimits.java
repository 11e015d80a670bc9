package dev.cria.store;

import dev.cria.chat.ChatEvent;

/**
 * The column sizes of {@code inbound_event} and {@code chat_message} (see V1__init.sql), checked
 * before an event is stored: an id or key longer than its column would fail the insert, the adapter
 * would answer the platform with a 5xx, and every redelivery would fail the same way. Platforms
 * never send such values; a forged or broken request might. The same goes for U+0000, which
 * PostgreSQL cannot store in text: an id or key holding one is refused, and in free text (messages,
 * names, prompts, answers) it becomes U+FFFD.
 */
final class StoredLimits {

  static final int KEY = 255;
  static final int EVENT_ID = 255;
  static final int USER_ID = 128;
  static final int MESSAGE_ID = 128;
  static final int NAME = 255;
  static final int REPLY_ADDRESS = 2000;

  private StoredLimits() {}

  /**
   * @throws IllegalArgumentException naming the first field too long to store
   */
  static void check(ChatEvent event) {
    within("conversation key", event.conversation().toString(), KEY);
    within("event id", event.eventId(), EVENT_ID);
    within("author id", event.author().id(), USER_ID);
    within("message id", event.messageId(), MESSAGE_ID);
    within("reply address", event.replyAddress(), REPLY_ADDRESS);
    noNul("conversation key", event.conversation().toString());
    noNul("event id", event.eventId());
    noNul("author id", event.author().id());
    noNul("message id", event.messageId());
  }

  /** Free text as the database can hold it: U+0000 replaced by U+FFFD. */
  static String text(String value) {
    return value == null || value.indexOf('\u0000') < 0 ? value : value.replace('\u0000', '\uFFFD');
  }

  /** A MIME type cut to what {@code turn_attachment.mime_type} holds. */
  static String mimeType(String mimeType) {
    String type = text(mimeType);
    return type == null || type.length() <= 128 ? type : type.substring(0, 128);
  }

  /** A display name cut to what the column holds; it is only shown to the model. */
  static String name(String displayName) {
    String name = text(displayName);
    return name == null || name.length() <= NAME ? name : name.substring(0, NAME);
  }

  private static void noNul(String field, String value) {
    if (value != null && value.indexOf('\u0000') >= 0) {
      throw new IllegalArgumentException("the " + field + " contains U+0000");
    }
  }

  private static void within(String field, String value, int limit) {
    if (value != null && value.length() > limit) {
      throw new IllegalArgumentException(
          "the " + field + " has " + value.length() + " characters, at most " + limit + " fit");
    }
  }
}
