package dev.cria.discord;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.cria.chat.Platform;
import dev.cria.fakes.FakeDiscord;
import dev.cria.fakes.FakeDiscordCall;
import dev.cria.fakes.FakeDiscordPayloads;
import dev.cria.fakes.FakeLlamaApiRequest;
import dev.cria.testing.PipelineHarness;
import io.micronaut.transaction.TransactionOperations;
import java.sql.Connection;
import java.sql.ResultSet;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * Regenerate on Discord end to end over the fake Discord: the button beside 👍/👎 is acked with a
 * deferred edit, the question is answered again through the queue, the new answer is written into
 * the message the button is on (the click's {@code @original}) and replaces the old one in the
 * history. Someone who did not ask gets an ephemeral notice; a bot's click is ignored.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class DiscordRegenerateTest {

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
  void regenerateRewritesTheAnswerInItsMessageAndOnlyTheAskerMayPressIt() {
    FakeDiscord.Interaction ask = discord.slashCommand("ask", Map.of("prompt", "Again?"), null);
    discord.awaitTrue(
        () -> {
          String id = discord.answerMessageId(ask);
          return id != null && discord.componentsOf(id).contains("cria:rg:" + id);
        },
        "the answer with its Regenerate button");
    String answer = discord.answerMessageId(ask);
    discord.awaitTrue(
        () -> app.store.conversationOfMessage(Platform.DISCORD, answer).isPresent(),
        "the answer's message recorded");
    long asked = answersAsked();

    FakeDiscord.Interaction click =
        discord.buttonClick(answer, "cria:rg:" + answer, FakeDiscordPayloads.USER_ID, false);
    awaitAck(click);
    discord.awaitTrue(() -> count("superseded_by IS NOT NULL") == 1, "the old answer superseded");
    FakeDiscordCall edit =
        discord.await(
            c ->
                c.method().equals("PATCH")
                    && c.route().contains(click.token() + "/messages/" + answer)
                    && c.body().contains("cria:rg:" + answer),
            "the new answer, with its buttons, written into the clicked message");
    assertTrue(edit.body().contains("Again?"), edit.body());
    assertEquals(asked + 1, answersAsked(), "asked the model once more");
    assertEquals(1, count("superseded_by IS NULL"), "one answer in the history");

    // Bob did not ask: told privately, nothing asked.
    FakeDiscord.Interaction bob = discord.buttonClick(answer, "cria:rg:" + answer, BOB, false);
    awaitAck(bob);
    FakeDiscordCall notice =
        discord.await("POST", "webhooks/\\d+/" + java.util.regex.Pattern.quote(bob.token()));
    assertEquals(64, notice.json().getInt("flags"), "ephemeral");
    assertTrue(notice.json().getString("content").startsWith("Only the person who asked"));
    awaitAck(discord.buttonClick(answer, "cria:rg:" + answer, BOT, true));
    assertEquals(asked + 1, answersAsked(), "refused clicks asked nothing");
    assertEquals(2, count("1 = 1"));
  }

  /** The model's streamed calls (Llama Guard's checks are not streamed). */
  private long answersAsked() {
    return app.llama.requests().stream().filter(FakeLlamaApiRequest::streaming).count();
  }

  /** Discord's ack of a component click that leaves the message as it is: type 6. */
  private void awaitAck(FakeDiscord.Interaction click) {
    FakeDiscordCall ack = discord.await("POST", "interactions/" + click.id() + "/[^/]+/callback");
    assertEquals(6, ack.json().getInt("type"));
  }

  @SuppressWarnings("unchecked")
  private long count(String condition) {
    TransactionOperations<Connection> transactions =
        app.context.getBean(TransactionOperations.class);
    return transactions.executeRead(
        status -> {
          try (var query =
                  status
                      .getConnection()
                      .prepareStatement(
                          "SELECT COUNT(*) FROM chat_message WHERE role = 'assistant' AND "
                              + condition);
              ResultSet result = query.executeQuery()) {
            result.next();
            return result.getLong(1);
          }
        });
  }
}
