package dev.cria.testing;

import dev.cria.chat.Author;
import dev.cria.chat.ChatEvent;
import dev.cria.chat.Command;
import dev.cria.chat.ConversationKey;
import java.time.Instant;

/** Chat events as an adapter would hand them over; the reply address is the event id. */
public final class TestEvents {

  private TestEvents() {}

  public static ChatEvent message(ConversationKey key, String eventId, String text) {
    return message(key, eventId, Author.human("U1", "Ada"), text);
  }

  public static ChatEvent message(ConversationKey key, String eventId, Author author, String text) {
    return new ChatEvent(key, eventId, "m-" + eventId, author, text, null, Instant.now(), eventId);
  }

  public static ChatEvent command(ConversationKey key, String eventId, Command command) {
    return new ChatEvent(
        key, eventId, null, Author.human("U1", "Ada"), "", command, Instant.now(), eventId);
  }
}
