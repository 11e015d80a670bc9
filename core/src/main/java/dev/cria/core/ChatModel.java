package dev.cria.core;

import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;

/** The language model, whatever API serves it. Implementations retry what is worth retrying. */
public interface ChatModel {

  /**
   * Streams an answer.
   *
   * @param onText receives each fragment of text as it arrives
   * @return the whole answer with its metrics
   * @throws ModelException when no answer could be had
   */
  Completion stream(ChatRequest request, Consumer<String> onText);

  /**
   * The ids of the models the API offers.
   *
   * @throws ModelException when the list could not be had
   */
  List<String> models();

  /**
   * Whether a model sees images, as configured or as the server says. Never throws: unknown is
   * false.
   */
  default boolean seesImages(String model) {
    return false;
  }

  /**
   * Asks for one answer that is a JSON document of the schema ({@code response_format} {@code
   * json_schema}), without streaming.
   *
   * @return the answer mapped onto the schema's record; empty when structured output is not to be
   *     had: the server refuses {@code response_format}, or its answer is not valid for the schema.
   *     Callers then fall back to plain text.
   * @throws ModelException when no answer could be had at all
   */
  default <T extends Record> Optional<T> structured(ChatRequest request, JsonSchema<T> schema) {
    return Optional.empty();
  }
}
