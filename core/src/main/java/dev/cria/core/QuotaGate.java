package dev.cria.core;

import dev.cria.chat.ChatEvent;
import jakarta.inject.Singleton;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Optional;

/**
 * Checks the limits before anything costs money: message length and daily requests and tokens per
 * user and per channel (a refusal says when the limit resets), and questions in flight per user (a
 * question over that limit waits until the user's earlier one is answered).
 */
@Singleton
class QuotaGate {

  static final Duration LONGEST_WAIT = Duration.ofMinutes(5);
  private static final Duration TURN_POLL = Duration.ofMillis(200);

  private final EventQueue queue;
  private final ConversationStore store;
  private final QuotaSettings quota;
  private final PipelineMetrics metrics;

  QuotaGate(
      EventQueue queue, ConversationStore store, QuotaSettings quota, PipelineMetrics metrics) {
    this.queue = queue;
    this.store = store;
    this.quota = quota;
    this.metrics = metrics;
  }

  /**
   * Waits while the event's author has as many older questions being answered as {@code
   * CRIA_QUOTA_USER_IN_FLIGHT} allows, on any replica. The older question always goes first, so two
   * cannot wait for each other. Gives up waiting after {@link #LONGEST_WAIT}.
   */
  void awaitTurn(QueuedEvent queued) {
    if (quota.userInFlight() <= 0) {
      return;
    }
    String user = queued.event().author().id();
    long deadline = System.nanoTime() + LONGEST_WAIT.toNanos();
    while (queue.inFlightBefore(user, queued.seq()) >= quota.userInFlight()
        && System.nanoTime() < deadline) {
      try {
        Thread.sleep(TURN_POLL.toMillis());
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return;
      }
    }
  }

  /** The refusal to show, or empty when the event may go on. */
  Optional<String> check(QueuedEvent queued) {
    Optional<String> refusal = refusal(queued);
    refusal.ifPresent(text -> metrics.error("quota"));
    return refusal;
  }

  private Optional<String> refusal(QueuedEvent queued) {
    ChatEvent event = queued.event();
    if (quota.maxInputChars() > 0 && event.text().length() > quota.maxInputChars()) {
      return Optional.of(
          "Your message is too long: "
              + event.text().length()
              + " characters, and I read at most "
              + quota.maxInputChars()
              + ". Please shorten it or split it up.");
    }
    String user = event.author().id();
    if (!limitsDaily()) {
      return Optional.empty();
    }
    Instant today = Instant.now().truncatedTo(ChronoUnit.DAYS);
    Usage usage = store.usage(user, event.conversation(), today);
    if (over(usage.userAnswers(), quota.userRequestsPerDay())
        || over(usage.userTokens(), quota.userTokensPerDay())) {
      return Optional.of("You've reached your daily limit for questions. " + resets(today));
    }
    if (over(usage.channelAnswers(), quota.channelRequestsPerDay())
        || over(usage.channelTokens(), quota.channelTokensPerDay())) {
      return Optional.of(
          "This channel has reached its daily limit for questions. " + resets(today));
    }
    return Optional.empty();
  }

  private boolean limitsDaily() {
    return quota.userRequestsPerDay() > 0
        || quota.userTokensPerDay() > 0
        || quota.channelRequestsPerDay() > 0
        || quota.channelTokensPerDay() > 0;
  }

  private static boolean over(long used, long limit) {
    return limit > 0 && used >= limit;
  }

  static String resets(Instant today) {
    Duration left = Duration.between(Instant.now(), today.plus(1, ChronoUnit.DAYS));
    return "It resets at 00:00 UTC, in " + left.toHours() + " h " + left.toMinutesPart() + " min.";
  }
}
