package dev.cria.fakes;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * How {@link FakeLlamaApi} answers a request that offers {@code tools}, steered by markers in the
 * last user message, as a model would decide:
 *
 * <ul>
 *   <li>{@code [[tool:NAME]]} or {@code [[tool:NAME {"a":1}]]}: a tool call to NAME (with those
 *       arguments) while the conversation does not yet hold a tool result; after one, the answer
 *       {@code Tool said: <the last tool result>};
 *   <li>{@code [[tool-always:NAME]]}: a call to NAME every time tools are offered; without tools,
 *       {@value #NO_MORE_TOOLS} and the number of tool results seen;
 *   <li>{@code [[tool-text:NAME]]} and {@code [[tool-pythonic:NAME]]}: the call printed as text,
 *       {@code {"name": "NAME", "parameters": {}}} or {@code [NAME()]}, as Ollama or llama.cpp do
 *       with Llama 3.x when their template does not parse it.
 * </ul>
 *
 * A call is only made to a tool the request offers; a marker naming another is ignored.
 */
final class FakeLlamaApiTools {

  static final String NO_MORE_TOOLS = "No more tools.";
  private static final Pattern MARKER =
      Pattern.compile(
          "\\[\\[(tool|tool-always|tool-text|tool-pythonic):([A-Za-z0-9_-]+)( \\{.*?})?]]");

  /** A decision: call {@code name} with {@code arguments}, or answer {@code text}. */
  record Turn(String name, String arguments, String text) {
    boolean calls() {
      return name != null;
    }
  }

  private FakeLlamaApiTools() {}

  /** What to answer, or null when the markers ask for nothing tool-related. */
  static Turn decide(JsonNode body, String lastUserMessage) {
    Matcher marker = MARKER.matcher(lastUserMessage);
    if (!marker.find()) {
      return null;
    }
    String kind = marker.group(1);
    String name = marker.group(2);
    String arguments = marker.group(3) == null ? "{}" : marker.group(3).strip();
    boolean offered = offers(body.path("tools"), name);
    int results = toolResults(body.path("messages"));
    JsonNode last = body.path("messages").path(body.path("messages").size() - 1);
    boolean afterResult = "tool".equals(last.path("role").asText());
    if (kind.equals("tool-always")) {
      return offered
          ? new Turn(name, arguments, null)
          : new Turn(null, null, NO_MORE_TOOLS + " Results seen: " + results);
    }
    if (afterResult) {
      return new Turn(
          null, null, "Tool said: " + FakeLlamaApiRequest.contentText(last.path("content")));
    }
    if (!offered) {
      return null;
    }
    return switch (kind) {
      case "tool-text" ->
          new Turn(null, null, "{\"name\": \"" + name + "\", \"parameters\": " + arguments + "}");
      case "tool-pythonic" -> new Turn(null, null, "[" + name + "()]");
      default -> new Turn(name, arguments, null);
    };
  }

  private static boolean offers(JsonNode tools, String name) {
    for (JsonNode tool : tools) {
      if (name.equals(tool.path("function").path("name").asText())) {
        return true;
      }
    }
    return false;
  }

  private static int toolResults(JsonNode messages) {
    int results = 0;
    for (JsonNode message : messages) {
      if ("tool".equals(message.path("role").asText())) {
        results++;
      }
    }
    return results;
  }

  /** The native stream's events for one call: id and name first, then the arguments in two. */
  static String[] nativeEvents(String id, String callId, Turn turn) {
    int half = turn.arguments().length() / 2;
    return new String[] {
      nativeToolEvent(id, callId, turn.name(), ""),
      nativeToolEvent(id, null, null, turn.arguments().substring(0, half)),
      nativeToolEvent(id, null, null, turn.arguments().substring(half))
    };
  }

  private static String nativeToolEvent(String id, String callId, String name, String arguments) {
    ObjectNode chunk = FakeLlamaApiJson.MAPPER.createObjectNode().put("id", id);
    ObjectNode delta =
        chunk
            .putObject("event")
            .put("event_type", "progress")
            .putObject("delta")
            .put("type", "tool_call");
    if (callId != null) {
      delta.put("id", callId);
    }
    ObjectNode function = delta.putObject("function");
    if (name != null) {
      function.put("name", name);
    }
    function.put("arguments", arguments);
    return FakeLlamaApiJson.write(chunk);
  }

  /** The OpenAI-compatible stream's chunks for one call, numbered 0. */
  static String[] openAiChunks(String id, String model, String callId, Turn turn) {
    int half = turn.arguments().length() / 2;
    return new String[] {
      openAiToolChunk(id, model, callId, turn.name(), ""),
      openAiToolChunk(id, model, null, null, turn.arguments().substring(0, half)),
      openAiToolChunk(id, model, null, null, turn.arguments().substring(half))
    };
  }

  private static String openAiToolChunk(
      String id, String model, String callId, String name, String arguments) {
    ObjectNode chunk =
        FakeLlamaApiJson.MAPPER
            .createObjectNode()
            .put("id", id)
            .put("object", "chat.completion.chunk")
            .put("created", 1746107585)
            .put("model", model);
    ObjectNode choice = chunk.putArray("choices").addObject().put("index", 0);
    ObjectNode call = choice.putObject("delta").putArray("tool_calls").addObject().put("index", 0);
    if (callId != null) {
      call.put("id", callId).put("type", "function");
    }
    ObjectNode function = call.putObject("function");
    if (name != null) {
      function.put("name", name);
    }
    function.put("arguments", arguments);
    choice.putNull("finish_reason");
    return FakeLlamaApiJson.write(chunk);
  }

  /** The whole call in a non-streaming answer's message, in the dialect's shape. */
  static ArrayNode calls(String callId, Turn turn, boolean openAi) {
    ArrayNode calls = FakeLlamaApiJson.MAPPER.createArrayNode();
    ObjectNode call = calls.addObject().put("id", callId);
    if (openAi) {
      call.put("type", "function");
    }
    call.putObject("function").put("name", turn.name()).put("arguments", turn.arguments());
    return calls;
  }
}
