package dev.cria.discord;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import net.dv8tion.jda.api.utils.data.DataObject;
import net.dv8tion.jda.api.utils.messages.MessageCreateBuilder;
import net.dv8tion.jda.api.utils.messages.MessageRequest;
import org.junit.jupiter.api.Test;

/** Nothing Cria sends notifies anyone: no user, role, @everyone or @here, no reply ping. */
class OutgoingMessagesTest {

  private static final String PINGS =
      "@everyone @here <@1350000000000000300> <@&1350000000000000100>";

  @Test
  void newMessagesAllowNoMentions() {
    DataObject json = OutgoingMessages.create(PINGS).toData();

    assertNoPings(json);
    assertEquals(PINGS, json.getString("content"));
  }

  @Test
  void editsAllowNoMentions() {
    assertNoPings(OutgoingMessages.edit(PINGS).toData());
  }

  @Test
  void jdasDefaultsAllowNoMentionsOnceCriaStarts() {
    OutgoingMessages.disablePingsByDefault();

    assertTrue(MessageRequest.getDefaultMentions().isEmpty());
    assertFalse(MessageRequest.isDefaultMentionRepliedUser());
    assertNoPings(new MessageCreateBuilder().setContent(PINGS).build().toData());
  }

  private static void assertNoPings(DataObject message) {
    DataObject allowed = message.getObject("allowed_mentions");
    assertEquals(0, allowed.getArray("parse").length(), allowed.toString());
    assertFalse(allowed.getBoolean("replied_user"), allowed.toString());
    assertTrue(allowed.isNull("users") || allowed.getArray("users").isEmpty(), allowed.toString());
    assertTrue(allowed.isNull("roles") || allowed.getArray("roles").isEmpty(), allowed.toString());
  }
}
