package dev.cria.discord;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.cria.fakes.FakeDiscord;
import dev.cria.fakes.FakeLlamaApi;
import dev.cria.process.CriaProcess;
import dev.cria.testing.Await;
import dev.cria.testing.Texts;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Discord as the README sets it up, on the packaged jar as a process with the embedded database,
 * against the fake Discord REST API and gateway. A refused bot token is logged once with what to do
 * and shown in {@code /health}; once Discord takes it, Cria connects by itself and answers {@code
 * /ask}.
 */
class DiscordJarIT {

  private static final Duration STARTUP = Duration.ofSeconds(90);
  private static final Duration WAIT = Duration.ofSeconds(60);

  @TempDir Path work;
  private FakeDiscord discord;
  private FakeLlamaApi llama;
  private CriaProcess cria;

  @BeforeEach
  void start() {
    discord = new FakeDiscord();
    llama = FakeLlamaApi.ollama();
  }

  @AfterEach
  void stop() {
    if (cria != null) {
      cria.close();
    }
    llama.close();
    discord.close();
  }

  @Test
  void aRefusedTokenIsVisibleThenCriaConnectsAndAnswersAsk() {
    discord.rejectToken(true);
    Map<String, String> env = new HashMap<>();
    env.put("DISCORD_BOT_TOKEN", FakeDiscord.BOT_TOKEN);
    env.put("DISCORD_API_URL", discord.restBaseUrl());
    env.put("DISCORD_GATEWAY_URL", discord.gatewayUrl());
    env.put("LLAMA_BASE_URL", llama.baseUrl()); // an Ollama-shaped server, nothing else set
    env.put("CRIA_DATA_DIR", work.resolve("data").toString());
    cria = CriaProcess.startAlive("discord", env, STARTUP);

    Await.until(
        WAIT,
        "/health DOWN with a discord component naming DISCORD_BOT_TOKEN",
        () -> {
          var health = cria.get("/health");
          return health.statusCode() == 503
              && health.body().contains("\"discord\"")
              && health.body().contains("DISCORD_BOT_TOKEN");
        },
        () -> cria.get("/health").body());
    Await.until(
        WAIT,
        "a second login attempt",
        () ->
            discord.calls().stream().filter(call -> call.route().contains("users/@me")).count()
                >= 2);
    assertEquals(1, Texts.occurrences(cria.log(), "Cria is offline on Discord"), cria.log());

    discord.rejectToken(false);
    Await.until(WAIT, "/health UP once connected", () -> cria.get("/health").statusCode() == 200);

    FakeDiscord.Interaction ask =
        discord.slashCommand("ask", Map.of("prompt", "What is a cria?"), null);
    Await.until(
        WAIT,
        "the answer to /ask",
        () -> String.join("\n", discord.answerOf(ask)).contains("What is a cria?"),
        () -> discord.answerOf(ask).toString());
    List<String> answer = discord.answerOf(ask);
    assertTrue(String.join("\n", answer).startsWith("Echo:"), answer.toString());
    assertFalse(cria.log().contains(FakeDiscord.BOT_TOKEN), "the bot token is in the log");
    assertTrue(
        llama.requests(FakeLlamaApi.GUARD).stream()
            .anyMatch(check -> check.lastUserMessage().contains("What is a cria?")),
        "the question was checked by Llama Guard");
  }
}
