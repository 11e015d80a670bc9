package dev.cria.faults;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.cria.fakes.FakeSlackHold;
import dev.cria.fakes.FakeSlackMessage;
import dev.cria.process.CriaProcess;
import dev.cria.testing.Await;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Two Cria processes on one PostgreSQL schema; a mention is answered in its own Slack thread and
 * the replica answering it is killed with SIGKILL at an exact point of the answer: the fake Slack
 * holds one call of that thread until the kill. The other replica takes the event over when its
 * lease expires. What a person sees in the thread (posts, stream chunks, edits and deletes, as the
 * fake renders them) must be exactly one finished answer, every round ({@code cria.kill-rounds},
 * default 10).
 */
class SlackKillPointsIT {

  /** A DM with Cria, where answers stream natively. */
  private static final String DM = "D0KILL";

  /** A channel, where answers are posted and edited. */
  private static final String CHANNEL = "C0KILL";

  private static final int ROUNDS = Integer.getInteger("cria.kill-rounds", 10);
  private static final Duration TAKEOVER = Duration.ofSeconds(60);

  /** Where the answering replica dies: which call of its thread is held when it is killed. */
  enum KillPoint {
    /** The stream is open and recorded, nothing is in it yet. */
    BEFORE_FIRST_CHUNK(DM, "chat.appendStream", FakeSlackHold.When.BEFORE),
    /** Slack opened the stream, the replica never learned its ts (the window of issue 16). */
    STREAM_OPENED_UNRECORDED(DM, "chat.startStream", FakeSlackHold.When.AFTER),
    /** The first chunk is shown, the answer is half-written. */
    MID_STREAM(DM, "chat.appendStream", FakeSlackHold.When.AFTER),
    /** The stream was stopped with the whole answer, the event is not finished yet. */
    AFTER_STOP_BEFORE_FINISH(DM, "chat.stopStream", FakeSlackHold.When.AFTER),
    /** In a channel: the first text was posted, the replica never learned its ts. */
    POSTED_UNRECORDED(CHANNEL, "chat.postMessage", FakeSlackHold.When.AFTER),
    /** In a channel: the posted text is being edited, the answer is half-written. */
    MID_EDIT(CHANNEL, "chat.update", FakeSlackHold.When.AFTER);

    final String channel;
    final String method;
    final FakeSlackHold.When when;

    KillPoint(String channel, String method, FakeSlackHold.When when) {
      this.channel = channel;
      this.method = method;
      this.when = when;
    }
  }

  @ParameterizedTest
  @EnumSource(KillPoint.class)
  void theThreadEndsInOneFinishedAnswerWhereverTheReplicaDies(KillPoint point) {
    try (FaultStack stack =
        new FaultStack()
            .env("CRIA_WORKER_LEASE", "3s")
            .env("LLAMA_MODERATION", "off")
            .env("CRIA_LOG_LEVEL", "warn")) {
      CompletableFuture<CriaProcess> second =
          CompletableFuture.supplyAsync(() -> stack.start(point + "-b"));
      List<CriaProcess> replicas = new CopyOnWriteArrayList<>();
      replicas.add(stack.start(point + "-a"));
      replicas.add(second.join());
      List<String> results = new ArrayList<>();
      for (int round = 0; round < ROUNDS; round++) {
        results.add(round(stack, replicas, point, round));
      }
      System.out.printf("SlackKillPointsIT %s: %d rounds%n  %s%n", point, ROUNDS, results);
    }
  }

  private static String round(
      FaultStack stack, List<CriaProcess> replicas, KillPoint point, int round) {
    Instant started = Instant.now();
    // The pause between chunks gives the stream several appends.
    SlackLoad.Mention mention =
        SlackLoad.threads(point.channel, round, 1, 1, i -> " [[slow:150]]").getFirst();
    FakeSlackHold hold = stack.slack.hold(point.method, mention.thread(), point.when);
    new SlackLoad(replicas).deliver(List.of(mention), 1);
    assertTrue(hold.awaitReached(Duration.ofSeconds(30)), point + " never reached in " + round);
    CriaProcess holder = holderOf(stack, replicas, mention);
    holder.kill();
    hold.release();
    replicas.remove(holder);
    CompletableFuture<CriaProcess> restart =
        CompletableFuture.supplyAsync(() -> stack.start(point + "-r" + round));
    Await.until(
        TAKEOVER,
        "the mention finished after the takeover at " + point,
        () -> finished(stack, point.channel, mention),
        () -> texts(stack.slack.thread(point.channel, mention.thread())).toString());
    replicas.add(restart.join());

    List<FakeSlackMessage> view = stack.slack.thread(point.channel, mention.thread());
    String where = point + " round " + round + ": " + texts(view);
    assertEquals(1, view.size(), "one message in the thread, " + where);
    FakeSlackMessage answer = view.getFirst();
    assertFalse(answer.streaming(), "the answer is no open stream, " + where);
    assertTrue(answer.text().contains(mention.token()), "the answer itself, " + where);
    assertFalse(answer.text().contains("Thinking"), "no placeholder left, " + where);
    assertTrue(answer.text().endsWith("[[slow:150]]"), "the whole answer, " + where);
    List<String> statuses =
        stack.slack.calls("assistant.threads.setStatus").stream()
            .filter(call -> mention.thread().equals(call.get("thread_ts")))
            .map(call -> call.get("status"))
            .toList();
    assertEquals("", statuses.getLast(), "the thinking status is cleared, " + where);
    return "%d: %d ms, %d deleted"
        .formatted(
            round,
            Duration.between(started, Instant.now()).toMillis(),
            stack.slack.calls("chat.delete").size());
  }

  /** The replica whose lease the event is under. */
  private static CriaProcess holderOf(
      FaultStack stack, List<CriaProcess> replicas, SlackLoad.Mention mention) {
    for (CriaProcess replica : replicas) {
      long held =
          stack.count(
              "SELECT COUNT(*) FROM inbound_event WHERE event_id = '"
                  + mention.eventId()
                  + "' AND status = 'CLAIMED' AND lease_owner LIKE '"
                  + replica.pid()
                  + "@%'");
      if (held > 0) {
        return replica;
      }
    }
    throw new AssertionError("no replica holds " + mention.eventId());
  }

  private static boolean finished(FaultStack stack, String channel, SlackLoad.Mention mention) {
    return stack.count(
                "SELECT COUNT(*) FROM inbound_event WHERE event_id = '"
                    + mention.eventId()
                    + "' AND status = 'DONE'")
            == 1
        && stack.slack.thread(channel, mention.thread()).stream()
            .noneMatch(FakeSlackMessage::streaming);
  }

  private static List<String> texts(List<FakeSlackMessage> view) {
    return view.stream()
        .map(m -> m.ts() + (m.streaming() ? " (streaming) " : " ") + m.text())
        .toList();
  }
}
