package dev.cria.faults;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.cria.fakes.FakeSlackFailure;
import dev.cria.process.CriaProcess;
import dev.cria.testing.Await;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * Two Cria processes on one PostgreSQL schema while the model API rate-limits or fails in bursts,
 * and while Slack rate-limits {@code chat.postMessage}. Each mention has a thread of its own, and
 * each thread must end with exactly one finished reply: the answer, or an error that says what is
 * wrong (busy, unreachable, unavailable); nothing lost, nothing twice, nothing left half-written.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class FailureRepliesIT {

  private static final Duration SETTLE = Duration.ofSeconds(60);
  private static final Duration BREAKER_OPEN = Duration.ofSeconds(2);
  private static final Pattern CLEAR_ERROR =
      Pattern.compile(
          "The model is busy right now\\. Try again in \\d+ s\\."
              + "|I couldn't reach the model just now\\. .*error id [0-9a-f]{8}.*"
              + "|The model is unavailable right now \\(it failed several times in a row\\)\\..*");

  private FaultStack stack;
  private SlackLoad load;
  private AnswerLedger ledger;

  @BeforeAll
  void start() {
    stack =
        new FaultStack()
            .env("LLAMA_MODERATION", "off")
            .env("CRIA_MODEL_BREAKER_OPEN", BREAKER_OPEN.toSeconds() + "s")
            .env("CRIA_LOG_LEVEL", "warn");
    var second = java.util.concurrent.CompletableFuture.supplyAsync(() -> stack.start("fail-b"));
    CriaProcess first = stack.start("fail-a");
    load = new SlackLoad(List.of(first, second.join()));
    ledger = new AnswerLedger(stack.slack);
  }

  @AfterAll
  void stop() {
    if (stack != null) {
      stack.close();
    }
  }

  @Test
  @Order(1)
  void aRateLimitStormEndsInAnswersOrBusyRepliesAndPasses() {
    stack.llama.failNext(429, 1000);
    Outcome storm = run(SlackLoad.threads("C0STORM", 2000, 40, 1, i -> ""));
    assertEquals(40, storm.errors(), "every user was told: " + storm);

    stack.llama.reset();
    answersAgain("C0STORM", 2100);
  }

  @Test
  @Order(2)
  void a5xxBurstEndsInAnswersOrClearErrorsAndPasses() {
    // Each question is tried three times: a burst of 100 leaves some users without an answer.
    stack.llama.failNext(503, 100);
    Outcome burst = run(SlackLoad.threads("C0BURST", 3000, 40, 1, i -> ""));
    assertTrue(burst.errors() > 0, "the burst reached users: " + burst);

    stack.llama.reset();
    answersAgain("C0BURST", 3100);
  }

  @Test
  @Order(3)
  void questionsThatAlwaysFailGetAClearErrorAndTheOthersTheirAnswer() {
    Outcome mixed =
        run(
            SlackLoad.threads(
                "C0MIXED",
                4000,
                30,
                1,
                i -> i % 3 == 0 ? " [[status:500]]" : " [[status-once:429]]"));
    assertTrue(mixed.answers() > 0 && mixed.errors() > 0, mixed.toString());
    answersAgain("C0MIXED", 4100);
  }

  // First, while every replica's circuit breaker is closed: after the model failures of the
  // other tests a replica may still be half-open, and it turns concurrent questions away as
  // "unavailable", which is not what this test is about.
  @Test
  @Order(0)
  void slackRateLimitingPostMessageDelaysTheAnswerButItArrivesOnce() {
    // In a channel (and without native streaming anywhere) every answer begins with
    // chat.postMessage.
    stack.slack.failAlways("chat.startStream", FakeSlackFailure.error("not_allowed"));
    int limited = 15;
    for (int i = 0; i < limited; i++) {
      stack.slack.failNext("chat.postMessage", FakeSlackFailure.rateLimited(1));
    }
    int before = stack.slack.calls("chat.postMessage").size();

    Outcome outcome = run(SlackLoad.threads("C0SLACK429", 5000, 20, 1, i -> ""));

    assertEquals(20, outcome.answers(), outcome.toString());
    int calls = stack.slack.calls("chat.postMessage").size() - before;
    assertTrue(calls >= 20 + limited, calls + " calls: the rate-limited ones were tried again");
  }

  /**
   * Once the model API is well again, each replica's circuit breaker lets a trial call through
   * after it has been open for a while and closes: small batches, a breaker's delay apart, until
   * one is answered in full.
   */
  private void answersAgain(String channel, int firstIndex) {
    for (int batch = 0; batch < 8; batch++) {
      // Not a wait for a condition: the breaker's open time is what has to pass.
      SlackLoad.pause(BREAKER_OPEN.plusMillis(500));
      Outcome outcome = run(SlackLoad.threads(channel, firstIndex + batch * 10, 4, 1, i -> ""));
      if (outcome.answers() == outcome.mentions()) {
        return;
      }
    }
    throw new AssertionError("the model API is well again, yet answers do not come back");
  }

  /** How one batch ended: answers and clear errors, one per thread. */
  record Outcome(int mentions, int answers, int errors) {}

  /** Delivers the mentions, waits until each thread has its reply, and checks each has one. */
  private Outcome run(List<SlackLoad.Mention> mentions) {
    load.deliver(mentions, 16);
    Await.until(
        SETTLE,
        "no open events and a reply in each of " + mentions.size() + " threads",
        () ->
            stack.openEvents() == 0
                && ledger.repliesByThread(mentions).values().stream().noneMatch(List::isEmpty),
        () -> stack.openEvents() + " open events, replies " + ledger.repliesByThread(mentions));
    // Not a wait for a condition: a reply posted twice would come within this quiet time.
    SlackLoad.pause(Duration.ofMillis(500));
    Map<String, List<String>> replies = ledger.repliesByThread(mentions);
    List<String> problems = new ArrayList<>();
    int answers = 0;
    int errors = 0;
    for (SlackLoad.Mention mention : mentions) {
      List<String> thread = replies.get(mention.thread());
      if (thread.size() != 1) {
        problems.add(mention.token() + ": " + thread.size() + " replies " + thread);
      } else if (thread.getFirst().contains(mention.token())) {
        answers++;
      } else if (CLEAR_ERROR.matcher(thread.getFirst()).matches()) {
        errors++;
      } else {
        problems.add(mention.token() + ": unclear reply " + thread.getFirst());
      }
    }
    Outcome outcome = new Outcome(mentions.size(), answers, errors);
    System.out.printf("FailureRepliesIT %s: %s%n", mentions.getFirst().channel(), outcome);
    assertEquals(List.of(), load.lost(), "deliveries no replica acked");
    assertEquals(List.of(), problems, "threads without exactly one clear reply");
    assertEquals(List.of(), ledger.unfinished(mentions.getFirst().channel()), "half-written");
    assertEquals(0, stack.openEvents(), "events still open");
    return outcome;
  }
}
