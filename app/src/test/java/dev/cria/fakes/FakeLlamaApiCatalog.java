package dev.cria.fakes;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;

/** The models {@link FakeLlamaApi} serves: those of {@code fixtures/llama/models-list.json}. */
final class FakeLlamaApiCatalog {

  private static final String FIXTURE = "/fixtures/llama/models-list.json";

  private final JsonNode list;

  private FakeLlamaApiCatalog(JsonNode list) {
    this.list = list;
  }

  static FakeLlamaApiCatalog fromFixture() {
    try (InputStream in = FakeLlamaApiCatalog.class.getResourceAsStream(FIXTURE)) {
      if (in == null) {
        throw new IllegalStateException(FIXTURE + " is not on the classpath");
      }
      return new FakeLlamaApiCatalog(FakeLlamaApiJson.MAPPER.readTree(in));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  List<String> ids() {
    List<String> ids = new ArrayList<>();
    list.path("data").forEach(model -> ids.add(model.path("id").asText()));
    return List.copyOf(ids);
  }

  /** The {@code GET /models} body. */
  String list() {
    return FakeLlamaApiJson.write(list);
  }

  /** The {@code GET /models/{id}} body, or null for an unknown id. */
  String find(String id) {
    for (JsonNode model : list.path("data")) {
      if (model.path("id").asText().equals(id)) {
        return FakeLlamaApiJson.write(model);
      }
    }
    return null;
  }
}
