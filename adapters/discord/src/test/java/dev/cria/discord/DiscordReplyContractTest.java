package dev.cria.discord;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import dev.cria.chat.Reply;
import dev.cria.chat.ReplyContract;
import dev.cria.fakes.FakeDiscord;
import dev.cria.fakes.FakeDiscordCall;
import dev.cria.fakes.FakeDiscordPayloads;
import dev.cria.testing.RecordingConversationService;
import io.micronaut.context.ApplicationContext;
import java.util.HashMap;
import java.util.List;
import net.dv8tion.jda.api.utils.data.DataObject;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;

/**
 * The reply contract on Discord, in a guild channel, over the fake Discord REST API and gateway.
 */
class DiscordReplyContractTest extends ReplyContract {

  private static final String CHANNEL = FakeDiscordPayloads.CHANNEL_ID;

  private FakeDiscord discord;
  private ApplicationContext context;
  private DiscordReplyPort port;

  @BeforeEach
  void start() {
    discord = new FakeDiscord();
    context =
        ApplicationContext.builder()
            .properties(new HashMap<String, Object>(discord.properties()))
            .singletons(new RecordingConversationService())
            .start();
    discord.awaitConnected(1);
    port = context.getBean(DiscordReplyPort.class);
  }

  @AfterEach
  void stop() {
    context.close();
    discord.close();
  }

  private static String address() {
    return new ReplyAddress.ToChannel(CHANNEL, null, null).encode();
  }

  @Override
  protected Reply open() {
    return port.open(address(), null);
  }

  @Override
  protected Reply resume(String messageId) {
    return port.open(address(), messageId);
  }

  @Override
  protected List<String> shown() {
    return discord.messagesIn(CHANNEL).stream().map(m -> m.getString("content")).toList();
  }

  @Override
  protected int maxLength() {
    return OutgoingMessages.MAX_LENGTH;
  }

  @Override
  protected void assertNoBroadcastPings() {
    for (FakeDiscordCall call : discord.calls()) {
      if ((call.method().equals("POST") && call.route().endsWith("/messages"))
          || call.method().equals("PATCH")) {
        DataObject allowed = call.json().getObject("allowed_mentions");
        assertEquals(0, allowed.getArray("parse").length(), call + " may ping");
        assertFalse(allowed.getBoolean("replied_user"), call + " pings the asker");
      }
    }
  }
}
