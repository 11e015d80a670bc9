package dev.cria.fakes;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import dev.cria.fakes.FakeLlamaApiJson.Usage;
import java.io.IOException;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicReference;

/**
 * {@code response_format} {@code json_schema} for {@link FakeLlamaApi}, in both dialects. The
 * request's form is checked (a name and an object schema; {@code strict} on the OpenAI-compatible
 * dialect, which the native one does not have) and answered with a document made from the schema:
 * every string is {@code "<property>: <first line of the last user message>"} (cut to 60
 * characters), every array holds one item. A test can script the next answers' text instead ({@link
 * #answerWith}), valid or not, or make the server refuse the parameter as servers without
 * structured output do ({@link #refuse}).
 */
final class FakeLlamaApiStructured {

  /** The refusal's detail: it names the parameter, as vLLM's and the Llama API's do. */
  static final String REFUSAL = "Unexpected param value `response_format`: json_schema";

  private volatile int refusalStatus;
  private final AtomicReference<String> scripted = new AtomicReference<>();

  void refuse(int status) {
    refusalStatus = status;
  }

  void answerWith(String text) {
    scripted.set(text);
  }

  void reset() {
    refusalStatus = 0;
    scripted.set(null);
  }

  static boolean asked(FakeLlamaApiRequest request) {
    return "json_schema".equals(request.body().path("response_format").path("type").asText());
  }

  void answer(HttpExchange exchange, FakeLlamaApiRequest request) throws IOException {
    boolean openAi = "openai".equals(request.style());
    JsonNode jsonSchema = request.body().path("response_format").path("json_schema");
    if (refusalStatus > 0) {
      refuse(exchange, refusalStatus, openAi);
      return;
    }
    boolean wellFormed =
        jsonSchema.path("name").isTextual()
            && jsonSchema.path("schema").isObject()
            && (openAi ? jsonSchema.path("strict").asBoolean(false) : !jsonSchema.has("strict"));
    if (!wellFormed || request.streaming()) {
      refuse(exchange, 400, openAi);
      return;
    }
    String text = scripted.get();
    if (text == null) {
      String line = request.lastUserMessage().strip().lines().findFirst().orElse("");
      String seed = line.length() > 60 ? line.substring(0, 60) : line;
      text = FakeLlamaApiJson.write(document(jsonSchema.path("schema"), "value", seed));
    }
    String model = request.body().path("model").asText("unknown");
    Usage usage = Usage.of(request.body().path("messages").toString(), text);
    FakeLlamaApiResponses.json(
        exchange,
        200,
        openAi
            ? FakeLlamaApiJson.openAiResponse("fake-structured", model, text, "stop", usage)
            : FakeLlamaApiJson.nativeResponse("fake-structured", text, "stop", usage, false));
  }

  private static void refuse(HttpExchange exchange, int status, boolean openAi) throws IOException {
    if (openAi) {
      FakeLlamaApiResponses.json(exchange, status, FakeLlamaApiJson.openAiError(status, REFUSAL));
    } else {
      FakeLlamaApiResponses.problem(exchange, status, REFUSAL, Map.of());
    }
  }

  /** A document that fits the schema: objects, arrays of one item, strings, numbers, booleans. */
  static JsonNode document(JsonNode schema, String name, String seed) {
    JsonNodeFactory nodes = JsonNodeFactory.instance;
    return switch (schema.path("type").asText("string")) {
      case "object" -> {
        ObjectNode object = nodes.objectNode();
        schema
            .path("properties")
            .properties()
            .forEach(p -> object.set(p.getKey(), document(p.getValue(), p.getKey(), seed)));
        yield object;
      }
      case "array" -> {
        ArrayNode array = nodes.arrayNode();
        array.add(document(schema.path("items"), name, seed));
        yield array;
      }
      case "integer", "number" -> nodes.numberNode(1);
      case "boolean" -> nodes.booleanNode(true);
      default -> nodes.textNode(Objects.requireNonNull(name) + ": " + seed);
    };
  }
}
