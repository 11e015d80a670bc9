package dev.cria.llama;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.cria.core.ChatRequest;
import dev.cria.core.Completion;

/**
 * The OpenAI-compatible dialect that Ollama, vLLM, llama.cpp's {@code llama-server}, OGX and hosted
 * providers speak: {@code max_tokens}; {@code choices[0].message.content} or {@code
 * choices[0].delta.content}; {@code finish_reason} ({@code stop}, {@code length}, {@code
 * tool_calls}); {@code usage} (asked for in streams with {@code stream_options.include_usage}, sent
 * in a last chunk with no choices). Reasoning sent apart ({@code reasoning_content} on vLLM and
 * llama.cpp, {@code reasoning} on Ollama) is never read; reasoning inside {@code content} is left
 * to {@link ReasoningFilter}.
 */
final class OpenAiWireFormat implements WireFormat {

  @Override
  public JsonNode chatBody(ChatRequest request, String model, boolean stream) {
    ObjectNode body = JsonNodeFactory.instance.objectNode().put("model", model);
    body.set("messages", WireFormat.messages(request.messages(), true));
    if (!request.tools().isEmpty()) {
      body.set("tools", ToolWire.tools(request.tools()));
    }
    if (request.maxCompletionTokens() != null) {
      body.put("max_tokens", request.maxCompletionTokens());
    }
    if (request.temperature() != null) {
      body.put("temperature", request.temperature());
    }
    if (request.user() != null) {
      body.put("user", request.user());
    }
    body.put("stream", stream);
    if (stream) {
      body.putObject("stream_options").put("include_usage", true);
    }
    return body;
  }

  /** OpenAI's form, with {@code strict}: vLLM, llama.cpp and Ollama then constrain decoding. */
  @Override
  public JsonNode responseFormat(String name, JsonNode schema) {
    ObjectNode format = JsonNodeFactory.instance.objectNode().put("type", "json_schema");
    ObjectNode jsonSchema = format.putObject("json_schema").put("name", name);
    jsonSchema.set("schema", schema);
    jsonSchema.put("strict", true);
    return format;
  }

  @Override
  public Completion completion(JsonNode body, String model) {
    JsonNode choice = body.path("choices").path(0);
    JsonNode usage = body.path("usage");
    return new Completion(
        ReasoningFilter.strip(WireFormat.text(choice.path("message").path("content"))),
        body.path("model").asText(model),
        textOrNull(choice.path("finish_reason")),
        WireFormat.tokens(usage.path("prompt_tokens")),
        WireFormat.tokens(usage.path("completion_tokens")),
        ToolWire.read(choice.path("message").path("tool_calls")));
  }

  @Override
  public StreamDelta delta(JsonNode chunk) {
    JsonNode choice = chunk.path("choices").path(0);
    JsonNode usage = chunk.path("usage");
    JsonNode model = chunk.path("model");
    return new StreamDelta(
        WireFormat.text(choice.path("delta").path("content")),
        textOrNull(choice.path("finish_reason")),
        WireFormat.tokens(usage.path("prompt_tokens")),
        WireFormat.tokens(usage.path("completion_tokens")),
        model.isTextual() ? model.asText() : null,
        ToolWire.deltas(choice.path("delta").path("tool_calls")));
  }

  @Override
  public boolean requiresEnd() {
    return true;
  }

  private static String textOrNull(JsonNode node) {
    return node.isTextual() && !node.asText().isEmpty() ? node.asText() : null;
  }
}
