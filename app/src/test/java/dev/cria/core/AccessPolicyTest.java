package dev.cria.core;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.cria.chat.Author;
import dev.cria.chat.ChatEvent;
import dev.cria.chat.ConversationKey;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class AccessPolicyTest {

  private static final AccessSettings EVERYONE =
      new AccessSettings(
          List.of(), List.of(), List.of(), true, List.of(), List.of(), List.of(), true, List.of());

  @Test
  void emptyListsLetEveryoneIn() {
    AccessPolicy policy = new AccessPolicy(EVERYONE);

    assertEquals(Optional.empty(), policy.refusal(slack("T1", "C1", "U1")));
    assertEquals(Optional.empty(), policy.refusal(slack("T1", "D1", "U1")));
    assertEquals(Optional.empty(), policy.refusal(discord("G1", "C1", List.of())));
    assertEquals(Optional.empty(), policy.refusal(discord("@me", "C9", List.of())));
  }

  @Test
  void slackListsNameTheirReason() {
    AccessPolicy policy =
        new AccessPolicy(
            new AccessSettings(
                List.of("T1"),
                List.of("C1"),
                List.of("U1"),
                false,
                List.of(),
                List.of(),
                List.of(),
                true,
                List.of()));

    assertEquals(Optional.empty(), policy.refusal(slack("T1", "C1", "U1")));
    assertEquals(Optional.of("team"), policy.refusal(slack("T2", "C1", "U1")));
    assertEquals(Optional.of("channel"), policy.refusal(slack("T1", "C2", "U1")));
    assertEquals(Optional.of("user"), policy.refusal(slack("T1", "C1", "U2")));
    assertEquals(Optional.of("dm"), policy.refusal(slack("T1", "D1", "U1")));
  }

  @Test
  void discordListsNameTheirReasonAndAThreadCountsAsItsChannel() {
    AccessPolicy policy =
        new AccessPolicy(
            new AccessSettings(
                List.of(),
                List.of(),
                List.of(),
                true,
                List.of("100"),
                List.of("200"),
                List.of("700", "701"),
                false,
                List.of()));

    assertEquals(Optional.empty(), policy.refusal(discord("100", "200", List.of("5", "701"))));
    ChatEvent inThread =
        event(
            new ConversationKey(dev.cria.chat.Platform.DISCORD, "100", "200", "300"),
            "9",
            List.of("700"));
    assertEquals(Optional.empty(), policy.refusal(inThread));
    assertEquals(Optional.of("guild"), policy.refusal(discord("101", "200", List.of("700"))));
    assertEquals(Optional.of("channel"), policy.refusal(discord("100", "201", List.of("700"))));
    assertEquals(Optional.of("role"), policy.refusal(discord("100", "200", List.of("5"))));
    assertEquals(Optional.of("dm"), policy.refusal(discord("@me", "C9", List.of())));
  }

  private static ChatEvent slack(String team, String channel, String user) {
    return event(ConversationKey.of(dev.cria.chat.Platform.SLACK, team, channel), user, List.of());
  }

  private static ChatEvent discord(String guild, String channel, List<String> roles) {
    return event(ConversationKey.of(dev.cria.chat.Platform.DISCORD, guild, channel), "9", roles);
  }

  private static ChatEvent event(ConversationKey key, String user, List<String> roles) {
    return new ChatEvent(
        key, "e1", "m1", new Author(user, "name", false, roles), "hi", null, Instant.now(), "a");
  }
}
