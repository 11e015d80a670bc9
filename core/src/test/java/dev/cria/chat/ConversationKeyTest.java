package dev.cria.chat;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class ConversationKeyTest {

  @ParameterizedTest
  @ValueSource(
      strings = {
        "slack:T1:C1:1700000000.000100",
        "slack:T1:D42",
        "discord:G1:C1:T1",
        "discord:@me:C9",
        "discord:123456789012345678:223456789012345678:323456789012345678"
      })
  void formatsWhatItParses(String text) {
    ConversationKey key = ConversationKey.parse(text);

    assertEquals(text, key.toString());
    assertEquals(key, ConversationKey.parse(key.toString()));
  }

  @ParameterizedTest
  @ValueSource(strings = {"slack:T1", "irc:T1:C1", "slack::C1", "slack:T1:C1:a:b", ""})
  void refusesWhatIsNotAKey(String text) {
    assertThrows(IllegalArgumentException.class, () -> ConversationKey.parse(text));
  }

  @org.junit.jupiter.api.Test
  void channelKeyDropsTheThread() {
    ConversationKey key = ConversationKey.parse("slack:T1:C1:1700000000.000100");

    assertEquals("slack:T1:C1", key.channelKey().toString());
    assertEquals(key, key.channelKey().inThread("1700000000.000100"));
  }
}
