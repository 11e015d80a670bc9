package dev.cria.core;

import java.util.List;
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
}
