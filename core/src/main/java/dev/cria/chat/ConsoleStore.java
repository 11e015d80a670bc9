package dev.cria.chat;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.OptionalLong;

/**
 * What the web pages read and write besides the conversation itself: transcripts, per-conversation
 * settings, feedback, and the admin views. Implemented by the app on its database; read-only except
 * for settings, feedback and the retry of an event.
 */
public interface ConsoleStore {

  /** Conversations whose key starts with {@code keyPrefix} and whose key or text has {@code q}. */
  List<ConversationSummary> conversations(String keyPrefix, String q, int limit);

  List<TranscriptTurn> transcript(String conversationKey);

  Setup setup(String conversationKey);

  void saveSetup(String conversationKey, Setup setup, String updatedBy);

  /** Stores a thumbs up (+1) or down (-1) on an answer of that conversation; false if none such. */
  boolean saveFeedback(String conversationKey, long messageId, int rating, String userId);

  /** The stored answer to a web event of that conversation, for feedback on a streamed answer. */
  OptionalLong answerOf(String conversationKey, String eventId);

  List<FeedbackEntry> feedback(int limit);

  UsageReport usage(LocalDate since);

  List<Refusal> refusals(int limit);

  QueueReport queue(int limit);

  /**
   * Puts an event back at the head of its conversation: an open one is claimable at once, a
   * given-up web event is answered again. Returns false when the event cannot be retried.
   */
  boolean retry(long eventId);

  record ConversationSummary(
      String key, String platform, String channel, String title, long turns, Instant lastAt) {
    public String when() {
      return ConsoleTimes.format(lastAt);
    }
  }

  record TranscriptTurn(
      long id,
      String role,
      String author,
      String content,
      String model,
      Integer promptTokens,
      Integer completionTokens,
      Long latencyMs,
      Integer rating,
      Instant at) {
    public String when() {
      return ConsoleTimes.format(at);
    }
  }

  /** The model and system prompt of one conversation; null fields use the defaults. */
  record Setup(String model, String systemPrompt) {}

  record FeedbackEntry(
      String conversationKey, int rating, String userId, String answer, Instant at) {
    public String when() {
      return ConsoleTimes.format(at);
    }
  }

  record UsageRow(
      LocalDate day, String userId, String channelKey, long answers, long tokens, boolean over) {}

  /** Usage per user, channel and day with the daily quotas in force (0: none). */
  record UsageReport(
      List<UsageRow> rows,
      long userRequestsPerDay,
      long userTokensPerDay,
      long channelRequestsPerDay,
      long channelTokensPerDay) {}

  record Refusal(
      String conversationKey, String direction, List<String> categories, String model, Instant at) {
    public String when() {
      return ConsoleTimes.format(at);
    }
  }

  record QueueEntry(
      long id,
      String platform,
      String conversationKey,
      String status,
      int attempts,
      String errorId,
      Instant receivedAt,
      Instant finishedAt,
      boolean retryable) {
    public String received() {
      return ConsoleTimes.format(receivedAt);
    }

    public String finished() {
      return ConsoleTimes.format(finishedAt);
    }
  }

  record QueueReport(List<QueueEntry> events, long open, long retried, long givenUp) {}
}
