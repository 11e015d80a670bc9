package dev.cria.llama;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.Optional;

/**
 * What an error body says. The Llama API sends RFC 7807-style {@code {title, detail, status}};
 * OpenAI-compatible servers send {@code {"error": {...}}} or {@code {"message": ...}}; proxies send
 * text. Each is read into a title and a detail for the exception message.
 *
 * @param status the status the body names, or 0
 */
record ProblemBody(String title, String detail, int status) {

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final int MAX_TEXT = 300;

  static ProblemBody parse(String body) {
    String text = body == null ? "" : body.strip();
    try {
      JsonNode node = JSON.readTree(text);
      if (node != null && node.isObject()) {
        return of(node);
      }
    } catch (JsonProcessingException e) {
      // not JSON: fall back to the text itself
    }
    return new ProblemBody("", shorten(text), 0);
  }

  /** Reads a JSON error object, whichever of the known shapes it has. */
  static ProblemBody of(JsonNode node) {
    JsonNode error = node.path("error");
    if (error.isObject()) {
      return new ProblemBody(
          error.path("type").asText(""),
          shorten(error.path("message").asText(error.toString())),
          error.path("code").asInt(node.path("status").asInt(0)));
    }
    String detail =
        node.hasNonNull("detail")
            ? node.path("detail").asText()
            : node.hasNonNull("message")
                ? node.path("message").asText()
                : error.isTextual() ? error.asText() : node.toString();
    return new ProblemBody(
        node.path("title").asText(""), shorten(detail), node.path("status").asInt(0));
  }

  /**
   * The error a stream chunk carries instead of data: an OpenAI-style {@code error} member, or a
   * problem object with no chat fields.
   */
  static Optional<ProblemBody> inChunk(JsonNode chunk) {
    boolean openAiError = chunk.has("error") && !chunk.path("error").isNull();
    boolean problem =
        (chunk.has("detail") || chunk.has("title")) && !chunk.has("event") && !chunk.has("choices");
    return openAiError || problem ? Optional.of(of(chunk)) : Optional.empty();
  }

  /** "Title: detail", or whichever of the two there is. */
  String describe() {
    if (title.isBlank()) {
      return detail.isBlank() ? "no details given" : detail;
    }
    return detail.isBlank() || detail.equals(title) ? title : title + ": " + detail;
  }

  private static String shorten(String text) {
    return text.length() <= MAX_TEXT ? text : text.substring(0, MAX_TEXT) + "...";
  }
}
