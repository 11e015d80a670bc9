package dev.cria.faults;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.cria.fakes.FakeDiscord;
import dev.cria.fakes.FakeDiscordCall;
import dev.cria.fakes.FakeDiscordHold;
import dev.cria.fakes.FakeDiscordPayloads;
import dev.cria.process.CriaProcess;
import dev.cria.testing.Await;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Predicate;
import java.util.stream.Collectors;
import net.dv8tion.jda.api.utils.data.DataObject;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * The Discord counterpart of {@link SlackKillPointsIT}: two Cria processes on one PostgreSQL
 * schema, connected to the fake Discord's gateway; each round a user @-mentions Cria in the
 * channel, and the replica answering is killed with SIGKILL while the fake Discord holds one call
 * of that answer. The other replica takes over when the lease expires. The channel, as a person
 * sees it, must gain exactly one message for the mention, holding the whole answer, every round
 * ({@code cria.kill-rounds}, default 10).
 */
class DiscordKillPointsIT {

  private static final String MARKER = "[[slow:150]]";
  private static final int ROUNDS = Integer.getInteger("cria.kill-rounds", 10);
  private static final Duration TAKEOVER = Duration.ofSeconds(60);

  /** Where the answering replica dies: which call of its answer is held when it is killed. */
  @SuppressWarnings("ImmutableEnumChecker") // the matchers are stateless lambdas
  enum KillPoint {
    /** The placeholder is posted and recorded; the first edit never reaches Discord. */
    BEFORE_FIRST_CHUNK(FakeDiscordHold.When.BEFORE, (call, token) -> isEdit(call)),
    /** Discord created the placeholder; the replica never learned its id. */
    PLACEHOLDER_UNRECORDED(FakeDiscordHold.When.AFTER, (call, token) -> isPost(call)),
    /** The first part of the answer is shown, half-written. */
    MID_ANSWER(FakeDiscordHold.When.AFTER, (call, token) -> isEdit(call) && has(call, token)),
    /** The whole answer is shown; the event is not finished yet. */
    AFTER_LAST_EDIT(
        FakeDiscordHold.When.AFTER,
        (call, token) -> isEdit(call) && has(call, token) && has(call, MARKER));

    final FakeDiscordHold.When when;
    final Matcher matcher;

    KillPoint(FakeDiscordHold.When when, Matcher matcher) {
      this.when = when;
      this.matcher = matcher;
    }
  }

  @FunctionalInterface
  interface Matcher {
    boolean matches(FakeDiscordCall call, String token);
  }

  @ParameterizedTest
  @EnumSource(KillPoint.class)
  void theChannelGainsOneFinishedAnswerWhereverTheReplicaDies(KillPoint point) {
    try (FakeDiscord discord = new FakeDiscord();
        FaultStack stack =
            new FaultStack()
                .env("CRIA_WORKER_LEASE", "3s")
                .env("LLAMA_MODERATION", "off")
                .env("CRIA_LOG_LEVEL", "warn")
                .env("SLACK_BOT_TOKEN", null)
                .env("SLACK_SIGNING_SECRET", null)
                .env("SLACK_API_URL", null)
                .env("DISCORD_BOT_TOKEN", FakeDiscord.BOT_TOKEN)
                .env("DISCORD_API_URL", discord.restBaseUrl())
                .env("DISCORD_GATEWAY_URL", discord.gatewayUrl())) {
      CompletableFuture<CriaProcess> second =
          CompletableFuture.supplyAsync(() -> stack.start("discord-" + point + "-b"));
      List<CriaProcess> replicas = new CopyOnWriteArrayList<>();
      replicas.add(stack.start("discord-" + point + "-a"));
      replicas.add(second.join());
      List<String> results = new ArrayList<>();
      for (int round = 0; round < ROUNDS; round++) {
        discord.awaitConnected(2);
        results.add(round(discord, stack, replicas, point, round));
      }
      System.out.printf("DiscordKillPointsIT %s: %d rounds%n  %s%n", point, ROUNDS, results);
    }
  }

  private static String round(
      FakeDiscord discord,
      FaultStack stack,
      List<CriaProcess> replicas,
      KillPoint point,
      int round) {
    Instant started = Instant.now();
    String channel = FakeDiscordPayloads.CHANNEL_ID;
    String token = SlackLoad.Mention.token(round);
    Set<String> before = ids(discord.messagesIn(channel));
    Predicate<FakeDiscordCall> matching = call -> point.matcher.matches(call, token);
    FakeDiscordHold hold = discord.hold(matching, point.when);
    String asked =
        discord.message(
            channel,
            FakeDiscordPayloads.USER_ID,
            false,
            "<@" + FakeDiscordPayloads.SELF_ID + "> question " + token + " please " + MARKER);
    assertTrue(hold.awaitReached(Duration.ofSeconds(30)), point + " never reached in " + round);
    CriaProcess holder = holderOf(stack, replicas, asked);
    holder.kill();
    hold.release();
    replicas.remove(holder);
    CompletableFuture<CriaProcess> restart =
        CompletableFuture.supplyAsync(() -> stack.start("discord-" + point + "-r" + round));
    Await.until(TAKEOVER, "the question answered after the takeover", () -> done(stack, asked));
    replicas.add(restart.join());

    List<String> shown =
        discord.messagesIn(channel).stream()
            .filter(message -> !before.contains(message.getString("id")))
            .map(message -> message.getString("content"))
            .toList();
    String where = point + " round " + round + ": " + shown;
    assertEquals(1, shown.size(), "one new message in the channel, " + where);
    assertTrue(shown.getFirst().contains(token), "the answer itself, " + where);
    assertFalse(shown.getFirst().contains("Thinking"), "no placeholder left, " + where);
    assertTrue(shown.getFirst().endsWith(MARKER), "the whole answer, " + where);
    return "%d: %d ms".formatted(round, Duration.between(started, Instant.now()).toMillis());
  }

  private static boolean isPost(FakeDiscordCall call) {
    return call.is("POST", "channels/\\d+/messages");
  }

  private static boolean isEdit(FakeDiscordCall call) {
    return call.is("PATCH", "channels/\\d+/messages/\\d+");
  }

  private static boolean has(FakeDiscordCall call, String text) {
    return call.json().getString("content", "").contains(text);
  }

  private static Set<String> ids(List<DataObject> messages) {
    return messages.stream().map(m -> m.getString("id")).collect(Collectors.toSet());
  }

  /** The replica whose lease the event (the user's message) is under. */
  private static CriaProcess holderOf(
      FaultStack stack, List<CriaProcess> replicas, String eventId) {
    for (CriaProcess replica : replicas) {
      long held =
          stack.count(
              "SELECT COUNT(*) FROM inbound_event WHERE event_id = '"
                  + eventId
                  + "' AND status = 'CLAIMED' AND lease_owner LIKE '"
                  + replica.pid()
                  + "@%'");
      if (held > 0) {
        return replica;
      }
    }
    throw new AssertionError("no replica holds " + eventId);
  }

  private static boolean done(FaultStack stack, String eventId) {
    return stack.count(
            "SELECT COUNT(*) FROM inbound_event WHERE event_id = '"
                + eventId
                + "' AND status = 'DONE'")
        == 1;
  }
}
