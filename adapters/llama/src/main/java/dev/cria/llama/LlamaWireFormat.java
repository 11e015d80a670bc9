package dev.cria.llama;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.cria.core.ChatRequest;
import dev.cria.core.Completion;
import dev.cria.llama.StreamDelta.ToolCallDelta;
import java.util.List;

/**
 * The native Llama API ({@code https://api.llama.com/v1}): {@code max_completion_tokens} in the
 * request; {@code completion_message} with content as a string or {@code {type, text}}; stream
 * chunks with an {@code event} holding a text or tool-call {@code delta}, a {@code stop_reason} and
 * {@code metrics} ({@code num_prompt_tokens}, {@code num_completion_tokens}).
 */
final class LlamaWireFormat implements WireFormat {

  @Override
  public JsonNode chatBody(ChatRequest request, String model, boolean stream) {
    ObjectNode body = JsonNodeFactory.instance.objectNode().put("model", model);
    body.set("messages", WireFormat.messages(request.messages(), false));
    if (!request.tools().isEmpty()) {
      body.set("tools", ToolWire.tools(request.tools()));
    }
    if (request.maxCompletionTokens() != null) {
      body.put("max_completion_tokens", request.maxCompletionTokens());
    }
    if (request.temperature() != null) {
      body.put("temperature", request.temperature());
    }
    if (request.user() != null) {
      body.put("user", request.user());
    }
    return body.put("stream", stream);
  }

  /** The native form: name and schema, no {@code strict} (the SDK types have none). */
  @Override
  public JsonNode responseFormat(String name, JsonNode schema) {
    ObjectNode format = JsonNodeFactory.instance.objectNode().put("type", "json_schema");
    format.putObject("json_schema").put("name", name).set("schema", schema);
    return format;
  }

  @Override
  public Completion completion(JsonNode body, String model) {
    JsonNode message = body.path("completion_message");
    JsonNode metrics = body.path("metrics");
    return new Completion(
        ReasoningFilter.strip(WireFormat.text(message.path("content"))),
        model,
        textOrNull(message.path("stop_reason")),
        metric(metrics, "num_prompt_tokens"),
        metric(metrics, "num_completion_tokens"),
        ToolWire.read(message.path("tool_calls")));
  }

  @Override
  public StreamDelta delta(JsonNode chunk) {
    JsonNode event = chunk.path("event");
    JsonNode delta = event.path("delta");
    String type = delta.path("type").asText("text");
    String text = type.equals("text") ? delta.path("text").asText("") : "";
    List<ToolCallDelta> calls =
        type.equals("tool_call") ? List.of(ToolWire.delta(delta, null)) : List.of();
    JsonNode metrics = event.path("metrics");
    return new StreamDelta(
        text,
        textOrNull(event.path("stop_reason")),
        metric(metrics, "num_prompt_tokens"),
        metric(metrics, "num_completion_tokens"),
        null,
        calls);
  }

  private static Integer metric(JsonNode metrics, String name) {
    for (JsonNode metric : metrics) {
      if (name.equals(metric.path("metric").asText())) {
        return WireFormat.tokens(metric.path("value"));
      }
    }
    return null;
  }

  private static String textOrNull(JsonNode node) {
    return node.isTextual() && !node.asText().isEmpty() ? node.asText() : null;
  }
}
