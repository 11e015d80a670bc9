package dev.cria.discord;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Reply addresses, shard ranges, thread names, the invite link and the settings' log line. */
class SmallPartsTest {

  @ParameterizedTest
  @ValueSource(
      strings = {
        "interaction:1350000000000001000:1350000000000000200:aW50ZXJh:Y3Rpb24-x_y.z",
        "channel:1350000000000000200:1350000000000003000:-",
        "channel:1350000000000000700:-:-",
        "channel:1350000000000000500:1350000000000003002:1350000000000000300"
      })
  void replyAddressesRoundTrip(String encoded) {
    assertEquals(encoded, ReplyAddress.decode(encoded).encode());
  }

  @Test
  void aReplyAddressNeverShowsItsTokenInLogs() {
    ReplyAddress address = new ReplyAddress.ToInteraction("1", "2", "secret-token");

    assertFalse(address.toString().contains("secret-token"));
    assertThrows(IllegalArgumentException.class, () -> ReplyAddress.decode("slack:C1:1.2"));
  }

  @Test
  void shardRangesNameTheShardsOfThisProcess() {
    ShardRange range = ShardRange.parse("0-1/4");

    assertEquals(new ShardRange(0, 1, 4), range);
    assertEquals(2, range.count());
    assertEquals(new ShardRange(2, 2, 4), ShardRange.parse("2/4"));
    assertEquals("0-1/4", range.toString());
    // (1350000000000000100 >> 22) % 4 = 3
    assertFalse(range.holdsGuild(1350000000000000100L));
    assertTrue(ShardRange.parse("2-3/4").holdsGuild(1350000000000000100L));
    assertThrows(IllegalArgumentException.class, () -> ShardRange.parse("4/4"));
    assertThrows(IllegalArgumentException.class, () -> ShardRange.parse("all"));
  }

  @Test
  void threadNamesAreThePromptOnOneLineCutAt100() {
    assertEquals("Plan a trek", ThreadNames.of("  Plan a\n trek "));
    assertEquals("Chat with Cria", ThreadNames.of(" "));
    String longPrompt = "llama ".repeat(40);
    String name = ThreadNames.of(longPrompt);
    assertTrue(name.length() <= ThreadNames.MAX_NAME, name);
    assertTrue(name.endsWith("llama…"), name);
  }

  @Test
  void theInviteAsksForBotAndCommandsScopesAndTheNeededPermissions() {
    String link = InviteLink.forApplication("1350000000000000001");

    assertEquals(
        "https://discord.com/oauth2/authorize?client_id=1350000000000000001"
            + "&scope=bot+applications.commands&permissions=309237730304",
        link);
  }

  @Test
  void settingsHideTheTokenAndDefaultTheReadyTimeout() {
    DiscordSettings settings =
        new DiscordSettings(
            "MTAx.secret.token", null, "0-1/2", "http://127.0.0.1:1/api/v10", null, null, null);

    assertFalse(settings.toString().contains("secret"));
    assertEquals(Duration.ofSeconds(60), settings.readyTimeout());
    assertEquals("http://127.0.0.1:1/api/v10/", settings.restBaseUrl().orElseThrow());
    assertEquals(new ShardRange(0, 1, 2), settings.shardRange().orElseThrow());
    assertTrue(settings.commandGuild().isEmpty());
    assertFalse(settings.usesComponentsV2(), "off unless asked for");
  }

  @Test
  void onlyAUserInstallOutsideCriasDmIsWebhookOnly() {
    assertFalse(InstallContext.webhookOnly(interaction(0, "{\"0\":\"1\",\"1\":\"2\"}")));
    assertTrue(InstallContext.webhookOnly(interaction(0, "{\"1\":\"2\"}")), "not in the server");
    assertFalse(InstallContext.webhookOnly(interaction(1, "{\"1\":\"2\"}")), "Cria's own DM");
    assertTrue(InstallContext.webhookOnly(interaction(2, "{\"1\":\"2\"}")), "a group DM");
    assertFalse(
        InstallContext.webhookOnly(net.dv8tion.jda.api.utils.data.DataObject.fromJson("{}")),
        "payloads from before user installs");
  }

  private static net.dv8tion.jda.api.utils.data.DataObject interaction(int context, String owners) {
    return net.dv8tion.jda.api.utils.data.DataObject.fromJson(
        "{\"context\":" + context + ",\"authorizing_integration_owners\":" + owners + "}");
  }
}
