package dev.cria.discord;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.cria.chat.Platform;
import dev.cria.fakes.FakeDiscord;
import dev.cria.fakes.FakeDiscordCall;
import dev.cria.fakes.FakeDiscordPayloads;
import dev.cria.testing.PipelineHarness;
import io.micrometer.core.instrument.MeterRegistry;
import io.micronaut.transaction.TransactionOperations;
import java.sql.Connection;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * 👍/👎 on Discord end to end: a model's answer carries the buttons, a person's click arrives on
 * the gateway, is acked with a deferred edit and stored with the answer's model, system prompt
 * version and event id; a bot's click is acked and not counted; a command answer has no buttons.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class DiscordFeedbackTest {

  private static final String BOB = "1350000000000000301";
  private static final String BOT = "1350000000000000399";

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
  void anAnswerCarriesButtonsAndOnlyPeoplesClicksAreStored() {
    FakeDiscord.Interaction ask = discord.slashCommand("ask", Map.of("prompt", "Rate me"), null);
    discord.awaitTrue(
        () -> {
          String id = discord.answerMessageId(ask);
          return id != null && discord.componentsOf(id).contains("cria:fb:up:" + id);
        },
        "the answer with its feedback buttons");
    String answer = discord.answerMessageId(ask);
    assertTrue(discord.componentsOf(answer).contains("cria:fb:down:" + answer));
    discord.awaitTrue(
        () -> app.store.conversationOfMessage(Platform.DISCORD, answer).isPresent(),
        "the answer's message recorded");

    // One click after the other, each awaited: the events run concurrently on the event pool.
    String alice = FakeDiscordPayloads.USER_ID;
    awaitAck(discord.buttonClick(answer, "cria:fb:down:" + answer, alice, false));
    awaitVotes(List.of(alice + ":-1"));
    awaitAck(discord.buttonClick(answer, "cria:fb:up:" + answer, alice, false));
    awaitVotes(List.of(alice + ":1"));
    awaitAck(discord.buttonClick(answer, "cria:fb:up:" + answer, BOB, false));
    awaitVotes(List.of(alice + ":1", BOB + ":1"));
    FakeDiscord.Interaction bot = discord.buttonClick(answer, "cria:fb:down:" + answer, BOT, true);
    awaitAck(bot);
    MeterRegistry meters = app.context.getBean(MeterRegistry.class);
    discord.awaitTrue(
        () ->
            meters
                    .counter(
                        "cria.feedback", "platform", "discord", "model", model(), "rating", "up")
                    .count()
                == 2.0,
        "two up votes counted");
    assertEquals(
        1.0,
        meters
            .counter("cria.feedback", "platform", "discord", "model", model(), "rating", "down")
            .count(),
        "the bot's click is not counted");
    for (String detail : details()) {
      assertTrue(detail.matches("\\S+ [0-9a-f]{12} \\S+"), detail);
    }
  }

  @Test
  void aCommandsAnswerHasNoButtons() {
    FakeDiscord.Interaction help = discord.slashCommand("help", Map.of(), null);
    discord.awaitTrue(
        () -> String.join("\n", discord.answerOf(help)).contains("Commands"), "the help text");
    assertFalse(discord.componentsOf(discord.answerMessageId(help)).contains("cria:fb"));
  }

  private void awaitVotes(List<String> expected) {
    discord.awaitTrue(() -> votes().equals(expected), "votes " + expected + ", have " + votes());
  }

  /** Discord's ack of a component click that leaves the message as it is: type 6. */
  private void awaitAck(FakeDiscord.Interaction click) {
    FakeDiscordCall ack = discord.await("POST", "interactions/" + click.id() + "/[^/]+/callback");
    assertEquals(6, ack.json().getInt("type"));
  }

  private String model() {
    return details().getFirst().split(" ")[0];
  }

  private List<String> votes() {
    return query("SELECT user_id, rating FROM feedback ORDER BY user_id", 2);
  }

  private List<String> details() {
    return query("SELECT model, system_prompt_version, event_id FROM feedback ORDER BY user_id", 3);
  }

  @SuppressWarnings("unchecked")
  private List<String> query(String sql, int columns) {
    TransactionOperations<Connection> transactions =
        app.context.getBean(TransactionOperations.class);
    return transactions.executeRead(
        status -> {
          List<String> rows = new ArrayList<>();
          try (var query = status.getConnection().prepareStatement(sql);
              ResultSet result = query.executeQuery()) {
            while (result.next()) {
              List<String> values = new ArrayList<>();
              for (int i = 1; i <= columns; i++) {
                values.add(result.getString(i));
              }
              rows.add(String.join(columns == 2 ? ":" : " ", values));
            }
          }
          return rows;
        });
  }
}
