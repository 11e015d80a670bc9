package dev.cria.core;

import dev.cria.chat.ChatEvent;
import jakarta.inject.Singleton;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Optional;

/**
 * Checks the limits before anything costs money: message length and daily requests and tokens per
 * user and per channel (a refusal says when the limit resets). Questions in flight per user are
 * limited where events are claimed ({@link EventQueue#claim}).
 */
@Singleton
class QuotaGate {

  private final ConversationStore store;
  private final QuotaSettings quota;
  private final PipelineMetrics metrics;

  QuotaGate(ConversationStore store, QuotaSettings quota, PipelineMetrics metrics) {
    this.store = store;
    this.quota = quota;
    this.metrics = metrics;
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
