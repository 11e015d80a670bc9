package dev.cria.fakes;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.UncheckedIOException;
import java.util.Map;

/**
 * The JSON documents {@link FakeLlamaApi} writes, in the native Llama shape and the
 * OpenAI-compatible one, following the shapes in {@code fixtures/llama/}.
 */
final class FakeLlamaApiJson {

  static final ObjectMapper MAPPER = new ObjectMapper();

  /** Token counts derived from the text: about four characters a token. */
  record Usage(int prompt, int completion) {

    static Usage of(String promptText, String answer) {
      return new Usage(tokens(promptText), tokens(answer));
    }

    static int tokens(String text) {
      return Math.max(1, (text.length() + 3) / 4);
    }
  }

  private static final Map<Integer, String> TITLES =
      Map.of(
          400, "Bad request",
          401, "Unauthorized",
          403, "Forbidden",
          404, "Not Found",
          408, "Request Timeout",
          409, "Conflict",
          422, "Unprocessable Entity",
          429, "Too Many Requests",
          500, "Internal Server Error",
          503, "Service Unavailable");

  private FakeLlamaApiJson() {}

  static String problem(int status, String detail) {
    ObjectNode body = MAPPER.createObjectNode();
    body.put("title", TITLES.getOrDefault(status, "Error"));
    body.put("detail", detail);
    body.put("status", status);
    return write(body);
  }

  static String nativeEvent(String id, String type, String text, String stopReason, Usage usage) {
    ObjectNode event = MAPPER.createObjectNode().put("event_type", type);
    event.putObject("delta").put("type", "text").put("text", text);
    if (stopReason != null) {
      event.put("stop_reason", stopReason);
    }
    if (usage != null) {
      event.set("metrics", metrics(usage));
    }
    ObjectNode chunk = MAPPER.createObjectNode().put("id", id);
    chunk.set("event", event);
    return write(chunk);
  }

  static String nativeResponse(
      String id, String answer, String stopReason, Usage usage, boolean contentAsString) {
    ObjectNode message = MAPPER.createObjectNode().put("role", "assistant");
    if (contentAsString) {
      message.put("content", answer);
    } else {
      message.putObject("content").put("type", "text").put("text", answer);
    }
    message.put("stop_reason", stopReason).putArray("tool_calls");
    ObjectNode body = MAPPER.createObjectNode().put("id", id);
    body.set("completion_message", message);
    body.set("metrics", metrics(usage));
    return write(body);
  }

  static String openAiChunk(String id, String model, String content, String finishReason) {
    ObjectNode choice = MAPPER.createObjectNode().put("index", 0);
    ObjectNode delta = choice.putObject("delta");
    if (content != null) {
      delta.put("role", "assistant").put("content", content);
    }
    choice.put("finish_reason", finishReason);
    ObjectNode chunk = openAiEnvelope(id, model, "chat.completion.chunk");
    chunk.putArray("choices").add(choice);
    return write(chunk);
  }

  static String openAiUsageChunk(String id, String model, Usage usage) {
    ObjectNode chunk = openAiEnvelope(id, model, "chat.completion.chunk");
    chunk.putArray("choices");
    chunk.set("usage", openAiUsage(usage));
    return write(chunk);
  }

  static String openAiError(int status, String message) {
    ObjectNode body = MAPPER.createObjectNode();
    body.putObject("error").put("message", message).put("type", "server_error").put("code", status);
    return write(body);
  }

  static String openAiResponse(
      String id, String model, String answer, String finishReason, Usage usage) {
    ObjectNode choice =
        MAPPER.createObjectNode().put("index", 0).put("finish_reason", finishReason);
    choice.putObject("message").put("role", "assistant").put("content", answer);
    ObjectNode body = openAiEnvelope(id, model, "chat.completion");
    body.putArray("choices").add(choice);
    body.set("usage", openAiUsage(usage));
    return write(body);
  }

  static String moderation(String model, boolean flagged, Iterable<String> categories) {
    ObjectNode result = MAPPER.createObjectNode().put("flagged", flagged);
    categories.forEach(result.putArray("flagged_categories")::add);
    ObjectNode body = MAPPER.createObjectNode().put("model", model);
    body.putArray("results").add(result);
    return write(body);
  }

  static String write(JsonNode node) {
    try {
      return MAPPER.writeValueAsString(node);
    } catch (JsonProcessingException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static ObjectNode openAiEnvelope(String id, String model, String object) {
    return MAPPER
        .createObjectNode()
        .put("id", id)
        .put("object", object)
        .put("created", 1746107585)
        .put("model", model);
  }

  private static JsonNode openAiUsage(Usage usage) {
    return MAPPER
        .createObjectNode()
        .put("prompt_tokens", usage.prompt())
        .put("completion_tokens", usage.completion())
        .put("total_tokens", usage.prompt() + usage.completion());
  }

  private static JsonNode metrics(Usage usage) {
    var metrics = MAPPER.createArrayNode();
    metrics.addObject().put("metric", "num_completion_tokens").put("value", usage.completion());
    metrics.addObject().put("metric", "num_prompt_tokens").put("value", usage.prompt());
    metrics
        .addObject()
        .put("metric", "num_total_tokens")
        .put("value", usage.prompt() + usage.completion());
    metrics.forEach(metric -> ((ObjectNode) metric).put("unit", "tokens"));
    return metrics;
  }
}
