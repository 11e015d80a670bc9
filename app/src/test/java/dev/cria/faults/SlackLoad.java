package dev.cria.faults;

import dev.cria.fakes.FakeSlackEvents;
import dev.cria.fakes.FakeSlackSigner;
import dev.cria.process.CriaProcess;
import java.io.UncheckedIOException;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.IntFunction;

/**
 * Drives Cria processes the way Slack's Events API does: signed {@code app_mention} deliveries,
 * spread over the replicas, a few at a time. A delivery that fails (connection refused or reset, a
 * non-200 answer) is delivered again with the same {@code event_id} and an {@code
 * X-Slack-Retry-Num} header, to another replica when there is one, as Slack would.
 */
final class SlackLoad {

  /** One mention; {@link #token} is a word that only this event's question and answer contain. */
  record Mention(
      String channel,
      int index,
      String eventId,
      String ts,
      String threadTs,
      String user,
      String text) {

    String token() {
      return token(index);
    }

    static String token(int index) {
      return "ev%04dz".formatted(index);
    }

    String body() {
      return FakeSlackEvents.mention(eventId, channel, ts, threadTs, user, text);
    }

    /** The thread the answer goes to. */
    String thread() {
      return threadTs != null ? threadTs : ts;
    }
  }

  private final List<CriaProcess> replicas = new CopyOnWriteArrayList<>();
  private final AtomicInteger acked = new AtomicInteger();
  private final AtomicInteger redelivered = new AtomicInteger();
  private final List<String> lost = new CopyOnWriteArrayList<>();
  private final List<Long> ackMillis = new CopyOnWriteArrayList<>();
  private final AtomicInteger refused = new AtomicInteger();
  private volatile int maxDeliveries = 8;
  private volatile Duration retryPause = Duration.ofMillis(300);
  private volatile Duration pace = Duration.ZERO;

  SlackLoad(List<CriaProcess> replicas) {
    this.replicas.addAll(replicas);
  }

  /** How often, and how far apart, a failed delivery is tried again (default 8, 300 ms). */
  SlackLoad retrying(int deliveries, Duration pause) {
    this.maxDeliveries = deliveries;
    this.retryPause = pause;
    return this;
  }

  /** How long each sender waits after an acked delivery before the next (default none). */
  SlackLoad pacing(long millis) {
    this.pace = Duration.ofMillis(millis);
    return this;
  }

  /**
   * Delivers acked mentions again, as Slack does when an ack it was sent got lost on the way
   * ({@code X-Slack-Retry-Reason: timeout}); each must be acked again (and not answered twice).
   */
  void redeliver(List<Mention> mentions) {
    for (Mention mention : mentions) {
      String body = mention.body();
      boolean acked = false;
      for (int attempt = 1; attempt <= maxDeliveries && !acked; attempt++) {
        List<CriaProcess> live = List.copyOf(replicas);
        acked = !live.isEmpty() && post(live.get(attempt % live.size()), body, attempt);
        if (!acked) {
          pause(retryPause);
        }
      }
      if (!acked) {
        lost.add(mention.eventId() + " (redelivered)");
      }
    }
  }

  /**
   * {@code conversations} threads of {@code perConversation} mentions each in one channel, in
   * rounds (the first mention of every thread, then the second, ...), each from the thread's own
   * user. Indexes, and so tokens, start at {@code first}.
   *
   * @param extra text appended to a mention's question, by index (markers for the fake model)
   */
  static List<Mention> threads(
      String channel,
      int first,
      int conversations,
      int perConversation,
      IntFunction<String> extra) {
    List<Mention> mentions = new ArrayList<>();
    for (int round = 0; round < perConversation; round++) {
      for (int c = 0; c < conversations; c++) {
        int index = first + mentions.size();
        long second = 1_710_000_000L + first + c;
        String root = "%d.000000".formatted(second);
        String ts = round == 0 ? root : "%d.%06d".formatted(second, round);
        mentions.add(
            new Mention(
                channel,
                index,
                "Ev" + Mention.token(index),
                ts,
                round == 0 ? null : root,
                "U%04d".formatted(first + c),
                "question " + Mention.token(index) + " please" + extra.apply(index)));
      }
    }
    return mentions;
  }

