package dev.cria.core;

import java.time.Duration;
import java.util.List;

/** What Cria says when it does not answer with the model's text. Short, specific, never silent. */
final class ReplyTexts {

  private ReplyTexts() {}

  /** Marks an answer the person stopped. */
  static String stopped() {
    return "_Stopped._";
  }

  /** What to say when the model call failed; {@code model} is the one that was asked. */
  static String forModelError(ModelException e, String errorId, String model) {
    return switch (e.symptom()) {
      case MODEL_NOT_SERVED -> modelNotServed(model);
      case NO_SUCH_ENDPOINT -> noSuchEndpoint(errorId);
      case NOT_AN_API -> notAnApi(errorId);
      case MALFORMED -> malformed(errorId);
      case BROKE_OFF -> brokeOff(errorId);
      case NONE ->
          switch (e.kind()) {
            case RATE_LIMITED -> busy(e.retryAfter());
            case UNAUTHORIZED -> unauthorized();
            case NOT_FOUND -> modelNotServed(model);
            case BAD_REQUEST -> badRequest(errorId);
            case UNAVAILABLE -> unavailable(errorId);
          };
    };
  }

  static String modelNotServed(String model) {
    return "The model server doesn't have the model `"
        + model
        + "`. An operator can pull it (e.g. `ollama pull "
        + model
        + "`) or set LLAMA_MODEL; you can pick another with the `model` command.";
  }

  static String noSuchEndpoint(String errorId) {
    return "The model server has no chat endpoint there (HTTP 404). An operator has to check"
        + " LLAMA_BASE_URL (error id "
        + errorId
        + ").";
  }

  static String notAnApi(String errorId) {
    return "The model server answered with a web page instead of an answer. An operator has to"
        + " check LLAMA_BASE_URL (error id "
        + errorId
        + ").";
  }

  static String malformed(String errorId) {
    return "The model server sent an answer I couldn't read, so I dropped it. Please try again"
        + " (error id "
        + errorId
        + ").";
  }

  static String brokeOff(String errorId) {
    return "The model server stopped in the middle of the answer, so I dropped it. Please try again"
        + " (error id "
        + errorId
        + ").";
  }

  static String toolCall() {
    return "The model tried to call a tool, which I can't do yet. Try asking differently.";
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
    return "The model server refused me (HTTP 401/403). An operator has to check LLAMA_API_KEY.";
  }

  static String badRequest(String errorId) {
    return "The model server refused this request (error id " + errorId + ").";
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

  static String systemPromptFlagged(List<String> categories) {
    return "I can't use that system prompt: the safety check flagged it"
        + named(categories)
        + ". Nothing was changed.";
  }

  static String notChannelAdmin() {
    return "Only a workspace admin (or someone with Manage Server on Discord) can change this"
        + " channel's settings. In a thread you can change them for that thread.";
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

  static String moderationUnreadable() {
    return "I can't check messages with the safety service right now (its answer was neither safe"
        + " nor unsafe), so I'm not answering. Please try again in a minute.";
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
