package dev.cria.discord;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.cria.fakes.FakeDiscord;
import dev.cria.fakes.FakeDiscordCall;
import dev.cria.fakes.FakeDiscordPayloads;
import dev.cria.testing.PipelineHarness;
import dev.cria.testing.TestTools;
import java.util.HashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * A side-effecting tool on Discord, end to end over the fake Discord: the answer asks to confirm
 * the call with Run and Cancel ({@code cria:tc:run:<id>}); a click is acked with a deferred edit;
 * someone else's click gets an ephemeral notice, a bot's is ignored, neither runs anything; the
 * asker's Run runs the tool once and the answer with its result is a new follow-up message, the
 * request staying as it was; a second click changes nothing.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class DiscordToolConfirmTest {

  private static final String BOB = "1350000000000000301";
  private static final String BOT = "1350000000000000399";
  private static final Pattern RUN = Pattern.compile("cria:tc:run:([0-9a-f-]{36})");

  private FakeDiscord discord;
  private PipelineHarness app;
  private TestTools tools;

  @BeforeAll
  void start() {
    discord = new FakeDiscord();
    Map<String, Object> properties = new HashMap<>(discord.properties());
    properties.put("cria.test.tools", true);
    app = PipelineHarness.start(properties);
    tools = app.context.getBean(TestTools.class);
    discord.awaitConnected(1);
  }

  @AfterAll
  void stop() {
    app.close();
    discord.close();
  }

  @Test
  void onlyTheAskersRunRunsTheToolOnceAndTheAnswerIsANewMessage() {
    int before = tools.calls();
    FakeDiscord.Interaction ask =
        discord.slashCommand(
            "ask", Map.of("prompt", "Delete [[tool:" + TestTools.DELETE + "]]"), null);
    discord.awaitTrue(
        () -> {
          String id = discord.answerMessageId(ask);
          return id != null && RUN.matcher(discord.componentsOf(id)).find();
        },
        "the confirmation request with its Run button");
    String request = discord.answerMessageId(ask);
    Matcher run = RUN.matcher(discord.componentsOf(request));
    assertTrue(run.find());
    String runId = run.group();
    assertTrue(discord.componentsOf(request).contains("cria:tc:cancel:" + run.group(1)));
    assertTrue(discord.textOf(request).contains("Cria wants to run `" + TestTools.DELETE + "`"));
    assertEquals(before, tools.calls(), "not run before the click");

    FakeDiscord.Interaction bob = discord.buttonClick(request, runId, BOB, false);
    awaitAck(bob);
    FakeDiscordCall notice = discord.await("POST", "webhooks/\\d+/" + Pattern.quote(bob.token()));
    assertEquals(64, notice.json().getInt("flags"), "ephemeral");
    String text = notice.json().getString("content");
    assertTrue(text.startsWith("Only ") && text.endsWith(" can confirm this."), text);
    awaitAck(discord.buttonClick(request, runId, BOT, true));
    assertEquals(before, tools.calls(), "refused clicks ran nothing");

    FakeDiscord.Interaction click =
        discord.buttonClick(request, runId, FakeDiscordPayloads.USER_ID, false);
    awaitAck(click);
    discord.awaitTrue(
        () -> discord.answerOf(click).stream().anyMatch(t -> t.contains("Tool said: echo {}")),
        "the answer with the tool's result, as a follow-up of the click");
    assertEquals(before + 1, tools.calls(), "run once");
    assertTrue(
        discord.textOf(request).contains("Cria wants to run"), "the request was not replaced");

    FakeDiscord.Interaction again =
        discord.buttonClick(request, runId, FakeDiscordPayloads.USER_ID, false);
    awaitAck(again);
    FakeDiscordCall decided =
        discord.await("POST", "webhooks/\\d+/" + Pattern.quote(again.token()));
    assertTrue(
        decided.json().getString("content").startsWith("This was already confirmed"),
        decided.body());
    assertEquals(before + 1, tools.calls(), "a second click runs nothing");
  }

  /** Discord's ack of a component click that leaves the message as it is: type 6. */
  private void awaitAck(FakeDiscord.Interaction click) {
    FakeDiscordCall ack = discord.await("POST", "interactions/" + click.id() + "/[^/]+/callback");
    assertEquals(6, ack.json().getInt("type"));
  }
}
