package dev.cria.llama;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.cria.core.ToolCall;
import dev.cria.core.ToolSpec;
import dev.cria.llama.StreamDelta.ToolCallDelta;
import java.util.ArrayList;
import java.util.List;

/**
 * Tools on the wire, in both dialects: the {@code tools} of a request (the same shape in both), the
 * {@code tool_calls} of an answer or a replayed assistant turn (with {@code "type":"function"} in
 * the OpenAI-compatible dialect, without it in the native one), and their stream fragments.
 */
final class ToolWire {

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

  private ToolWire() {}

  /** {@code [{"type":"function","function":{name, description, parameters}}]}. */
  static ArrayNode tools(List<ToolSpec> tools) {
    ArrayNode array = NODES.arrayNode();
    for (ToolSpec tool : tools) {
      ObjectNode function = array.addObject().put("type", "function").putObject("function");
      function.put("name", tool.name());
      if (tool.description() != null) {
        function.put("description", tool.description());
      }
      function.set("parameters", schema(tool.parametersSchema()));
    }
    return array;
  }

  /** A schema that is missing or not a JSON object means no arguments. */
  private static JsonNode schema(String text) {
    JsonNode schema = null;
    if (text != null && !text.isBlank()) {
      try {
        schema = JSON.readTree(text);
      } catch (JsonProcessingException e) {
        schema = null;
      }
    }
    if (schema == null || !schema.isObject()) {
      ObjectNode none = NODES.objectNode().put("type", "object");
      none.putObject("properties");
      return none;
    }
    return schema;
  }

  /** The calls of an assistant turn sent back to the model. */
  static ArrayNode calls(List<ToolCall> calls, boolean typed) {
    ArrayNode array = NODES.arrayNode();
    for (ToolCall call : calls) {
      ObjectNode node = array.addObject().put("id", call.id());
      if (typed) {
        node.put("type", "function");
      }
      node.putObject("function").put("name", call.name()).put("arguments", call.argumentsJson());
    }
    return array;
  }

  /** The whole calls of a non-streaming answer. */
  static List<ToolCall> read(JsonNode toolCalls) {
    ToolCallAssembly assembly = new ToolCallAssembly();
    int index = 0;
    for (JsonNode call : toolCalls) {
      assembly.add(delta(call, index++));
    }
    return assembly.calls();
  }

  /** The fragments in an OpenAI-compatible delta's {@code tool_calls}. */
  static List<ToolCallDelta> deltas(JsonNode toolCalls) {
    List<ToolCallDelta> deltas = new ArrayList<>();
    for (JsonNode call : toolCalls) {
      JsonNode index = call.path("index");
      deltas.add(delta(call, index.isInt() ? index.asInt() : null));
    }
    return deltas;
  }

  /**
   * One call or fragment: {@code {id, function: {name, arguments}}}. Arguments come as JSON text; a
   * server that sends them as an object (Ollama's native API does) gets them written as text.
   */
  static ToolCallDelta delta(JsonNode call, Integer index) {
    JsonNode function = call.path("function");
    JsonNode arguments = function.path("arguments");
    String argumentsText =
        arguments.isTextual()
            ? arguments.asText()
            : arguments.isMissingNode() || arguments.isNull() ? null : arguments.toString();
    return new ToolCallDelta(
        index, textOrNull(call.path("id")), textOrNull(function.path("name")), argumentsText);
  }

  private static String textOrNull(JsonNode node) {
    return node.isTextual() && !node.asText().isEmpty() ? node.asText() : null;
  }
}