  void add(CriaProcess replica) {
    replicas.add(replica);
  }

  void remove(CriaProcess replica) {
    replicas.remove(replica);
  }

  /** Delivers the mentions, {@code parallel} at a time, and returns when each was acked or lost. */
  void deliver(List<Mention> mentions, int parallel) {
    Semaphore slots = new Semaphore(parallel);
    try (ExecutorService senders = Executors.newVirtualThreadPerTaskExecutor()) {
      for (Mention mention : mentions) {
        slots.acquireUninterruptibly();
        senders.execute(
            () -> {
              try {
                deliver(mention);
                if (!pace.isZero()) {
                  pause(pace);
                }
              } finally {
                slots.release();
              }
            });
      }
      senders.shutdown();
      if (!senders.awaitTermination(2, TimeUnit.MINUTES)) {
        throw new AssertionError("deliveries did not finish within 2 minutes");
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new AssertionError("interrupted while delivering", e);
    }
  }

  private void deliver(Mention mention) {
    String body = mention.body();
    for (int attempt = 0; attempt < maxDeliveries; attempt++) {
      List<CriaProcess> live = List.copyOf(replicas);
      if (!live.isEmpty()) {
        CriaProcess target = live.get((mention.index() + attempt) % live.size());
        if (post(target, body, attempt)) {
          acked.incrementAndGet();
          if (attempt > 0) {
            redelivered.incrementAndGet();
          }
          return;
        }
      }
      pause(retryPause);
    }
    lost.add(mention.eventId());
  }

  private boolean post(CriaProcess target, String body, int attempt) {
    long now = Instant.now().getEpochSecond();
    Map<String, String> headers =
        attempt == 0
            ? signed(now, body)
            : Map.of(
                "X-Slack-Request-Timestamp",
                String.valueOf(now),
                "X-Slack-Signature",
                FakeSlackSigner.sign(FaultStack.SIGNING_SECRET, now, body),
                "X-Slack-Retry-Num",
                String.valueOf(attempt),
                "X-Slack-Retry-Reason",
                "http_error");
    try {
      long started = System.nanoTime();
      HttpResponse<String> response =
          target.post("/slack/events", "application/json", body, headers);
      if (response.statusCode() == 200) {
        ackMillis.add((System.nanoTime() - started) / 1_000_000);
        return true;
      }
      refused.incrementAndGet();
      return false;
    } catch (UncheckedIOException e) {
      return false;
    }
  }

  static Map<String, String> signed(long timestamp, String body) {
    return Map.of(
        "X-Slack-Request-Timestamp",
        String.valueOf(timestamp),
        "X-Slack-Signature",
        FakeSlackSigner.sign(FaultStack.SIGNING_SECRET, timestamp, body));
  }

  int acked() {
    return acked.get();
  }

  /** Deliveries that needed more than one try. */
  int redelivered() {
    return redelivered.get();
  }

  /** Deliveries answered with something other than 200 (e.g. 503, Slack then delivers again). */
  int refused() {
    return refused.get();
  }

  /** How long the acks took, in milliseconds, at the given percentile (0-100). */
  long ackMillis(double percentile) {
    List<Long> sorted = ackMillis.stream().sorted().toList();
    if (sorted.isEmpty()) {
      return 0;
    }
    int index = (int) Math.ceil(percentile / 100 * sorted.size()) - 1;
    return sorted.get(Math.max(0, Math.min(sorted.size() - 1, index)));
  }

  /** Events that no replica acked after every retry. */
  List<String> lost() {
    return List.copyOf(lost);
  }

  static void pause(Duration duration) {
    try {
      Thread.sleep(duration);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new AssertionError("interrupted", e);
    }
  }
}
