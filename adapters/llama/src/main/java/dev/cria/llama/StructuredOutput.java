package dev.cria.llama;

import static dev.cria.llama.LlamaTransport.CHAT;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.MapperFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.cfg.CoercionAction;
import com.fasterxml.jackson.databind.cfg.CoercionInputShape;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.type.LogicalType;
import dev.cria.core.ChatRequest;
import dev.cria.core.Completion;
import dev.cria.core.JsonSchema;
import dev.cria.core.ModelException;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Structured answers: {@code response_format} {@code json_schema} in the dialect's form, one
 * non-streaming call, the answer mapped onto the schema's record by Jackson. Mapping is the
 * validation: a missing or null property, or one of the wrong type (no coercion of scalars), makes
 * the answer no answer; properties the schema does not name are ignored. A server that refuses
 * {@code response_format} (a 400 or 422 naming it) is remembered for {@link #REFUSAL_MEMORY}, so
 * that callers fall back to plain text at once instead of asking twice every time.
 */
final class StructuredOutput {

  static final Duration REFUSAL_MEMORY = Duration.ofMinutes(10);

  private static final Logger LOG = LoggerFactory.getLogger(StructuredOutput.class);

  private static final ObjectMapper JSON =
      JsonMapper.builder()
          .propertyNamingStrategy(PropertyNamingStrategies.SNAKE_CASE)
          .enable(DeserializationFeature.FAIL_ON_MISSING_CREATOR_PROPERTIES)
          .enable(DeserializationFeature.FAIL_ON_NULL_CREATOR_PROPERTIES)
          .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
          .disable(MapperFeature.ALLOW_COERCION_OF_SCALARS)
          .withCoercionConfig(
              LogicalType.Textual,
              config ->
                  config
                      .setCoercion(CoercionInputShape.Integer, CoercionAction.Fail)
                      .setCoercion(CoercionInputShape.Float, CoercionAction.Fail)
                      .setCoercion(CoercionInputShape.Boolean, CoercionAction.Fail))
          .build();

  /** What servers say when they do not take the parameter (vLLM, llama.cpp, hosted APIs). */
  private static final Pattern NAMES_RESPONSE_FORMAT =
      Pattern.compile("response_format|json_schema|structured output|grammar");

  /** A fenced block around the JSON, as models without constrained decoding like to write. */
  private static final Pattern FENCE = Pattern.compile("(?s)^```[a-zA-Z]*\\s*(.*?)\\s*```$");

  private final LlamaTransport transport;
  private final WireFormat format;
  private volatile Instant refusedUntil = Instant.MIN;

  StructuredOutput(LlamaTransport transport, WireFormat format) {
    this.transport = transport;
    this.format = format;
  }

  <T extends Record> Optional<T> ask(
      ChatRequest request, String model, String url, JsonSchema<T> schema) {
    if (Instant.now().isBefore(refusedUntil)) {
      return Optional.empty();
    }
    ObjectNode body = (ObjectNode) format.chatBody(request, model, false);
    body.set("response_format", format.responseFormat(schema.name(), parse(schema)));
    Completion completion;
    try {
      completion =
          transport.measured(
              CHAT, () -> format.completion(transport.postJson(CHAT, url, body), model));
    } catch (ModelException e) {
      if (!refusesResponseFormat(e)) {
        throw e;
      }
      refusedUntil = Instant.now().plus(REFUSAL_MEMORY);
      LOG.info(
          "The model server does not take json_schema ({}); plain text for {}",
          e.getMessage(),
          REFUSAL_MEMORY);
      return Optional.empty();
    }
    return read(completion.text(), schema);
  }

  /** The answer's text mapped onto the schema's record, or empty when it does not fit. */
  static <T extends Record> Optional<T> read(String text, JsonSchema<T> schema) {
    String json = text == null ? "" : text.strip();
    var fenced = FENCE.matcher(json);
    if (fenced.matches()) {
      json = fenced.group(1);
    }
    try {
      JsonNode tree = JSON.readTree(json);
      if (tree == null || !tree.isObject()) {
        LOG.info("The structured answer for {} is no JSON object", schema.name());
        return Optional.empty();
      }
      return Optional.of(JSON.treeToValue(tree, schema.type()));
    } catch (JsonProcessingException | IllegalArgumentException e) {
      // The kind of mismatch and where, never the answer's text (it is the conversation's).
      String why =
          e instanceof JsonMappingException mapping && !mapping.getPath().isEmpty()
              ? e.getClass().getSimpleName() + " at " + mapping.getPathReference()
              : e.getClass().getSimpleName();
      LOG.info("The structured answer does not fit the schema {}: {}", schema.name(), why);
      return Optional.empty();
    }
  }

  static boolean refusesResponseFormat(ModelException e) {
    return e.kind() == ModelException.Kind.BAD_REQUEST
        && e.getMessage() != null
        && NAMES_RESPONSE_FORMAT.matcher(e.getMessage().toLowerCase(Locale.ROOT)).find();
  }

  private static JsonNode parse(JsonSchema<?> schema) {
    try {
      return JSON.readTree(schema.schema());
    } catch (JsonProcessingException e) {
      throw new IllegalArgumentException("the schema " + schema.name() + " is no JSON", e);
    }
  }
}
