package dev.cria.llama;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.cria.core.ChatRequest;
import dev.cria.core.ChatTurn;
import dev.cria.core.Completion;
import dev.cria.core.ImagePart;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * One dialect of the chat API: how a request is written and how answers and stream chunks are read.
 * {@link LlamaChatClient} speaks whichever the settings pick and knows nothing else of either.
 */
interface WireFormat {

  /** The body of {@code POST /chat/completions}. */
  JsonNode chatBody(ChatRequest request, String model, boolean stream);

  /**
   * The {@code response_format} asking for an answer that is a JSON document of the schema: {@code
   * {"type": "json_schema", "json_schema": {"name": ..., "schema": ...}}}, with {@code strict}
   * where the dialect has it.
   */
  JsonNode responseFormat(String name, JsonNode schema);

  /** Reads a non-streaming answer. */
  Completion completion(JsonNode body, String model);

  /** Reads one stream chunk. */
  StreamDelta delta(JsonNode chunk);

  /** Whether a stream without a stop reason or {@code [DONE]} counts as broken off. */
  default boolean requiresEnd() {
    return false;
  }

  static WireFormat of(LlamaSettings settings) {
    return settings.openAiStyle() ? new OpenAiWireFormat() : new LlamaWireFormat();
  }

  /** The {@code data} list of {@code GET /models}; both dialects share it. */
  static List<LlamaModel> models(JsonNode body) {
    List<LlamaModel> models = new ArrayList<>();
    for (JsonNode model : body.path("data")) {
      models.add(LlamaModel.of(model));
    }
    return List.copyOf(models);
  }

  /**
   * Messages as both dialects (and moderation) take them: lower-case role, string content; a turn
   * with images has a list of parts instead, its text then one {@code image_url} part per image
   * with a base64 {@code data:} URL (the same shape in both dialects).
   */
  static ArrayNode messages(List<ChatTurn> turns) {
    return messages(turns, true);
  }

  /**
   * The same, with the turns of a tool-call loop: an assistant turn's {@code tool_calls} ({@code
   * typedCalls}: with {@code "type":"function"}, as the OpenAI-compatible dialect wants; the native
   * one wants none and a {@code stop_reason}), and {@code tool} turns with their {@code
   * tool_call_id}.
   */
  static ArrayNode messages(List<ChatTurn> turns, boolean typedCalls) {
    ArrayNode messages = JsonNodeFactory.instance.arrayNode();
    for (ChatTurn turn : turns) {
      ObjectNode message =
          messages.addObject().put("role", turn.role().name().toLowerCase(Locale.ROOT));
      if (turn.role() == ChatTurn.Role.TOOL) {
        message.put("tool_call_id", turn.toolCallId()).put("content", turn.content());
        continue;
      }
      if (!turn.toolCalls().isEmpty()) {
        if (turn.content() != null && !turn.content().isEmpty()) {
          message.put("content", turn.content());
        }
        if (!typedCalls) {
          message.put("stop_reason", "tool_calls");
        }
        message.set("tool_calls", ToolWire.calls(turn.toolCalls(), typedCalls));
        continue;
      }
      if (turn.images().isEmpty()) {
        message.put("content", turn.content());
        continue;
      }
      ArrayNode parts = message.putArray("content");
      if (turn.content() != null && !turn.content().isEmpty()) {
        parts.addObject().put("type", "text").put("text", turn.content());
      }
      for (ImagePart image : turn.images()) {
        parts
            .addObject()
            .put("type", "image_url")
            .putObject("image_url")
            .put("url", image.dataUrl());
      }
    }
    return messages;
  }

  /** Content as text: a string, a {@code {type, text}} object, or a list of such parts. */
  static String text(JsonNode content) {
    if (content.isTextual()) {
      return content.asText();
    }
    if (content.isObject()) {
      return content.path("text").asText("");
    }
    StringBuilder text = new StringBuilder();
    for (JsonNode part : content) {
      text.append(part.isTextual() ? part.asText() : part.path("text").asText(""));
    }
    return text.toString();
  }

  /** A token count that may come as an int or a float, or null when absent. */
  static Integer tokens(JsonNode value) {
    return value.isNumber() ? (int) Math.round(value.asDouble()) : null;
  }
}
