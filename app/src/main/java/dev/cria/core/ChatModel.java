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
   * Whether the server says a model sees images, when it says (Ollama does); empty when unknown.
   * Never throws.
   */
  default Optional<Boolean> seesImages(String model) {
    return Optional.empty();
  }
}
