package dev.cria.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.cria.chat.ConversationKey;
import dev.cria.testing.TestEvents;
import org.junit.jupiter.api.Test;

/** What PostgreSQL cannot store never reaches it: overlong ids and U+0000. */
class StoredLimitsTest {

  private static final ConversationKey KEY = ConversationKey.parse("slack:T1:C1:1.1");

  @Test
  void nulInFreeTextBecomesTheReplacementCharacter() {
    assertEquals("a\uFFFDb\uFFFD", StoredLimits.text("a\u0000b\u0000"));
    assertEquals("plain", StoredLimits.text("plain"));
    assertNull(StoredLimits.text(null));
    assertEquals("Ada\uFFFD", StoredLimits.name("Ada\u0000"));
  }

  @Test
  void nulInAnIdIsRefused() {
    var error =
        assertThrows(
            IllegalArgumentException.class,
            () -> StoredLimits.check(TestEvents.message(KEY, "Ev\u00001", "hi")));
    assertTrue(error.getMessage().contains("event id"), error.getMessage());
  }

  @Test
  void anOverlongReplyAddressIsRefused() {
    var event =
        new dev.cria.chat.ChatEvent(
            KEY,
            "Ev1",
            "m1",
            dev.cria.chat.Author.human("U1", "Ada"),
            "hi",
            null,
            java.time.Instant.now(),
            "r".repeat(2001));

    var error = assertThrows(IllegalArgumentException.class, () -> StoredLimits.check(event));
    assertTrue(error.getMessage().contains("reply address"), error.getMessage());
  }

  @Test
  void anOverlongEventIdIsRefusedWithItsLength() {
    var error =
        assertThrows(
            IllegalArgumentException.class,
            () -> StoredLimits.check(TestEvents.message(KEY, "E".repeat(300), "hi")));
    assertTrue(error.getMessage().contains("300 characters"), error.getMessage());
  }
}
