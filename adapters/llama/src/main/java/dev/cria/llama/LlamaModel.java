package dev.cria.llama;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * A model the API offers, as {@code GET /models} lists it.
 *
 * @param created seconds since the epoch, 0 when not given
 * @param ownedBy e.g. {@code Meta}, empty when not given
 */
public record LlamaModel(String id, long created, String ownedBy) {

  static LlamaModel of(JsonNode model) {
    return new LlamaModel(
        model.path("id").asText(),
        model.path("created").asLong(0),
        model.path("owned_by").asText(""));
  }
}
