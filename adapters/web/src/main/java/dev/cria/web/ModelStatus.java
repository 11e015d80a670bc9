package dev.cria.web;

import java.util.List;

/** The state of the model server and the guard model, for the admin console and model pickers. */
public interface ModelStatus {

  State state();

  /**
   * What the console shows of the model server.
   *
   * @param reachable whether {@code GET /models} answered just now
   * @param models what it listed, or the configured model alone when it did not answer
   * @param moderation the guard model, or "off"
   * @param breaker the circuit breaker around model calls: closed, open or half-open
   * @param problem why the server could not be reached, or null
   */
  record State(
      String baseUrl,
      String defaultModel,
      boolean reachable,
      List<String> models,
      String moderation,
      String outputModeration,
      String breaker,
      String problem) {}
}
