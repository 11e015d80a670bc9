package dev.cria.discord;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.cria.fakes.FakeDiscord;
import dev.cria.fakes.FakeDiscordCall;
import dev.cria.testing.PipelineHarness;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import net.dv8tion.jda.api.utils.data.DataArray;
import net.dv8tion.jda.api.utils.data.DataObject;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * Cria installed to a user's account, over the fake Discord: the commands that work there are
 * registered for user installs and group DMs, and a command in a group DM Cria is not in (context
 * 2, only the user's install authorizing it) is answered through the interaction's webhook alone, a
 * long answer folded into five messages, with no call on the channel.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class DiscordUserInstallTest {

  private FakeDiscord discord;
  private PipelineHarness app;

  @BeforeAll
  void start() {
    discord = new FakeDiscord();
    app = PipelineHarness.start(new HashMap<>(discord.properties()));
    discord.awaitConnected(1);
  }

  @AfterAll
  void stop() {
    app.close();
    discord.close();
  }

  @Test
  void askHelpUsageAndAskCriaAreRegisteredForUserInstallsAndGroupDms() {
    discord.awaitTrue(() -> discord.globalCommands().contains("\"ask\""), "commands registered");
    DataArray commands = DataArray.fromJson(discord.globalCommands());
    for (String name : List.of("ask", "help", "usage", "Ask Cria")) {
      DataObject command = command(commands, name);
      assertEquals("[0,1]", numbers(command, "integration_types"), name);
      assertEquals("[0,1,2]", numbers(command, "contexts"), name);
    }
    assertEquals("[0]", numbers(command(commands, "chat"), "integration_types"));
  }

  @Test
  void aLongAnswerInAGroupDmComesThroughTheWebhookInFiveMessages() {
    FakeDiscord.Interaction ask =
        discord.userInstalledCommand("ask", Map.of("prompt", "[[long:12000]] a long one"));
    discord.awaitTrue(
        () -> {
          List<String> parts = discord.answerOf(ask);
          return !parts.isEmpty() && parts.getLast().contains("Ask for the rest");
        },
        "the last message says where it was cut");
    List<String> parts = discord.answerOf(ask);
    assertEquals(5, parts.size(), "the original and four follow-ups: " + parts.size());
    for (String part : parts) {
      assertTrue(part.length() <= 2000, "within a message's limit: " + part.length());
    }
    List<FakeDiscordCall> channelCalls =
        discord.calls().stream().filter(c -> c.route().startsWith("channels/")).toList();
    assertEquals(List.of(), channelCalls, "nothing but the webhook");
  }

  /** A list of numbers as JSON; JDA sends them as strings, which Discord takes alike. */
  private static String numbers(DataObject command, String field) {
    return command.getArray(field).toString().replace("\"", "");
  }

  private static DataObject command(DataArray commands, String name) {
    for (int i = 0; i < commands.length(); i++) {
      if (commands.getObject(i).getString("name").equals(name)) {
        return commands.getObject(i);
      }
    }
    throw new AssertionError(name + " not registered: " + commands);
  }
}
