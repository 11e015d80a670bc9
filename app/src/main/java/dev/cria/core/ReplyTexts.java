package dev.cria.core;

import java.time.Duration;
import java.util.List;

/** What Cria says when it does not answer with the model's text. Short, specific, never silent. */
final class ReplyTexts {

  private ReplyTexts() {}

  static String notConfigured() {
    return "I'm not set up yet: an operator has to give me a Llama API key (LLAMA_API_KEY).";
  }

  static String busy(Duration retryAfter) {
    long seconds = retryAfter == null ? 30 : Math.max(1, (retryAfter.toMillis() + 999) / 1000);
    return "The model is busy right now. Try again in " + seconds + " s.";
  }

  static String modelDown(Duration retryIn) {
    long seconds = Math.max(1, (retryIn.toMillis() + 999) / 1000);
    return "The model is unavailable right now (it failed several times in a row). Try again in "
        + seconds
        + " s.";
  }

  static String unauthorized() {
    return "The Llama API refused my key. An operator has to check LLAMA_API_KEY.";
  }

  static String unknownModel() {
    return "The model set for this conversation isn't available. Pick another one with the `model`"
        + " command.";
  }

  static String badRequest(String errorId) {
    return "The Llama API refused this request (error id " + errorId + ").";
  }

  static String unavailable(String errorId) {
    return "I couldn't reach the model just now. Please try again in a minute (error id "
        + errorId
        + ").";
  }

  static String apology(String errorId) {
    return "Sorry, something went wrong on my side (error id " + errorId + ").";
  }

  static String gaveUp(String errorId) {
    return "Sorry, I couldn't answer this: it failed several times on my side (error id "
        + errorId
        + "). Please ask again.";
  }

  static String inputFlagged(List<String> categories) {
    return "I can't help with that: the safety check flagged your message"
        + named(categories)
        + ".";
  }

  static String outputFlagged(List<String> categories) {
    return "I wrote an answer, but the safety check flagged it"
        + named(categories)
        + ", so I'm not showing it. Try rephrasing your question.";
  }

  static String moderationUnavailable() {
    return "I can't check messages with the safety service right now, so I'm not answering. Please"
        + " try again in a minute.";
  }

  static String tooLong(int tokens, int limit) {
    return "Your message is too long for me (about "
        + tokens
        + " tokens; I can take "
        + limit
        + "). Please shorten it or split it up.";
  }

  static String contextCut() {
    return "_Older messages of this conversation no longer fit in my context, so I used only the"
        + " most recent ones._";
  }

  static String emptyAnswer() {
    return "The model returned an empty answer. Try rephrasing your question.";
  }

  static String lengthCut() {
    return "_(The answer reached the length limit and was cut off.)_";
  }

  private static String named(List<String> categories) {
    return categories.isEmpty() ? "" : " (" + String.join(", ", categories) + ")";
  }
}
