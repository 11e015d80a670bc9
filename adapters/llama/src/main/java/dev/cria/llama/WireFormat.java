package dev.cria.llama;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import dev.cria.core.ChatRequest;
import dev.cria.core.ChatTurn;
import dev.cria.core.Completion;
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

  /** Messages as both dialects (and moderation) take them: lower-case role, string content. */
  static ArrayNode messages(List<ChatTurn> turns) {
    ArrayNode messages = JsonNodeFactory.instance.arrayNode();
    for (ChatTurn turn : turns) {
      messages
          .addObject()
          .put("role", turn.role().name().toLowerCase(Locale.ROOT))
          .put("content", turn.content());
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
